import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeKey } from '../core/batch-path.js';
import { createBatchHandler } from '../core/handler.js';
import type { BatchwireOptions } from '../core/options.js';
import { nodeScheduler } from '../http/node-scheduler.js';
import { serveNode } from '../http/node-serve.js';

/** Options of the node:http gateway: the core's options, an upstream, and where the endpoint is. */
export type NodeGatewayOptions = Omit<BatchwireOptions, 'mode' | 'upstream'> & {
  /** Origin (and optional base path) of the API the batch fronts, in any language. */
  readonly upstream: string;
  /** Path of the batch endpoint on this server (default `/batch`). */
  readonly path?: string;
};

/** A `createServer` request listener with the gateway's lifecycle. */
export type NodeGatewayHandler = ((
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void) & {
  /** Closes the upstream pool the gateway made (a caller's `dispatcher` stays open). */
  close(): Promise<void>;
};

/**
 * The Batchwire endpoint for plain node:http in gateway mode, fronting an API written in any
 * language: `http.createServer(batchwireNode({ upstream: 'http://127.0.0.1:8080' }))`. Requests to
 * other paths go to `next` when given (connect-style stacks), else get an empty 404.
 */
export function batchwireNode(options: NodeGatewayOptions): NodeGatewayHandler {
  const { path = '/batch', ...core } = options;
  const handle = createBatchHandler<IncomingMessage>({
    ...core,
    mode: 'gateway',
    scheduler: core.scheduler ?? nodeScheduler,
  });
  const endpoint = routeKey(path);
  const listener = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void => {
    if (routeKey((req.url ?? '/').split('?', 1)[0]!) !== endpoint) {
      if (next !== undefined) next();
      else {
        res.statusCode = 404;
        res.end();
      }
      return;
    }
    serveNode(handle, req, res, { endpointPath: path }, options.logger);
  };
  return Object.assign(listener, { close: handle.close });
}
