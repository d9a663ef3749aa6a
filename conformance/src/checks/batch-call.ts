import { type BatchResponse, type InnerResponse, validateBatchResponse } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import type { Evidence } from '../run/evidence.js';
import { failVerdict, type Verdict } from '../run/verdict.js';
import type { CheckContext } from './check-context.js';

/** An accepted batch as a named check sees it: the consolidated response and the evidence. */
export interface BatchCall {
  readonly ok: true;
  readonly body: BatchResponse;
  readonly evidence: Evidence;
  /** The inner response with that id (ids are unique in a batch). */
  readonly byId: (id: string) => InnerResponse | undefined;
}

/** Sends an envelope and insists on a 200 consolidated response that validates; otherwise a failing verdict. */
export async function postBatch(
  context: CheckContext,
  envelope: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<BatchCall | { readonly ok: false; readonly verdict: Verdict }> {
  const exchange = await context.exchange({ body: envelope, headers }, signal);
  if (!exchange.ok) return { ok: false, verdict: failVerdict(exchange.error, exchange.evidence) };
  if (exchange.status !== 200) {
    return {
      ok: false,
      verdict: failVerdict(`expected 200 for a valid envelope, got ${exchange.status}`, exchange.evidence),
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.text);
  } catch {
    return { ok: false, verdict: failVerdict('the consolidated response is not JSON', exchange.evidence) };
  }
  const valid = validateBatchResponse(parsed);
  if (!valid.ok) {
    const first = valid.errors[0];
    return {
      ok: false,
      verdict: failVerdict(
        `the consolidated response is not a valid batch response (${first?.pointer}: ${first?.detail})`,
        exchange.evidence,
      ),
    };
  }
  const body = valid.value;
  return {
    ok: true,
    body,
    evidence: exchange.evidence,
    byId: (id) => body.responses.find((r) => r.id === id),
  };
}

/** The `{ start, end }` interval a `/delay` fixture answered, or undefined when the body is not one. */
export function intervalOf(response: InnerResponse | undefined): { start: number; end: number } | undefined {
  const body = response?.body;
  if (!isObject(body) || typeof body.start !== 'number' || typeof body.end !== 'number') return undefined;
  return { start: body.start, end: body.end };
}

/** Reads a fixture counter through a batch of one `GET {prefix}/counters/{name}`. */
export async function readCounter(
  context: CheckContext,
  name: string,
): Promise<number | { verdict: Verdict }> {
  const call = await postBatch(context, {
    requests: [{ id: 'read', method: 'GET', url: `${context.fixtures}/counters/${name}` }],
  });
  if (!call.ok) return { verdict: call.verdict };
  const body = call.body.responses[0]?.body;
  const value = isObject(body) ? body.value : undefined;
  if (typeof value !== 'number')
    return { verdict: failVerdict('the counters fixture did not answer { value }', call.evidence) };
  return value;
}

/** Waits a bounded number of milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
