import {
  type BatchResponse,
  type InnerResponse,
  PROBLEM_TYPES,
  validateBatchResponse,
} from '@batchwire/schema';
import { isObject } from '../match/json.js';
import type { Evidence } from '../run/evidence.js';
import type { Exchange } from '../run/exchange.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { CheckContext, NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';

type ResponseLimit = 'maxItemResponseBytes' | 'maxResponseBytes';

/** Most bytes `GET {fixtures}/bytes/{n}` is asked for (the shared fixtures answer up to 1 MiB). */
export const MAX_FIXTURE_BYTES = 1_048_576;

/** A failing verdict unless `entry` is a 502 `response-too-large` problem naming `{ name, value }`. */
export function tooLargeEntry(
  entry: InnerResponse | undefined,
  name: ResponseLimit,
  value: number,
  evidence: Evidence,
): Verdict {
  if (entry === undefined) return failVerdict('an entry is missing', evidence);
  const what = `entry "${entry.id}"`;
  if (entry.status !== 502) return failVerdict(`${what} answered ${entry.status}, expected 502`, evidence);
  const body = entry.body;
  if (!isObject(body) || body.type !== PROBLEM_TYPES.responseTooLarge)
    return failVerdict(`${what} is not a ${PROBLEM_TYPES.responseTooLarge} problem`, evidence);
  const limit = body.limit;
  if (!isObject(limit) || limit.name !== name || limit.value !== value)
    return failVerdict(
      `${what} does not name the limit as { "name": "${name}", "value": ${value} }`,
      evidence,
    );
  return PASS;
}

/** Base64 length of `n` bytes (RFC 4648 with padding), as an octet-stream body is embedded. */
export function base64Length(n: number): number {
  return 4 * Math.ceil(n / 3);
}

/** A failing verdict unless `entry` is a 200 carrying `bytes` bytes of `/bytes/{n}` as base64. */
export function relayed(entry: InnerResponse | undefined, bytes: number, evidence: Evidence): Verdict {
  if (entry === undefined) return failVerdict('an entry is missing', evidence);
  if (entry.status !== 200)
    return failVerdict(`entry "${entry.id}" answered ${entry.status}, expected 200`, evidence);
  if (typeof entry.body !== 'string' || entry.body.length !== base64Length(bytes))
    return failVerdict(`entry "${entry.id}" does not carry the ${bytes} bytes as base64`, evidence);
  return PASS;
}

/**
 * The verdict on the entry of a body of exactly `maxItemResponseBytes`: `whole` when it is relayed,
 * or a 502 naming `maxResponseBytes` when that total left no room for it (req-limit-8 allows only that).
 */
export function atItemLimit(
  entry: InnerResponse | undefined,
  maxResponseBytes: number | undefined,
  evidence: Evidence,
  whole: (entry: InnerResponse | undefined) => Verdict,
): Verdict {
  return entry?.status === 502 && maxResponseBytes !== undefined
    ? tooLargeEntry(entry, 'maxResponseBytes', maxResponseBytes, evidence)
    : whole(entry);
}

/** The validated consolidated response of an exchange that must be a 200 batch answer. */
export function acceptedBatch(exchange: Extract<Exchange, { ok: true }>):
  | {
      ok: true;
      body: BatchResponse;
      byId: (id: string) => InnerResponse | undefined;
      evidence: Evidence;
    }
  | { ok: false; verdict: Verdict } {
  const { evidence } = exchange;
  if (exchange.status !== 200)
    return {
      ok: false,
      verdict: failVerdict(`expected 200 for a valid envelope, got ${exchange.status}`, evidence),
    };
  let parsed: unknown;
  try {
    parsed = JSON.parse(exchange.text);
  } catch {
    return { ok: false, verdict: failVerdict('the consolidated response is not JSON', evidence) };
  }
  const valid = validateBatchResponse(parsed);
  if (!valid.ok)
    return {
      ok: false,
      verdict: failVerdict('the consolidated response is not a valid batch response', evidence),
    };
  const { responses } = valid.value;
  return { ok: true, body: valid.value, evidence, byId: (id) => responses.find((r) => r.id === id) };
}

/** Both answer-size limits advertised (SHOULD). */
export const responseLimitsAdvertised: NamedCheck = {
  summary: 'Passes when the capabilities document advertises both maxItemResponseBytes and maxResponseBytes.',
  run: async (context) => {
    const { maxItemResponseBytes, maxResponseBytes } = context.capabilities.limits;
    if (maxItemResponseBytes === undefined || maxResponseBytes === undefined)
      return failVerdict(
        'the capabilities document does not advertise maxItemResponseBytes and maxResponseBytes',
      );
    return PASS;
  },
};

/** One answer-size limit advertised without the other, or a total below the per-item limit, is a failure. */
export const responseLimitsConsistent: NamedCheck = {
  summary:
    'Passes when neither answer-size limit is advertised, or both are with maxResponseBytes >= maxItemResponseBytes.',
  run: async (context) => {
    const { maxItemResponseBytes: item, maxResponseBytes: total } = context.capabilities.limits;
    if (item === undefined && total === undefined)
      return { kind: 'skip', reason: 'no answer-size limit is advertised' };
    if (item === undefined || total === undefined)
      return failVerdict('only one of maxItemResponseBytes and maxResponseBytes is advertised');
    if (total < item) return failVerdict(`maxResponseBytes ${total} is below maxItemResponseBytes ${item}`);
    return PASS;
  },
};

