import type { Dispatch, InnerResult } from '../engine/types.js';
import { classifyBody } from '../http/response-body.js';
import { innerHeaders } from './gateway-handler.js';
import { declaredTooLarge, responseTooLarge } from './too-large.js';

/** What `fastify.inject` answers, typed structurally (light-my-request's Response). */
interface InjectResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly rawPayload: Buffer;
}

/** The part of a Fastify instance the inject dispatch calls. */
export interface Injector {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }): PromiseLike<InjectResponse>;
}

/**
 * Dispatches inner requests with `fastify.inject` (light-my-request): each runs Fastify's whole
 * request lifecycle on a simulated socket and its serialised payload is classified afterwards.
 * Kept as the measured alternative to the router dispatch (`dispatch: 'inject'`).
 */
export function injectDispatch(app: Injector, servicePath: string, maxItemResponseBytes: number): Dispatch {
  return async (request): Promise<InnerResult> => {
    const response = await app.inject({
      method: request.method,
      url: servicePath + request.url,
      headers: request.headers,
      ...(request.body.kind === 'bytes' ? { payload: request.body.text } : {}),
    });
    const record: Record<string, string | string[] | undefined> = Object.create(null);
    for (const [name, value] of Object.entries(response.headers)) {
      record[name] = typeof value === 'number' ? String(value) : value;
    }
    const { headers, contentType } = innerHeaders(record);
    const status = response.statusCode;
    if (request.method === 'HEAD' || status === 204 || status === 304) {
      return { status, headers, body: { kind: 'none' } };
    }
    const bytes = response.rawPayload;
    if (
      bytes.length > maxItemResponseBytes ||
      declaredTooLarge(record['content-length'], maxItemResponseBytes)
    ) {
      return responseTooLarge('maxItemResponseBytes', maxItemResponseBytes);
    }
    return { status, headers, body: classifyBody(contentType, bytes) };
  };
}
