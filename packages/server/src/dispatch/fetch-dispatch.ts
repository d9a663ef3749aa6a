import type { Dispatch, DispatchContext, InnerResult } from '../engine/types.js';
import { classifyBody } from '../http/response-body.js';
import { readWebBody } from '../http/web-body.js';
import { innerHeaders } from './gateway-handler.js';
import { declaredTooLarge, responseTooLarge } from './too-large.js';

/** A Web-standard application: the `fetch` of Hono, itty, Bun.serve, Deno.serve or a Worker. */
export type FetchApp = (request: Request) => Response | Promise<Response>;

/** Options of {@link fetchDispatch}. */
export interface FetchDispatchOptions {
  /** The app every inner request runs through. */
  readonly fetch: FetchApp;
  /** Origin of the outer request, so inner urls are absolute on the same service (`http://host`). */
  readonly origin: string;
  /** Path prefix inner urls resolve under (`''` = the app root). */
  readonly servicePath: string;
  /** Most body bytes kept per inner response; more answers 502 `response-too-large`. */
  readonly maxItemResponseBytes: number;
}

const NO_BODY = { kind: 'none' } as const;

/**
 * An inner `Request` whose `signal` is the item's cancellation signal, made only when the app
 * reads it: handing undici a signal to follow costs about 20 us per inner request on Node 20,
 * more than the rest of the dispatch, and most handlers never look at it.
 */
class InnerRequest extends Request {
  readonly #context: DispatchContext;
  constructor(url: string, init: RequestInit, context: DispatchContext) {
    super(url, init);
    this.#context = context;
  }
  static {
    // An accessor over the `signal` the lib types declare as a plain property.
    Object.defineProperty(InnerRequest.prototype, 'signal', {
      get(this: InnerRequest): AbortSignal {
        return this.#context.signal;
      },
    });
  }
}

/**
 * Dispatches inner requests through a Web-standard app's own `fetch`: each becomes a `Request`
 * carrying the inner-request marker among its headers, aborted when the engine cancels the item.
 * A rejection of the app's fetch is a 500 for that item (the engine's rule).
 */
export function fetchDispatch(options: FetchDispatchOptions): Dispatch {
  const { fetch, origin, servicePath, maxItemResponseBytes } = options;
  return async (request, context): Promise<InnerResult> => {
    // The engine's header record is this request's own (lower-case names): handed over as it is.
    const headers = request.headers;
    const init: RequestInit = { method: request.method, headers };
    if (request.body.kind === 'bytes') {
      init.body = request.body.text;
      headers['content-type'] ??= request.body.contentType;
    }
    const response = await fetch(new InnerRequest(`${origin}${servicePath}${request.url}`, init, context));
    const record: Record<string, string> = Object.create(null);
    for (const [name, value] of response.headers) record[name] = value;
    const { headers: answerHeaders, contentType } = innerHeaders(record);
    const bodyless = request.method === 'HEAD' || response.status === 204 || response.status === 304;
    if (bodyless) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, headers: answerHeaders, body: NO_BODY };
    }
    if (declaredTooLarge(response.headers.get('content-length') ?? undefined, maxItemResponseBytes)) {
      await response.body?.cancel().catch(() => undefined);
      return responseTooLarge('maxItemResponseBytes', maxItemResponseBytes);
    }
    const { bytes, over } = await readWebBody(response.body, maxItemResponseBytes);
    if (over) return responseTooLarge('maxItemResponseBytes', maxItemResponseBytes);
    return { status: response.status, headers: answerHeaders, body: classifyBody(contentType, bytes) };
  };
}
