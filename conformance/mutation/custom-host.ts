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
import { statusAnswer } from '../src/fixtures/status.js';
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
 * The field lines a client could have sent for one value: each ", "-separated member on a line of
 * its own (RFC 9110 section 5.3 makes a list the same either way; for a singleton field such as
 * Content-Type it is a repeated field, which a recipient must cope with), a Cookie as its "; "
 * crumbs (RFC 9113 section 8.2.3). A host that keeps lines apart (node's headersDistinct) hands the
 * core such lists. Split at the exact separators the core joins with, so nothing is rewritten.
 */
const fieldLines = (name: string, value: string): string[] =>
  name === 'cookie' ? value.split('; ') : value.split(', ');

/** How the custom host's dispatch hands a JSON body to the core. */
export type JsonBodies = 'text' | 'value';

/** Options of {@link customHostEndpoint}: the in-process ones, and how JSON bodies are handed over. */
export interface CustomHostOptions extends InProcessOptions {
  /**
   * `text` (default): a JSON body as its compact text (`jsonText`), as a proxy that never parses
   * it would; `value`: parsed (`json`), as a host whose handlers return objects would.
   */
  readonly jsonBodies?: JsonBodies;
}

/** A JSON body in the form the host hands it over. */
const jsonBody = (value: unknown, form: JsonBodies): ResponseBody =>
  form === 'value' ? { kind: 'json', value } : { kind: 'jsonText', text: JSON.stringify(value) };

/**
 * The body of an entry as spec section 9.2 words it, written independently of the server's own
 * classifier: JSON that parses as JSON, text under `text/*` or a charset, else base64. Nothing is
 * capped: the core's item budget is what must refuse an oversized body.
 */
function entryBody(contentType: string | undefined, bytes: Uint8Array, form: JsonBodies): ResponseBody {
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
        return jsonBody(JSON.parse(text), form);
      } catch {
        if (textual) return { kind: 'text', text };
      }
    } else if (text !== undefined) return { kind: 'text', text };
  }
  return { kind: 'base64', data: Buffer.from(bytes).toString('base64') };
}

/**
 * A host of its own over the public protocol core (`createBatchHandler`), as an app on a framework
 * Batchwire ships no adapter for would write one. It hands the outer body over as text (what a
 * host's text body parser gives) and every header as a list of field lines (see fieldLines),
 * and dispatches inner requests to the Appendix A fixtures with a dispatch of its own: it keeps
 * whole bodies, and answers `GET status/{code}` at once, without a promise, as a router whose
 * handler is synchronous does. So the core's own safeguards and its synchronous path meet the
 * cases, not only the shipped hosts' (the fetch host caps bodies while reading, always awaits).
 */
export function customHostEndpoint(options: CustomHostOptions = {}): InProcessEndpoint {
  const form = options.jsonBodies ?? 'text';
  const fixtures = createFixtures({ throws: 'reject' });
  const statusPath = new RegExp(`^${fixtures.prefix}/status/([^/?#]*)$`);
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
  const answeredAtOnce = (method: string, url: string): InnerResult | undefined => {
    const param = method === 'GET' || method === 'HEAD' ? statusPath.exec(url)?.[1] : undefined;
    const answer = param === undefined ? undefined : statusAnswer(param);
    if (answer === undefined) return undefined;
    if (answer.body === undefined) return { status: answer.status, headers: {}, body: { kind: 'none' } };
    const headers = { 'Content-Type': 'application/json; charset=utf-8' };
    if (method === 'HEAD') return { status: answer.status, headers, body: { kind: 'none' } };
    return { status: answer.status, headers, body: jsonBody(answer.body, form) };
  };
  const answerLater: Dispatch = async (request, context) => {
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
      body: entryBody(response.headers.get('content-type') ?? undefined, bytes, form),
    };
  };
  const dispatch: Dispatch = (request, context) =>
    answeredAtOnce(request.method, request.url) ?? answerLater(request, context);
  const serve = async (request: Request): Promise<Response> => {
    const headers: Record<string, string[]> = Object.create(null);
    request.headers.forEach((value, name) => {
      headers[name] = fieldLines(name, value);
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
