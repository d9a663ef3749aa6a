import { PROBLEM_TYPES } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import type { Exchange } from '../run/exchange.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';

function limitRejection(exchange: Exchange, status: number, name: string, value: number): Verdict {
  if (!exchange.ok) return failVerdict(exchange.error, exchange.evidence);
  if (exchange.status !== status)
    return failVerdict(`expected ${status} for exceeding ${name}, got ${exchange.status}`, exchange.evidence);
  if (!(exchange.headers['content-type'] ?? '').toLowerCase().startsWith('application/problem+json')) {
    return failVerdict('the limit error is not application/problem+json', exchange.evidence);
  }
  let body: unknown;
  try {
    body = JSON.parse(exchange.text);
  } catch {
    return failVerdict('the problem body is not JSON', exchange.evidence);
  }
  if (!isObject(body) || body.type !== PROBLEM_TYPES.limitExceeded) {
    return failVerdict(`the problem type is not ${PROBLEM_TYPES.limitExceeded}`, exchange.evidence);
  }
  const limit = body.limit;
  if (!isObject(limit) || limit.name !== name || limit.value !== value) {
    return failVerdict(
      `the problem does not name the limit as { "name": "${name}", "value": ${value} }`,
      exchange.evidence,
    );
  }
  return PASS;
}

/** A body larger than the advertised `maxBodyBytes` is refused with 413 naming the limit. */
export const maxBodyBytes: NamedCheck = {
  summary:
    'Sends a valid envelope padded to maxBodyBytes + 1024 bytes and passes on 413 application/problem+json with limit { name: "maxBodyBytes", value } (skipped above 16 MiB).',
  run: probeLimit(
    'maxBodyBytes',
    (limit) => limit > 16 * 1024 * 1024,
    'is too large to probe',
    async (context, limit) => {
      const padding = 'x'.repeat(limit + 1024);
      const exchange = await context.exchange({
        body: {
          requests: [{ id: 'big', method: 'POST', url: `${context.fixtures}/echo`, body: { padding } }],
        },
      });
      return limitRejection(exchange, 413, 'maxBodyBytes', limit);
    },
  ),
};

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Exactly `maxJsonDepth` levels of nesting are accepted, one more is a 400 naming the limit. */
export const maxJsonDepth: NamedCheck = {
  summary:
    'Sends an envelope nested exactly maxJsonDepth levels deep (an echo body of maxJsonDepth - 3 nested arrays inside the envelope object, its requests array and the request object) and expects 200, then one level deeper and expects a 400 limit-exceeded problem naming maxJsonDepth (skipped above 10000 or below 3).',
  run: probeLimit(
    'maxJsonDepth',
    (limit) => limit > 10_000 || limit < 3,
    'cannot be probed (above 10000, or below the 3 levels of the smallest envelope)',
    async (context, limit) => {
      // The envelope object, its requests array and the request object are three levels.
      const envelope = (depth: number) => ({
        requests: [{ id: 'deep', method: 'POST', url: `${context.fixtures}/echo`, body: nested(depth - 3) }],
      });
      const atLimit = await postBatch(context, envelope(limit));
      if (!atLimit.ok) {
        const reason = atLimit.verdict.kind === 'fail' ? atLimit.verdict.reason : 'no answer';
        return failVerdict(
          `an envelope nested exactly maxJsonDepth (${limit}) levels deep must be accepted (req-limit-3): ${reason}`,
          ...(atLimit.verdict.kind === 'fail' ? (atLimit.verdict.evidence ?? []) : []),
        );
      }
      const deeper = await context.exchange({ body: envelope(limit + 1) });
      return limitRejection(deeper, 400, 'maxJsonDepth', limit);
    },
  ),
};
