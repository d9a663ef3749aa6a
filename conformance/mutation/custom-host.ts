import { Buffer } from 'node:buffer';
import { DEFAULT_LIMITS, isJsonMediaType } from '@batchwire/schema';
import {
  createBatchHandler,
  type Dispatch,
  type HeaderRecord,
  type InnerResult,
  type OuterHeaders,
  type ResponseBody,
} from '@batchwire/server';
import { createFixtures } from '../src/fixtures/index.js';
import type { FetchLike } from '../src/run/transport.js';
import {
  clientRequest,
  IN_PROCESS_ORIGIN,
  type InProcessEndpoint,
  type InProcessOptions,
} from './in-process.js';

/** Where the custom host mounts its batch endpoint. */
const BATCH_PATH = '/batch';

/** Hop-by-hop and framing headers a dispatch leaves out of an entry (the spec's section 9.2). */
const FRAMING = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** `content-type` to `Content-Type`: entries carry conventional capitalisation. */
const capitalised = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The body of an entry as spec section 9.2 words it, written independently of the server's own
 * classifier: JSON that parses as its compact text, text under `text/*` or a charset, else base64.
 * Nothing is capped: the core's item budget is what must refuse an oversized body.
 */
function entryBody(contentType: string | undefined, bytes: Uint8Array): ResponseBody {
  if (bytes.byteLength === 0) return { kind: 'none' };
  const json = contentType !== undefined && isJsonMediaType(contentType);
  const textual =
    contentType !== undefined && (/^\s*text\//i.test(contentType) || /;\s*charset=/i.test(contentType));
  if (json || textual) {
    let text: string | undefined;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined && json) {
      try {
        return { kind: 'jsonText', text: JSON.stringify(JSON.parse(text)) };
      } catch {
        if (textual) return { kind: 'text', text };
      }
    } else if (text !== undefined) return { kind: 'text', text };
  }
  return { kind: 'base64', data: Buffer.from(bytes).toString('base64') };
}

/**
 * A host of its own over the public protocol core (`createBatchHandler`), as an app on a framework
 * Batchwire ships no adapter for would write one: it hands the outer body over as text (what a
 * host's text body parser gives) and dispatches inner requests to the Appendix A fixtures with a
 * dispatch of its own that keeps whole bodies and embeds JSON as its text. So the core's own
 * safeguards meet the cases, not the shipped hosts' (the fetch host caps bodies while reading).
 */
export function customHostEndpoint(options: InProcessOptions = {}): InProcessEndpoint {
  const fixtures = createFixtures({ throws: 'reject' });
  const handle = createBatchHandler<Request>({
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    ...(options.streaming === undefined ? {} : { streaming: options.streaming }),
    ...(options.idempotency === false ? { idempotency: false as const } : {}),
  });
  const app = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (fixtures.owns(pathname)) return fixtures(request);
    if (pathname === BATCH_PATH) return serve(request);
    return new Response('not found', { status: 404 });
  };
  const dispatch: Dispatch = async (request, context): Promise<InnerResult> => {
    const response = await app(
      new Request(`${IN_PROCESS_ORIGIN}${request.url}`, {
        method: request.method,
        headers: request.headers,
        signal: context.signal,
        ...(request.body.kind === 'bytes' ? { body: request.body.text } : {}),
      }),
    );
    const headers: HeaderRecord = Object.create(null);
    response.headers.forEach((value, name) => {
      if (!FRAMING.has(name)) headers[capitalised(name)] = value;
    });
    const noBody = request.method === 'HEAD' || response.status === 204 || response.status === 304;
    const bytes = noBody ? new Uint8Array() : new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers,
      body: entryBody(response.headers.get('content-type') ?? undefined, bytes),
    };
  };
  const serve = async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = Object.create(null);
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const answer = await handle({
      method: request.method,
      headers: headers as OuterHeaders,
      // Text as a host's text parser decodes it; bytes that are not UTF-8 go over as they came.
      body: async () => {
        const bytes = new Uint8Array(await request.arrayBuffer());
        try {
          return strictUtf8.decode(bytes);
        } catch {
          return bytes;
        }
      },
      signal: request.signal,
      dispatch,
      endpointPath: BATCH_PATH,
      raw: request,
    });
    const body =
      request.method === 'HEAD'
        ? null
        : typeof answer.body === 'string'
          ? answer.body
          : ReadableStream.from(answer.body).pipeThrough(new TextEncoderStream());
    return new Response(body, { status: answer.status, headers: answer.headers });
  };
  const fetch: FetchLike = async (url, init) => app(clientRequest(url, init));
  return { url: `${IN_PROCESS_ORIGIN}${BATCH_PATH}`, fetch, close: () => handle.close() };
}
