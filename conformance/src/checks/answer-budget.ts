import type { InnerResponse } from '@batchwire/schema';
import { PROBLEM_TYPES } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import type { Evidence } from '../run/evidence.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import type { CheckContext, NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';
import { acceptedBatch, base64Length, MAX_FIXTURE_BYTES, relayed, tooLargeEntry } from './response-size.js';

/** One inner request of the budget batch and what it answers when it is not refused. */
export interface Planned {
  readonly request: { id: string; method: 'GET'; url: string; dependsOn?: string[] };
  /** Whether the server executes it (the last one depends on a 404, so it never runs). */
  readonly executed: boolean;
  readonly answer: (entry: InnerResponse | undefined, evidence: Evidence) => Verdict;
}

/** The budget batch as answered: the plan, the validated entries, and the text's compact length. */
interface BudgetAnswer {
  readonly plan: readonly Planned[];
  readonly entries: readonly (InnerResponse | undefined)[];
  readonly summary: { total: number; succeeded: number; failed: number; skipped: number };
  readonly evidence: Evidence;
  readonly parsed: unknown;
}

const statusAnswer =
  (status: number) =>
  (entry: InnerResponse | undefined, evidence: Evidence): Verdict =>
    entry?.status === status
      ? PASS
      : failVerdict(`entry "${entry?.id}" answered ${entry?.status}, expected ${status}`, evidence);

/** Whether an entry is a `response-too-large` refusal (which limit it names is checked apart). */
export function isRefusal(entry: unknown): boolean {
  return (
    isObject(entry) &&
    entry.status === 502 &&
    isObject(entry.body) &&
    entry.body.type === PROBLEM_TYPES.responseTooLarge
  );
}

/**
 * `/bytes/{n}` entries that overflow `maxResponseBytes`, then halving sizes down to one byte, so that
 * in request order the budget's room left ends below the smallest of them whatever the server's
 * per-entry overhead; the small entries after them (200, 300, 404 and a never-executed 424) are then
 * refused too, each a refusal of a different kind of item.
 */
export function budgetPlan(context: CheckContext, limit: number): Planned[] {
  const item = context.capabilities.limits.maxItemResponseBytes ?? limit;
  const n0 = Math.min(item, MAX_FIXTURE_BYTES, Math.floor((limit * 3) / 8));
  const sizes = Array.from({ length: Math.floor(limit / base64Length(n0)) + 1 }, () => n0);
  for (let n = Math.floor(n0 / 2); n >= 1; n = Math.floor(n / 2)) sizes.push(n);
  const get = (id: string, path: string) => ({
    id,
    method: 'GET' as const,
    url: `${context.fixtures}${path}`,
  });
  return [
    { request: get('failed', '/status/404'), executed: true, answer: statusAnswer(404) },
    ...sizes.map((n, i) => ({
      request: get(`b${i}`, `/bytes/${n}`),
      executed: true,
      answer: (entry: InnerResponse | undefined, evidence: Evidence) => relayed(entry, n, evidence),
    })),
    { request: get('ok', '/status/200'), executed: true, answer: statusAnswer(200) },
    { request: get('redirect', '/status/300'), executed: true, answer: statusAnswer(300) },
    { request: get('missing', '/status/404'), executed: true, answer: statusAnswer(404) },
    {
      request: { ...get('unrun', '/echo'), dependsOn: ['failed'] },
      executed: false,
      answer: statusAnswer(424),
    },
  ];
}

/** Sends the budget batch; every entry must be its own answer or a refusal naming maxResponseBytes. */
async function budgetAnswer(
  context: CheckContext,
  limit: number,
): Promise<{ ok: true; answer: BudgetAnswer } | { ok: false; verdict: Verdict }> {
  const plan = budgetPlan(context, limit);
  const { maxRequests } = context.capabilities.limits;
  if (plan.length > maxRequests)
    return {
      ok: false,
      verdict: {
        kind: 'skip',
        reason: `the probe needs ${plan.length} requests, over maxRequests ${maxRequests}`,
      },
    };
  const exchange = await context.exchange({ body: { requests: plan.map((p) => p.request) } });
  if (!exchange.ok) return { ok: false, verdict: failVerdict(exchange.error, exchange.evidence) };
  const call = acceptedBatch(exchange);
  if (!call.ok) return call;
  const entries = plan.map((p) => call.byId(p.request.id));
  for (const [i, p] of plan.entries()) {
    const entry = entries[i];
    const verdict = isRefusal(entry)
      ? tooLargeEntry(entry, 'maxResponseBytes', limit, call.evidence)
      : p.answer(entry, call.evidence);
    if (verdict.kind !== 'pass') return { ok: false, verdict };
  }
  if (!entries.some((entry, i) => isRefusal(entry) && plan[i]?.request.id.startsWith('b')))
    return {
      ok: false,
      verdict: failVerdict(
        `no /bytes entry was refused, though together they pass ${limit} bytes`,
        call.evidence,
      ),
    };
  return {
    ok: true,
    answer: {
      plan,
      entries,
      summary: call.body.summary,
      evidence: call.evidence,
      parsed: JSON.parse(exchange.text),
    },
  };
}

