import { Pool } from 'undici';
import { badGateway, timedOut } from '../engine/item-problems.js';
import type { Dispatch, HeaderRecord, InnerResult } from '../engine/types.js';
import { conventionalHeaderName, isFramingHeader } from '../http/header-case.js';
import { classifyBody } from '../http/response-body.js';

/** Options of the gateway dispatcher. */
export interface GatewayOptions {
  /** Origin (and optional base path) of the upstream API, e.g. `http://127.0.0.1:8080/api`. */
  readonly upstream: string;
  /** Most connections kept to the upstream. */
  readonly connections?: number;
  /** Milliseconds after which a silent upstream counts as timed out (504). */
  readonly requestTimeoutMs: number;
}

/** A gateway dispatcher and the pool it owns. */
export interface Gateway {
  readonly dispatch: Dispatch;
  /** Closes the upstream connections. */
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Splits the upstream into its origin (the only one the pool can reach) and a base path. */
export function parseUpstream(upstream: string): { origin: string; basePath: string } {
  const url = new URL(upstream);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`upstream must be an http or https origin, not "${upstream}"`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new TypeError(`upstream must be an origin with an optional path, not "${upstream}"`);
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * Forwards inner requests over HTTP keep-alive to one upstream origin (an undici Pool bound to it,
 * so no url can reach another host). Redirects are returned, never followed; a broken connection
 * answers 502 and a timeout 504 for that item only.
 */
export function gatewayDispatch(options: GatewayOptions): Gateway {
  const { origin, basePath } = parseUpstream(options.upstream);
  const pool = new Pool(origin, {
    connections: options.connections ?? 32,
    headersTimeout: options.requestTimeoutMs,
    bodyTimeout: options.requestTimeoutMs,
  });
  const dispatch: Dispatch = async (request, context): Promise<InnerResult> => {
    try {
      const response = await pool.request({
        path: basePath + request.url,
        method: request.method as 'GET',
        headers: request.headers,
        body: request.body.kind === 'bytes' ? request.body.text : null,
        signal: context.signal,
      });
      const bytes = Buffer.from(await response.body.arrayBuffer());
      const headers: HeaderRecord = Object.create(null);
      let contentType: string | undefined;
      for (const name of Object.keys(response.headers)) {
        const value = response.headers[name];
        if (value === undefined || isFramingHeader(name)) continue;
        const text = Array.isArray(value) ? value.join(', ') : value;
        if (name === 'content-type') contentType = text;
        headers[conventionalHeaderName(name)] = text;
      }
      const body = request.method === 'HEAD' ? ({ kind: 'none' } as const) : classifyBody(contentType, bytes);
      return { status: response.statusCode, headers, body };
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && TIMEOUT_CODES.has(code))
        return timedOut('requestTimeoutMs', options.requestTimeoutMs);
      return badGateway(
        `The upstream could not be reached or broke the connection (${typeof code === 'string' ? code : 'error'}).`,
      );
    }
  };
  return { dispatch, close: () => pool.close() };
}
