import { type Dispatcher, Pool } from 'undici';
import type { Dispatch, InnerResult } from '../engine/types.js';
import { forwardHandler } from './gateway-handler.js';
import { parseUpstream } from './upstream.js';

export { parseUpstream } from './upstream.js';

/** Options of the gateway dispatcher. */
export interface GatewayOptions {
  /** Origin (and optional base path) of the upstream API, e.g. `http://127.0.0.1:8080/api`. */
  readonly upstream: string;
  /** Most connections kept to the upstream. */
  readonly connections?: number;
  /** Milliseconds after which a silent upstream counts as timed out (504). */
  readonly requestTimeoutMs: number;
  /**
   * Forward through this undici Dispatcher (TLS options, a proxy, its own pool size) instead of a
   * Pool the gateway makes; the caller owns it, so `close()` leaves it open.
   */
  readonly dispatcher?: Dispatcher;
  /** Most body bytes read per upstream answer (default `DEFAULT_LIMITS.maxItemResponseBytes`); more answers 502. */
  readonly maxItemResponseBytes?: number;
}

/** A gateway dispatcher and the pool it owns. */
export interface Gateway {
  readonly dispatch: Dispatch;
  /** Closes the upstream connections the gateway made (idempotent); a caller's dispatcher stays open. */
  close(): Promise<void>;
}

/**
 * Forwards inner requests over HTTP keep-alive to one upstream origin (an undici Pool bound to it,
 * so no url can reach another host). Redirects are returned, never followed; a broken connection
 * answers 502 and a timeout 504 for that item only.
 */
export function gatewayDispatch(options: GatewayOptions): Gateway {
  const { origin, basePath } = parseUpstream(options.upstream);
  const { requestTimeoutMs } = options;
  const own =
    options.dispatcher === undefined
      ? new Pool(origin, {
          connections: options.connections ?? 32,
          headersTimeout: requestTimeoutMs,
          bodyTimeout: requestTimeoutMs,
        })
      : undefined;
  const target: Dispatcher = own ?? options.dispatcher!;
  const dispatch: Dispatch = (request, context) =>
    new Promise<InnerResult>((resolve) => {
      const handler = forwardHandler(
        request.method === 'HEAD',
        context,
        requestTimeoutMs,
        resolve,
        options.maxItemResponseBytes,
      );
      // The origin is fixed here, never taken from the inner url: no inner request reaches another host.
      target.dispatch(
        {
          origin,
          path: basePath + request.url,
          method: request.method as 'GET',
          headers: request.headers,
          body: request.body.kind === 'bytes' ? request.body.text : null,
          headersTimeout: requestTimeoutMs,
          bodyTimeout: requestTimeoutMs,
        },
        handler,
      );
    });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= own === undefined || own.closed ? Promise.resolve() : own.close();
    return closing;
  };
  return { dispatch, close };
}
