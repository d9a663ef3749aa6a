import type { Dispatcher } from 'undici';
import { badGateway, timedOut } from '../engine/item-problems.js';
import type { CancelReason, DispatchContext, HeaderRecord, InnerResult } from '../engine/types.js';
import { conventionalHeaderName, isFramingHeader } from '../http/header-case.js';
import { classifyBody } from '../http/response-body.js';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const NO_BODY = { kind: 'none' } as const;

/** Inner-response headers in conventional capitalisation, framing headers left out, repeats joined. */
export function innerHeaders(headers: Record<string, string | string[] | undefined>): {
  headers: HeaderRecord;
  contentType: string | undefined;
} {
  const result: HeaderRecord = Object.create(null);
  let contentType: string | undefined;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || isFramingHeader(name)) continue;
    const text = typeof value === 'string' ? value : value.join(', ');
    if (name === 'content-type') contentType = text;
    result[conventionalHeaderName(name)] = text;
  }
  return { headers: result, contentType };
}

/** The per-item answer to an error undici reports: 504 for its timeouts, 502 for anything else. */
export function upstreamFailure(error: unknown, requestTimeoutMs: number): InnerResult {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code))
    return timedOut('requestTimeoutMs', requestTimeoutMs);
  return badGateway(
    `The upstream could not be reached or broke the connection (${typeof code === 'string' ? code : 'error'}).`,
  );
}

/**
 * An undici dispatch handler that collects one upstream response into an inner result (bytes kept
 * as undici hands them over, joined only when they came in several chunks) and aborts the upstream
 * request when the engine cancels the item. It never rejects: failures resolve as 502/504.
 */
export function forwardHandler(
  head: boolean,
  context: DispatchContext,
  requestTimeoutMs: number,
  resolve: (result: InnerResult) => void,
): Dispatcher.DispatchHandler {
  let controller: Dispatcher.DispatchController | undefined;
  let cancelled: CancelReason | undefined;
  let status = 0;
  let headers: HeaderRecord | undefined;
  let contentType: string | undefined;
  let first: Buffer | undefined;
  let rest: Buffer[] | undefined;
  context.onCancel((reason) => {
    cancelled = reason;
    controller?.abort(new Error(`inner request cancelled (${reason})`));
  });
  return {
    onRequestStart(started) {
      controller = started;
      if (cancelled !== undefined) started.abort(new Error(`inner request cancelled (${cancelled})`));
    },
    onResponseStart(_controller, statusCode, responseHeaders) {
      status = statusCode;
      first = undefined;
      rest = undefined;
      ({ headers, contentType } = innerHeaders(responseHeaders));
    },
    onResponseData(_controller, chunk) {
      if (first === undefined) first = chunk;
      else if (rest === undefined) rest = [first, chunk];
      else rest.push(chunk);
    },
    onResponseEnd() {
      const bytes = rest === undefined ? first : Buffer.concat(rest);
      const body = head || bytes === undefined ? NO_BODY : classifyBody(contentType, bytes);
      resolve({ status, headers: headers ?? Object.create(null), body });
    },
    onResponseError(_controller, error) {
      resolve(upstreamFailure(error, requestTimeoutMs));
    },
  };
}
