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

/** JSON nested deeper than the advertised `maxJsonDepth` is a 400; nesting within it is accepted. */
export const maxJsonDepth: NamedCheck = {
  summary:
    'Sends an echo body nested maxJsonDepth levels deep (over the limit once the envelope around it counts) and expects a 400 limit-exceeded problem naming maxJsonDepth; then one nested maxJsonDepth - 8 levels within the envelope and expects 200 (skipped above 10000).',
  run: probeLimit(
    'maxJsonDepth',
    (limit) => limit > 10_000,
    'is too large to probe',
    async (context, limit) => {
      const envelope = (depth: number) => ({
        requests: [{ id: 'deep', method: 'POST', url: `${context.fixtures}/echo`, body: nested(depth) }],
      });
      const deep = await context.exchange({ body: envelope(limit) });
      const verdict = limitRejection(deep, 400, 'maxJsonDepth', limit);
      if (verdict.kind !== 'pass') return verdict;
      if (limit <= 8) return PASS;
      // The envelope object, its requests array and the request object add three levels.
      const shallow = await postBatch(context, envelope(limit - 8));
      return shallow.ok ? PASS : shallow.verdict;
    },
  ),
};
