import type { StepRequest } from '../case/step-request.js';
import { isObject } from '../match/json.js';
import { bodyEvidence, type Evidence, maskHeaders } from './evidence.js';
import { harnessError } from './harness-error.js';
import { substitute, type Variables } from './template.js';
import type { Transport } from './transport.js';

/** Where and how the runner talks to the server under test. */
export interface ExchangeContext {
  readonly batchUrl: string;
  readonly transport: Transport;
  readonly timeoutMs: number;
  /** Headers sent with every request (`--header`), overridden by a step's own. */
  readonly extraHeaders: Readonly<Record<string, string>>;
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

/** Builds the concrete HTTP request of a step (variables substituted, repeats expanded). */
export function buildRequest(
  request: StepRequest,
  vars: Variables,
  context: ExchangeContext,
): { method: string; url: string; headers: Record<string, string>; body?: string } {
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
  let body: string | undefined;
  if (request.raw !== undefined) body = String(substitute(request.raw, vars));
  else if (request.body !== undefined || request.repeat !== undefined) {
    body = JSON.stringify(expandRepeat(substitute(request.body ?? {}, vars), request, vars));
  }
  return { method, url: context.batchUrl, headers, ...(body === undefined ? {} : { body }) };
}

/** Sends a built request and records the evidence; network failures become values, not exceptions. */
export async function send(
  built: { method: string; url: string; headers: Record<string, string>; body?: string },
  context: ExchangeContext,
  signal?: AbortSignal,
): Promise<Exchange> {
  const requestEvidence = {
    method: built.method,
    url: built.url,
    headers: built.headers,
    ...(built.body === undefined ? {} : { body: bodyEvidence(built.body) }),
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