/** A check run that sends the budget batch (skipped without maxResponseBytes) and judges its answer. */
function judgeBudget(
  judge: (answer: BudgetAnswer, limit: number, context: CheckContext) => Verdict | Promise<Verdict>,
): NamedCheck['run'] {
  return probeLimit(
    'maxResponseBytes',
    () => false,
    '',
    async (context, limit) => {
      const sent = await budgetAnswer(context, limit);
      return sent.ok ? judge(sent.answer, limit, context) : sent.verdict;
    },
  );
}

const SUMMARY_HOW =
  'Sends GET {fixtures}/status/404, then GET {fixtures}/bytes/{n} entries that together pass maxResponseBytes followed by halving sizes down to 1 byte, then /status/200, /status/300, /status/404 and an /echo depending on the first 404';

/** Refused entries are counted by what they answer (502, failed), and a never-executed one stays skipped. */
export const responseBudgetSummary: NamedCheck = {
  summary: `${SUMMARY_HOW}; passes when each entry is its own answer or 502 response-too-large naming maxResponseBytes, some /bytes entry is refused, and the summary counts as succeeded exactly the entries answered 2xx, as skipped only the never-executed one, and every other as failed (skipped when maxResponseBytes is not advertised or the probe needs more than maxRequests).`,
  run: judgeBudget(({ plan, entries, summary, evidence }) => {
    const ran = entries.filter((_, i) => plan[i]?.executed);
    const succeeded = ran.filter((e) => e !== undefined && e.status >= 200 && e.status < 300).length;
    const expected = {
      total: plan.length,
      succeeded,
      failed: ran.length - succeeded,
      skipped: plan.length - ran.length,
    };
    const told = {
      total: summary.total,
      succeeded: summary.succeeded,
      failed: summary.failed,
      skipped: summary.skipped,
    };
    if (JSON.stringify(told) !== JSON.stringify(expected))
      return failVerdict(
        `the summary is ${JSON.stringify(told)}, but the entries as answered make it ${JSON.stringify(expected)}`,
        evidence,
      );
    return PASS;
  }),
};

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The bytes of a parsed answer up to its last entry that is not a refusal, the summary included.
 * Compact JSON is at most the bytes the server wrote, so this never blames whitespace or escapes.
 */
function bytesToLastRelayed(parsed: unknown): number {
  const written = isObject(parsed) && Array.isArray(parsed.responses) ? (parsed.responses as unknown[]) : [];
  let last = written.length - 1;
  while (last >= 0 && isRefusal(written[last])) last -= 1;
  let bytes = utf8(parsed);
  for (const entry of written.slice(last + 1)) bytes -= utf8(entry) + 1;
  return bytes;
}

/** Most small entries the refill batch appends (each about a hundred bytes). */
const REFILL = 40;

/** The answer, without the refusals written after its last relayed entry, is at most maxResponseBytes. */
export const responseBudgetLength: NamedCheck = {
  summary: `${SUMMARY_HOW}; then sends again only the entries it relayed, followed by up to ${REFILL} GET {fixtures}/status/200 (within maxRequests), so the budget ends on a small entry; passes when each answer, re-serialized without whitespace and without the refusals after its last entry that is not a refusal, is at most maxResponseBytes (refusals before that entry are part of the answer it was decided against; skipped as the summary probe is).`,
  run: judgeBudget(async ({ plan, entries, parsed, evidence }, limit, context) => {
    const first = bytesToLastRelayed(parsed);
    if (first > limit)
      return failVerdict(
        `the answer up to its last relayed entry is at least ${first} bytes, over maxResponseBytes ${limit}`,
        evidence,
      );
    // Without the refusals between them the relayed entries fit again; small entries then use up
    // the room left, so the budget's last decision is about a hundred bytes from its end.
    const kept = plan.filter((p, i) => p.executed && !isRefusal(entries[i])).map((p) => p.request);
    const room = Math.min(REFILL, context.capabilities.limits.maxRequests - kept.length);
    const refill = Array.from({ length: room }, (_, i) => ({
      id: `t${i}`,
      method: 'GET',
      url: `${context.fixtures}/status/200`,
    }));
    const again = await context.exchange({ body: { requests: [...kept, ...refill] } });
    if (!again.ok) return failVerdict(again.error, again.evidence);
    const call = acceptedBatch(again);
    if (!call.ok) return call.verdict;
    const second = bytesToLastRelayed(JSON.parse(again.text));
    if (second > limit)
      return failVerdict(
        `the refilled answer up to its last relayed entry is at least ${second} bytes, over maxResponseBytes ${limit}`,
        call.evidence,
      );
    return PASS;
  }),
};
