import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBatchHandler } from '../core/handler.js';
import { innerErrorLogger } from '../core/inner-errors.js';
import type { BatchwireOptions } from '../core/options.js';
import type { BatchHandler } from '../core/types.js';
import { type HandlerApp, inProcessDispatch } from '../dispatch/in-process/dispatch.js';
import { nodeScheduler } from '../http/node-scheduler.js';
import { serveNode } from '../http/node-serve.js';
import { expressConnection } from './express-connection.js';

/** The parts of an Express 4 or 5 request the adapter reads. */
type ExpressRequest = IncomingMessage & {
  readonly app?: unknown;
  readonly baseUrl?: string;
  readonly body?: unknown;
};

/** Express middleware as both Express 4 and Express 5 call it. */
export type BatchwireMiddleware = ((
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void) & {
  /** Closes what the endpoint owns (the gateway's upstream pool). */
  close(): Promise<void>;
};

/**
 * The Batchwire endpoint for Express 4.21+ and 5: `app.use('/batch', batchwire(options))`. Inner
 * requests re-enter the mounting app (`req.app`) in-process, or go to `options.upstream` over HTTP
 * (gateway mode). Paths below the mount point fall through to the next handler.
 */
export function batchwire(options: BatchwireOptions = {}): BatchwireMiddleware {
  const handle: BatchHandler<IncomingMessage> = createBatchHandler({
    ...options,
    scheduler: options.scheduler ?? nodeScheduler,
  });
  const logger = options.logger;
  const inProcess = handle.mode === 'in-process';

  const middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const outer = req as ExpressRequest;
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== '/' && path !== '') {
      next();
      return;
    }
    const dispatch = inProcess
      ? inProcessDispatch({
          app: outer.app as HandlerApp,
          servicePath: handle.config.servicePath,
          maxItemResponseBytes: handle.config.limits.maxItemResponseBytes,
          host: req.headers.host,
          connection: expressConnection(req),
          onHandlerError: innerErrorLogger(logger, req.headers),
        })
      : undefined;
    serveNode(handle, req, res, { dispatch, endpointPath: outer.baseUrl ?? '' }, logger);
  };
  return Object.assign(middleware, { close: handle.close });
}
