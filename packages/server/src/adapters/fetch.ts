import { createBatchHandler } from '../core/handler.js';
import type { BatchwireOptions } from '../core/options.js';
import type { BatchHttpResponse, OuterHeaders } from '../core/types.js';
import { type FetchApp, fetchDispatch } from '../dispatch/fetch-dispatch.js';
import { defaultScheduler, type Scheduler } from '../engine/scheduler.js';
import { readWebBody } from '../http/web-body.js';

export type { FetchApp } from '../dispatch/fetch-dispatch.js';

/** Options of {@link batchwireFetch}: the core's options, plus the app inner requests run through. */
export interface BatchwireFetchOptions extends BatchwireOptions<Request> {
  /** In-process mode: the app's own `fetch` (Hono: `app.fetch`); not needed in gateway mode. */
  readonly fetch?: FetchApp;
}

/** A Web-standard batch endpoint: `(request: Request) => Promise<Response>`, and `close()`. */
export type BatchwireFetchHandler = ((request: Request) => Promise<Response>) & {
  /** Closes what the endpoint owns (the gateway's upstream pool). */
  close(): Promise<void>;
};

type Immediate = (callback: () => void) => unknown;

/**
 * Where the runtime has `setImmediate` (Node, Bun, Deno), the engine yields with it: the portable
 * `setTimeout(0)` idles for a millisecond or more per slice. Elsewhere (Workers) the default stays.
 */
function immediateScheduler(): Scheduler | undefined {
  const immediate = (globalThis as { setImmediate?: Immediate }).setImmediate;
  if (typeof immediate !== 'function') return undefined;
  return {
    setTimer: defaultScheduler.setTimer,
    yieldTurn: (callback) => {
      immediate(callback);
    },
  };
}

/** A streamed answer as a byte stream that pulls the next line only when the runtime asks for it. */
function pullStream(lines: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = lines[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else if (next.value !== '') controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

function toResponse(answer: BatchHttpResponse, head: boolean): Response {
  const body = head ? null : typeof answer.body === 'string' ? answer.body : pullStream(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/**
 * The Batchwire endpoint for any Web-standard app (Hono, itty, Bun.serve, Deno.serve, Workers):
 * `const handler = batchwireFetch({ fetch: app.fetch })`, then in Hono
 * `app.all('/batch', (c) => handler(c.req.raw))`. Inner requests go through `options.fetch` as
 * `Request`s marked as inner (in-process), or to `options.upstream` (gateway mode). The endpoint
 * path is the outer request's path, so inner urls naming it are refused up front.
 */
export function batchwireFetch(options: BatchwireFetchOptions = {}): BatchwireFetchHandler {
  const { fetch: app, ...core } = options;
  const scheduler = core.scheduler ?? immediateScheduler();
  const handle = createBatchHandler<Request>(scheduler === undefined ? core : { ...core, scheduler });
  const inProcess = handle.mode === 'in-process';
  if (inProcess && app === undefined) {
    throw new TypeError(
      'batchwireFetch: in-process mode needs options.fetch (the app inner requests run through)',
    );
  }
  const { servicePath, limits } = handle.config;
  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const headers: Record<string, string> = Object.create(null);
    for (const [name, value] of request.headers) headers[name] = value;
    const answer = await handle({
      method: request.method,
      headers: headers as OuterHeaders,
      // Past the limit the core refuses the body from what was read; the rest is never buffered.
      body: async (maxBytes) => (await readWebBody(request.body, maxBytes)).bytes,
      signal: request.signal,
      dispatch:
        inProcess && app !== undefined
          ? fetchDispatch({
              fetch: app,
              origin: url.origin,
              servicePath,
              maxItemResponseBytes: limits.maxItemResponseBytes,
            })
          : undefined,
      endpointPath: url.pathname.replace(/\/+$/, ''),
      raw: request,
    });
    return toResponse(answer, request.method === 'HEAD');
  };
  return Object.assign(handler, { close: handle.close });
}
