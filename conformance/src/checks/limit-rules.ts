import { isObject } from '../match/json.js';
import type { Exchange } from '../run/exchange.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import type { CheckContext, NamedCheck } from './check-context.js';

/** One over-limit envelope and the `errors` entry its refusal names. */
interface LimitProbe {
  readonly limit: 'maxBodyBytes' | 'maxRequests' | 'maxJsonDepth';
  readonly status: number;
  readonly envelope: unknown;
  /** Whether an entry's pointer names the offending member. */
  readonly pointer: (pointer: string) => boolean;
  readonly expected: string;
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function probes(context: CheckContext): LimitProbe[] {
  const { maxBodyBytes, maxRequests, maxJsonDepth } = context.capabilities.limits;
  const echo = `${context.fixtures}/echo`;
  const list: LimitProbe[] = [];
  if (maxBodyBytes <= 16 * 1024 * 1024) {
    list.push({
      limit: 'maxBodyBytes',
      status: 413,
      envelope: {
        requests: [
          { id: 'big', method: 'POST', url: echo, body: { padding: 'x'.repeat(maxBodyBytes + 1024) } },
        ],
      },
      pointer: (p) => p === '',
      expected: '""',
    });
  }
  if (maxRequests <= 10_000) {
    const requests = Array.from({ length: maxRequests + 1 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: echo,
    }));
    list.push({
      limit: 'maxRequests',
      status: 413,
      envelope: { requests },
      // The list itself, or one of the requests past the limit.
      pointer: (p) =>
        p === '/requests' || (/^\/requests\/\d+$/.test(p) && Number(p.slice(10)) >= maxRequests),
      expected: '"/requests" (or a request past the limit)',
    });
  }
  if (maxJsonDepth >= 3 && maxJsonDepth <= 10_000) {
    // Envelope, requests array and request object are three levels; the innermost array is one too many.
    const deepest = `/requests/0/body${'/0'.repeat(maxJsonDepth - 3)}`;
    list.push({
      limit: 'maxJsonDepth',
      status: 400,
      envelope: { requests: [{ id: 'deep', method: 'POST', url: echo, body: nested(maxJsonDepth - 2) }] },
      pointer: (p) => p === deepest,
      expected: `"${deepest.length > 60 ? `${deepest.slice(0, 40)}…(${maxJsonDepth - 3} × /0)` : deepest}"`,
    });
  }
  return list;
}

function entryMissing(exchange: Exchange, probe: LimitProbe): string | undefined {
  const rule = `limit.${probe.limit}`;
  if (!exchange.ok) return `${probe.limit}: ${exchange.error}`;
  if (exchange.status !== probe.status)
    return `${probe.limit}: expected ${probe.status}, got ${exchange.status}`;
  let body: unknown;
  try {
    body = JSON.parse(exchange.text);
  } catch {
    return `${probe.limit}: the problem body is not JSON`;
  }
  const errors = isObject(body) ? body.errors : undefined;
  if (!Array.isArray(errors)) return `${probe.limit}: the problem has no errors list`;
  const found = errors.some(
    (e) => isObject(e) && e.rule === rule && typeof e.pointer === 'string' && probe.pointer(e.pointer),
  );
  return found
    ? undefined
    : `${probe.limit}: no errors entry with rule "${rule}" at the pointer ${probe.expected}`;
}

/** Each limit refusal lists the violation with its rule code and the pointer of the offending member. */
export const limitRuleCodes: NamedCheck = {
  summary:
    'Sends one envelope over each of maxBodyBytes (up to 16 MiB), maxRequests (up to 10000) and maxJsonDepth (3 to 10000) and passes when each refusal lists an errors entry with the rule limit.<name> at the pointer of the offending member: "" for the body, "/requests" (or a request past the limit) for the count, the innermost too-deep array for the depth.',
  run: async (context): Promise<Verdict> => {
    const list = probes(context);
    if (list.length === 0) return { kind: 'skip', reason: 'every limit is too large to probe' };
    for (const probe of list) {
      const exchange = await context.exchange({ body: probe.envelope });
      const missing = entryMissing(exchange, probe);
      if (missing !== undefined) return failVerdict(missing, exchange.evidence);
    }
    return PASS;
  },
};