/** A body one byte over `maxItemResponseBytes` answers 502; one of exactly the limit is relayed. */
export const maxItemResponseBytes: NamedCheck = {
  summary:
    'Sends GET {fixtures}/bytes/{maxItemResponseBytes + 1}, GET {fixtures}/bytes/{maxItemResponseBytes} and GET {fixtures}/status/200; passes when the first is 502 response-too-large with limit { name: "maxItemResponseBytes", value }, the second carries all its bytes (or, when maxResponseBytes leaves no room for it, is 502 naming maxResponseBytes) and the third is 200 (skipped when not advertised or when limit + 1 is above 1 MiB).',
  run: probeLimit(
    'maxItemResponseBytes',
    // The probe asks for limit + 1 bytes.
    (limit) => limit >= MAX_FIXTURE_BYTES,
    'is above what /bytes/{n} can answer',
    async (context, limit) => {
      const call = await postBatch(context, {
        requests: [
          { id: 'over', method: 'GET', url: `${context.fixtures}/bytes/${limit + 1}` },
          { id: 'at', method: 'GET', url: `${context.fixtures}/bytes/${limit}` },
          { id: 'small', method: 'GET', url: `${context.fixtures}/status/200` },
        ],
      });
      if (!call.ok) return call.verdict;
      const over = tooLargeEntry(call.byId('over'), 'maxItemResponseBytes', limit, call.evidence);
      if (over.kind !== 'pass') return over;
      const atVerdict = atItemLimit(
        call.byId('at'),
        context.capabilities.limits.maxResponseBytes,
        call.evidence,
        (at) => relayed(at, limit, call.evidence),
      );
      if (atVerdict.kind !== 'pass') return atVerdict;
      const small = call.byId('small');
      if (small?.status !== 200)
        return failVerdict(`entry "small" answered ${small?.status}, expected 200`, call.evidence);
      if (call.body.summary.failed < 1)
        return failVerdict('the summary does not count the 502 entry as failed', call.evidence);
      return PASS;
    },
  ),
};

/** Entries past `maxResponseBytes` answer 502 in request order; the answer stays within the budget. */
export const maxResponseBytes: NamedCheck = {
  summary:
    'Sends k GET {fixtures}/bytes/{n} (n = the smallest of maxItemResponseBytes, 1 MiB and 3/8 of maxResponseBytes; k enough to pass maxResponseBytes, at most maxRequests) and passes when the entries are relayed in full up to the budget, every later one is 502 response-too-large with limit { name: "maxResponseBytes", value }, at most one more would have fitted, and the answer is at most maxResponseBytes plus 4 KiB (skipped when not advertised or when k would exceed maxRequests).',
  run: probeLimit(
    'maxResponseBytes',
    () => false,
    '',
    async (context: CheckContext, limit) => {
      const item = context.capabilities.limits.maxItemResponseBytes ?? limit;
      const n = Math.min(item, MAX_FIXTURE_BYTES, Math.floor((limit * 3) / 8));
      const entry = base64Length(n);
      const count = Math.ceil(limit / entry) + 1;
      if (count > context.capabilities.limits.maxRequests)
        return {
          kind: 'skip',
          reason: `maxResponseBytes ${limit} needs ${count} requests of ${n} bytes, over maxRequests`,
        };
      const ids = Array.from({ length: count }, (_, i) => `r${i}`);
      const exchange = await context.exchange({
        body: { requests: ids.map((id) => ({ id, method: 'GET', url: `${context.fixtures}/bytes/${n}` })) },
      });
      if (!exchange.ok) return failVerdict(exchange.error, exchange.evidence);
      const size = Buffer.byteLength(exchange.text);
      if (size > limit + 4096)
        return failVerdict(`the answer is ${size} bytes, over maxResponseBytes ${limit}`, exchange.evidence);
      const call = acceptedBatch(exchange);
      if (!call.ok) return call.verdict;
      let kept = 0;
      while (kept < count && call.byId(ids[kept] ?? '')?.status === 200) kept += 1;
      for (const id of ids.slice(0, kept)) {
        const verdict = relayed(call.byId(id), n, call.evidence);
        if (verdict.kind !== 'pass') return verdict;
      }
      if (kept === 0)
        return failVerdict('no entry was relayed, though one fits in maxResponseBytes', call.evidence);
      // The entries are alike, so in request order the budget keeps a prefix and refuses the rest.
      for (const id of ids.slice(kept)) {
        const verdict = tooLargeEntry(call.byId(id), 'maxResponseBytes', limit, call.evidence);
        if (verdict.kind !== 'pass') return verdict;
      }
      if ((kept + 2) * entry <= limit)
        return failVerdict(
          `only ${kept} entries of ${entry} bytes were relayed within ${limit} bytes`,
          call.evidence,
        );
      return PASS;
    },
  ),
};
