import type { IncomingMessage } from 'node:http';
import { INNER_REQUEST_MARKER_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import { type Request, type Response, Router } from 'express';
import { gatewayDispatch } from '../dispatch/gateway.js';
import { type HandlerApp, inProcessDispatch } from '../dispatch/in-process/dispatch.js';
import type { Dispatch } from '../engine/types.js';
import { memoryIdempotencyStore } from '../idempotency/store.js';
import { capabilitiesOf } from './capabilities.js';
import { type BatchwireOptions, resolveConfig } from './options.js';
import { type PostContext, runPost } from './run-post.js';
import { sendProblem } from './send.js';

const ALLOW = 'GET, HEAD, POST';
const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();

/**
 * The Batchwire endpoint as an Express router: `app.use('/batch', batchwire())`. GET serves the
 * capabilities document, POST runs a batch, other methods get 405. Inner requests re-enter the
 * host app in-process, or go to `options.upstream` over HTTP (gateway mode).
 */
export function batchwire(options: BatchwireOptions = {}): Router {
  const config = resolveConfig(options);
  const capabilities = JSON.stringify(capabilitiesOf(config));
  const gateway =
    options.upstream === undefined
      ? undefined
      : gatewayDispatch({
          upstream: options.upstream,
          connections: config.limits.maxConcurrency * 4,
          requestTimeoutMs: config.limits.requestTimeoutMs,
        });
  const store =
    config.idempotency === undefined
      ? undefined
      : (config.idempotency.store ??
        memoryIdempotencyStore({
          maxEntries: config.idempotency.maxEntries,
          maxBytes: config.idempotency.maxBytes,
        }));
  const logger = options.logger;

  const dispatchFor = (req: IncomingMessage): Dispatch => {
    if (gateway !== undefined) return gateway.dispatch;
    const outer = req as Request;
    const socket = outer.socket;
    return inProcessDispatch({
      app: outer.app as unknown as HandlerApp,
      servicePath: config.servicePath,
      host: outer.headers.host,
      connection: {
        remoteAddress: socket.remoteAddress,
        remotePort: socket.remotePort,
        remoteFamily: socket.remoteFamily,
        localAddress: socket.localAddress,
        localPort: socket.localPort,
        encrypted: (socket as { encrypted?: boolean }).encrypted === true,
      },
      onHandlerError: logger
        ? (error, request) =>
            logger.error({ err: error, id: request.id, url: request.url }, 'inner handler error')
        : undefined,
    });
  };
  const context: PostContext = {
    config,
    store,
    dispatchFor,
    options,
    logger,
    // The upstream's own batch path is unknown in gateway mode; the inner marker guards it there.
    endpointPath: gateway === undefined ? (req) => (req as Request).baseUrl : undefined,
  };

  const router = Router();
  router.all('/', (req: Request, res: Response) => {
    if (req.headers[MARKER] !== undefined) {
      sendProblem(res, {
        type: PROBLEM_TYPES.recursion,
        title: 'Recursive batch refused',
        status: 400,
        detail: 'A request dispatched from inside a batch may not enter a batch endpoint.',
      });
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.status(200).type('application/json').send(capabilities);
      return;
    }
    if (req.method !== 'POST') {
      sendProblem(
        res,
        {
          type: PROBLEM_TYPES.methodNotAllowed,
          title: 'Method not allowed',
          status: 405,
          detail: `A batch endpoint answers ${ALLOW}; ${req.method} is not supported.`,
        },
        { Allow: ALLOW },
      );
      return;
    }
    runPost(req, res, context).catch((error: unknown) => {
      logger?.error({ err: error }, 'batch failed');
      sendProblem(res, {
        type: PROBLEM_TYPES.handlerError,
        title: 'Internal error',
        status: 500,
        detail: 'The batch endpoint failed unexpectedly.',
      });
    });
  });
  return router;
}
