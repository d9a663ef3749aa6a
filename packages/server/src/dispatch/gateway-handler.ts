import { DEFAULT_LIMITS } from '@batchwire/schema';
import type { Dispatcher } from 'undici';
import { badGateway, timedOut } from '../engine/item-problems.js';
import type { CancelReason, DispatchContext, HeaderRecord, InnerResult } from '../engine/types.js';
import { conventionalHeaderName, isFramingHeader } from '../http/header-case.js';
import { classifyBody } from '../http/response-body.js';
import { declaredTooLarge, responseTooLarge } from './too-large.js';

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
 * request when the engine cancels the item. It never rejects: failures resolve as 502/504. A body
 * declared or counted past `maxBytes` is not read further: the request is aborted and answers 502.
 */
export function forwardHandler(
  head: boolean,
  context: DispatchContext,
  requestTimeoutMs: number,
  resolve: (result: InnerResult) => void,
  maxBytes: number = DEFAULT_LIMITS.maxItemResponseBytes,
): Dispatcher.DispatchHandler {
  let controller: Dispatcher.DispatchController | undefined;
  let cancelled: CancelReason | undefined;
  let status = 0;
  let headers: HeaderRecord | undefined;
  let contentType: string | undefined;
  let first: Buffer | undefined;
  let rest: Buffer[] | undefined;
  let received = 0;
  let tooLarge = false;
  const refuse = (active: Dispatcher.DispatchController) => {
    tooLarge = true;
    first = undefined;
    rest = undefined;
    resolve(responseTooLarge('maxItemResponseBytes', maxBytes));
    active.abort(new Error('inner response larger than maxItemResponseBytes'));
  };
  context.onCancel((reason) => {
    cancelled = reason;
    controller?.abort(new Error(`inner request cancelled (${reason})`));
  });
  return {
    onRequestStart(started) {
      controller = started;
      if (cancelled !== undefined) started.abort(new Error(`inner request cancelled (${cancelled})`));
    },
    onResponseStart(active, statusCode, responseHeaders) {
      status = statusCode;
      first = undefined;
      rest = undefined;
      received = 0;
      ({ headers, contentType } = innerHeaders(responseHeaders));
      if (!head && declaredTooLarge(responseHeaders['content-length'], maxBytes)) refuse(active);
    },
    onResponseData(active, chunk) {
      if (tooLarge) return;
      received += chunk.length;
      if (received > maxBytes) refuse(active);
      else if (first === undefined) first = chunk;
      else if (rest === undefined) rest = [first, chunk];
      else rest.push(chunk);
    },
    onResponseEnd() {
      if (tooLarge) return;
      const bytes = rest === undefined ? first : Buffer.concat(rest);
      const body = head || bytes === undefined ? NO_BODY : classifyBody(contentType, bytes);
      resolve({ status, headers: headers ?? Object.create(null), body });
    },
    onResponseError(_controller, error) {
      if (tooLarge) return;
      resolve(upstreamFailure(error, requestTimeoutMs));
    },
  };
}
