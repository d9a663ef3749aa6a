import { isObject } from '../match/json.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { budgetPlan, isRefusal } from './answer-budget.js';
import type { NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';
import { acceptedBatch } from './response-size.js';

/** The item lines and the summary line of an NDJSON answer, or why it is not one. */
function streamedAnswer(
  text: string,
): { ok: true; items: Record<string, unknown>[]; summary: unknown } | { ok: false; reason: string } {
  const items: Record<string, unknown>[] = [];
  let summary: unknown;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, reason: 'a streamed line is not JSON' };
    }
    if (!isObject(value)) return { ok: false, reason: 'a streamed line is not an object' };
    if ('summary' in value) summary = value.summary;
    else items.push(value);
  }
  if (summary === undefined) return { ok: false, reason: 'the stream has no summary line' };
  return { ok: true, items, summary };
}

/** The replay of a streamed batch tells the refusals the stream wrote, and its summary. */
export const responseBudgetStreamReplay: NamedCheck = {
  summary:
    'When streaming and idempotency are advertised, sends the response-budget-summary batch with an Idempotency-Key asking for NDJSON, then the same envelope and key asking for JSON; passes when the stream refuses some entry with response-too-large, and the replay (Idempotency-Replayed: true) answers every id with the status the stream gave it, each refusal a refusal, and the summary of the stream (skipped otherwise, or as response-budget-summary is).',
  run: probeLimit(
    'maxResponseBytes',
    () => false,
    '',
    async (context, limit): Promise<Verdict> => {
      const { streaming, idempotency } = context.capabilities.features;
      if (!streaming || !idempotency)
        return { kind: 'skip', reason: 'needs both streaming and idempotency advertised' };
      const plan = budgetPlan(context, limit);
      if (plan.length > context.capabilities.limits.maxRequests)
        return { kind: 'skip', reason: `the probe needs ${plan.length} requests, over maxRequests` };
      const body = { requests: plan.map((p) => p.request) };
      const key = { 'idempotency-key': `conformance-budget-${context.run}` };
      const first = await context.exchange({ body, headers: { ...key, accept: 'application/x-ndjson' } });
      if (!first.ok) return failVerdict(first.error, first.evidence);
      if (first.status !== 200)
        return failVerdict(`the streamed batch answered ${first.status}`, first.evidence);
      const stream = streamedAnswer(first.text);
      if (!stream.ok) return failVerdict(stream.reason, first.evidence);
      if (!stream.items.some((line) => isRefusal(line)))
        return failVerdict(
          `the stream refused no entry, though its entries pass ${limit} bytes`,
          first.evidence,
        );
      const retry = await context.exchange({ body, headers: key });
      if (!retry.ok) return failVerdict(retry.error, retry.evidence);
      if (retry.headers['idempotency-replayed'] !== 'true')
        return failVerdict('the retry with the same key is not a replay', retry.evidence);
      const replay = acceptedBatch(retry);
      if (!replay.ok) return replay.verdict;
      for (const line of stream.items) {
        const entry = replay.byId(String(line.id));
        if (entry?.status !== line.status || isRefusal(entry) !== isRefusal(line))
          return failVerdict(
            `the replay answers "${String(line.id)}" ${entry?.status}, the stream ${String(line.status)}`,
            first.evidence,
            retry.evidence,
          );
      }
      if (JSON.stringify(replay.body.summary) !== JSON.stringify(stream.summary))
        return failVerdict(
          `the replay's summary ${JSON.stringify(replay.body.summary)} is not the stream's ${JSON.stringify(stream.summary)}`,
          first.evidence,
          retry.evidence,
        );
      return PASS;
    },
  ),
};
