import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { badGateway, handlerError, problemItem } from '../../engine/item-problems.js';
import type { Dispatch, DispatchRequest, InnerResult } from '../../engine/types.js';
import { constructorsFor } from './constructors.js';
import { innerRequest } from './request.js';
import { innerResponse } from './response.js';
import { type ConnectionInfo, innerSocket } from './socket.js';

/** An application that can handle a request object in-process (an Express app's `handle`). */
export interface HandlerApp {
  handle(req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void): void;
  /** The prototype the app gives its request objects (Express: `app.request`). */
  readonly request?: object;
  /** The prototype the app gives its response objects (Express: `app.response`). */
  readonly response?: object;
}

/** Options of the in-process dispatcher. */
export interface InProcessOptions {
  /** The application whose whole middleware stack runs each inner request. */
  readonly app: HandlerApp;
  /** Path prefix the inner urls resolve under (`''` = the app root). */
  readonly servicePath: string;
  /** The outer connection's addresses and TLS flag, seen by inner handlers. */
  readonly connection: ConnectionInfo;
  /** Host header inner requests carry (the outer request's), unless the app needs another. */
  readonly host?: string | undefined;
  /** Most body bytes kept per inner response (default `DEFAULT_LIMITS.maxItemResponseBytes`); more answers 502. */
  readonly maxItemResponseBytes?: number | undefined;
  /** Told about every error an inner request's stack left unhandled. */
  readonly onHandlerError?: ((error: unknown, request: DispatchRequest) => void) | undefined;
}

function statusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code <= 599 ? code : undefined;
}

/** What an error the app did not handle itself becomes: its own 4xx/5xx status, else 500. */
function unhandled(error: unknown): InnerResult {
  const status = statusOf(error);
  if (status === undefined || status === 500) return handlerError();
  const expose = (error as { expose?: unknown }).expose === true && error instanceof Error;
  return problemItem({
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(expose ? { detail: error.message } : {}),
  });
}

/**
 * Dispatches inner requests into an application in-process: each one gets its own request and
 * response objects and runs the app's whole stack, with no socket and nothing shared with the
 * others. A throw becomes 500, a destroyed connection 502; a hang is ended by the engine's timeout.
 */
export function inProcessDispatch(options: InProcessOptions): Dispatch {
  const { app, servicePath, connection, host, onHandlerError, maxItemResponseBytes } = options;
  const make = constructorsFor(app);
  return (request, context) => {
    let settled = false;
    let answer: InnerResult | undefined;
    let resolveLater: ((result: InnerResult) => void) | undefined;
    const finish = (result: InnerResult) => {
      if (settled) return;
      settled = true;
      if (resolveLater) resolveLater(result);
      else answer = result;
    };
    const socket = innerSocket(connection, () =>
      finish(badGateway('The inner handler destroyed its connection before answering.')),
    );
    const req = innerRequest(request, servicePath + request.url, host, socket, make.request);
    const res = innerResponse(req, socket, finish, make.response, maxItemResponseBytes);
    context.onCancel(() => {
      settled = true;
      // Tell the handler its client is gone, as Node does when a real connection drops.
      socket.destroyed = true;
      req.destroy();
      res.emit('close');
    });
    const done = (error?: unknown) => {
      if (settled || res.writableEnded) return;
      if (error === undefined || error === null) {
        finish(
          problemItem({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `Cannot ${request.method} ${request.url.split('?', 1)[0]}`,
          }),
        );
        return;
      }
      try {
        onHandlerError?.(error, request);
      } catch {
        // A logging failure does not change the answer.
      }
      finish(unhandled(error));
    };
    try {
      app.handle(req, res, done);
    } catch (error) {
      done(error ?? new Error('thrown'));
    }
    // Most handlers answer synchronously: hand the result back at once, without a promise.
    if (answer !== undefined) return answer;
    return new Promise<InnerResult>((resolve) => {
      resolveLater = resolve;
    });
  };
}
