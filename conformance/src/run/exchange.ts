import type { StepRequest } from '../case/step-request.js';
import { isObject } from '../match/json.js';
import { bodyEvidence, type Evidence, maskHeaders } from './evidence.js';
import { harnessError } from './harness-error.js';
import { substitute, type Variables } from './template.js';
import type { FetchLike, Transport } from './transport.js';

/** Where and how the runner talks to the server under test. */
export interface ExchangeContext {
  readonly batchUrl: string;
  readonly transport: Transport;
  readonly timeoutMs: number;
  /** Headers sent with every request (`--header`), overridden by a step's own. */
  readonly extraHeaders: Readonly<Record<string, string>>;
  /** The injected fetch, if any: checks that read a streamed body as it arrives use it. */
  readonly fetch?: FetchLike;
}

/** The outcome of sending one request: the response (or why there is none) and the evidence. */
export type Exchange =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly text: string;
      readonly evidence: Evidence;
      readonly elapsedMs: number;
    }
  | { readonly ok: false; readonly error: string; readonly evidence: Evidence; readonly elapsedMs: number };

function expandRepeat(body: unknown, request: StepRequest, vars: Variables): unknown {
  const repeat = request.repeat;
  if (repeat === undefined) return body;
  const count = Number(substitute(repeat.count, vars)) + (repeat.plus ?? 0);
  if (!Number.isInteger(count) || count < 0 || count > 100_000) {
    throw harnessError(`repeat.count resolved to ${count}, which cannot be generated`);
  }
  const envelope = isObject(body) ? { ...body } : {};
  const existing = Array.isArray(envelope.requests) ? envelope.requests : [];
  const generated = Array.from({ length: count }, (_, i) =>
    substitute(repeat.request, new Map([...vars, ['i', i]])),
  );
  envelope.requests = [...existing, ...generated];
  return envelope;
}

/** A step's request as it goes on the wire. */
export interface BuiltRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Send the body without Content-Length (chunked transfer coding). */
  readonly chunked?: true;
}

const encoder = new TextEncoder();

/** The bytes of a raw body: its UTF-8, or one byte per character for `latin1`. */
function rawBytes(text: string, encoding: StepRequest['rawEncoding']): string | Uint8Array {
  if (encoding !== 'latin1') return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff)
      throw harnessError(`rawEncoding latin1: character U+${code.toString(16)} is not one byte`);
    bytes[i] = code;
  }
  return bytes;
}

/** The body with trailing spaces up to exactly `padTo` bytes (spaces after a JSON text are whitespace). */
function padded(body: string | Uint8Array, request: StepRequest, vars: Variables): string | Uint8Array {
  const padTo = request.padTo;
  if (padTo === undefined) return body;
  const target = Number(substitute(padTo.bytes, vars)) + (padTo.plus ?? 0);
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  if (!Number.isInteger(target) || target < bytes.byteLength || target > 64 * 1024 * 1024) {
    throw harnessError(
      `padTo resolved to ${target} bytes, which cannot hold the ${bytes.byteLength} of the body`,
    );
  }
  const out = new Uint8Array(target).fill(0x20);
  out.set(bytes);
  return out;
}

/** Builds the concrete HTTP request of a step (variables substituted, repeats expanded, padded). */
export function buildRequest(request: StepRequest, vars: Variables, context: ExchangeContext): BuiltRequest {
  const method = request.method ?? 'POST';
  const headers: Record<string, string> = {};
  const stepHeaders = (substitute(request.headers ?? {}, vars) ?? {}) as Record<string, string | null>;
  const hasBody = request.body !== undefined || request.raw !== undefined || request.repeat !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(context.extraHeaders)) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(stepHeaders)) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = String(value);
  }
  let body: string | Uint8Array | undefined;
  if (request.raw !== undefined) body = rawBytes(String(substitute(request.raw, vars)), request.rawEncoding);
  else if (request.body !== undefined || request.repeat !== undefined) {
    body = JSON.stringify(expandRepeat(substitute(request.body ?? {}, vars), request, vars));
  }
  if (body !== undefined) body = padded(body, request, vars);
  return {
    method,
    url: context.batchUrl,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(request.chunked === true && body !== undefined ? { chunked: true as const } : {}),
  };
}

/** A body as a report shows it: text (bytes that are not UTF-8 as U+FFFD). */
function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/** Sends a built request and records the evidence; network failures become values, not exceptions. */
export async function send(
  built: BuiltRequest,
  context: ExchangeContext,
  signal?: AbortSignal,
): Promise<Exchange> {
  const requestEvidence = {
    method: built.method,
    url: built.url,
    headers: built.headers,
    ...(built.body === undefined ? {} : { body: bodyEvidence(bodyText(built.body)) }),
  };
  const started = Date.now();
  try {
    const response = await context.transport({ ...built, ...(signal ? { signal } : {}) }, context.timeoutMs);
    const text = new TextDecoder().decode(response.body);
    const body = bodyEvidence(text);
    return {
      ok: true,
      status: response.status,
      headers: response.headers,
      text,
      elapsedMs: Date.now() - started,
      evidence: {
        request: requestEvidence,
        response: {
          status: response.status,
          headers: maskHeaders(response.headers),
          ...(body === undefined ? {} : { body }),
        },
      },
    };
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no response within ${context.timeoutMs} ms`
        : `no response: ${cause}`;
    return {
      ok: false,
      error: reason,
      elapsedMs: Date.now() - started,
      evidence: { request: requestEvidence, error: reason },
    };
  }
}
