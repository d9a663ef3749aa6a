import { IDEMPOTENCY_KEY_HEADER, type InnerResponse } from '@batchwire/schema';
import type { StepRequest } from '../case/step-request.js';
import { isObject } from '../match/json.js';
import type { Exchange } from '../run/exchange.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { readCounter, sleep } from './batch-call.js';
import type { CheckContext, NamedCheck } from './check-context.js';
import { disconnectBatch, sendThenDisconnect } from './disconnect.js';
import { acceptedBatch } from './response-size.js';

/** How long the retry keeps asking while the server still reports the first batch in progress. */
const SETTLE_WAIT_MS = 1500;

/**
 * Why an entry whose `Content-Type` is `application/problem+json` is not a problem body of
 * req-problem-2 (members `type`, `title` and `status`, `status` equal to the entry's), or undefined.
 */
export function problemEntryFault(entry: InnerResponse): string | undefined {
  const type = Object.entries(entry.headers).find(([name]) => name.toLowerCase() === 'content-type');
  if (
    !String(type?.[1] ?? '')
      .toLowerCase()
      .startsWith('application/problem+json')
  )
    return undefined;
  const body: unknown = entry.body;
  if (!isObject(body)) return `"${entry.id}" is application/problem+json but its body is no object`;
  const missing = ['type', 'title'].filter((member) => typeof body[member] !== 'string');
  if (missing.length > 0) return `the problem of "${entry.id}" has no string ${missing.join(' or ')}`;
  if (body.status !== entry.status)
    return `the problem of "${entry.id}" has status ${JSON.stringify(body.status)}, the entry ${entry.status}`;
  return undefined;
}

/** The same keyed request again, repeated (bounded) while the server answers 409: still in progress. */
async function retryOnceSettled(context: CheckContext, request: StepRequest): Promise<Exchange> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const retry = await context.exchange(request);
    if (!retry.ok || retry.status !== 409 || Date.now() >= deadline) return retry;
    await sleep(50);
  }
}

/** The stored answer of a batch cut short by a disconnect replays as well-formed entries. */
export const disconnectReplay: NamedCheck = {
  summary:
    'When idempotency is advertised, sends the disconnect batch with a fresh Idempotency-Key, aborts the connection after 100 ms, then sends the same envelope and key (again while it answers 409, up to 1.5 s); passes when the replay (Idempotency-Replayed: true) is a valid batch response whose application/problem+json entries each have a string type and title and the status of their entry, and bump ran neither time (skipped when the server answered first or stored no answer).',
  async run(context): Promise<Verdict> {
    if (!context.capabilities.features.idempotency)
      return { kind: 'skip', reason: 'the server does not advertise idempotency' };
    const counter = `${context.run}-disconnect-replay`;
    const request = {
      body: disconnectBatch(context, counter),
      headers: { [IDEMPOTENCY_KEY_HEADER]: `conformance-disconnect-${context.run}` },
    };
    const skipped = await sendThenDisconnect(context, request, 100);
    if (skipped !== undefined) return skipped;
    const retry = await retryOnceSettled(context, request);
    if (!retry.ok) return failVerdict(retry.error, retry.evidence);
    if (retry.status === 409)
      return { kind: 'skip', reason: `the key still answered 409 ${SETTLE_WAIT_MS} ms after the disconnect` };
    if (retry.headers['idempotency-replayed'] !== 'true')
      return { kind: 'skip', reason: 'the server stored no answer for the disconnected batch' };
    const replay = acceptedBatch(retry);
    if (!replay.ok) return replay.verdict;
    for (const entry of replay.body.responses) {
      const fault = problemEntryFault(entry);
      if (fault !== undefined) return failVerdict(`in the replayed answer, ${fault}`, retry.evidence);
    }
    const value = await readCounter(context, counter);
    if (typeof value !== 'number') return value.verdict;
    if (value !== 0)
      return failVerdict(`"bump" ran after the disconnect or on the replay (counter ${counter} = ${value})`);
    return PASS;
  },
};
