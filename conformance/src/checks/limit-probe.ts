import type { Capabilities } from '@batchwire/schema';
import type { Verdict } from '../run/verdict.js';
import type { CheckContext, NamedCheck } from './check-context.js';

/** The advertised limits a check can probe. */
export type ProbedLimit = Exclude<keyof Capabilities['limits'], 'idempotencyTtlMs'>;

/** A `run` that reads the advertised limit `name` and skips (`"<name> <value> <tooMuch>"`) when `tooLarge`, else probes it. */
export function probeLimit(
  name: ProbedLimit,
  tooLarge: (limit: number) => boolean,
  tooMuch: string,
  probe: (context: CheckContext, limit: number) => Promise<Verdict>,
): NamedCheck['run'] {
  return async (context) => {
    const limit = context.capabilities.limits[name];
    // The answer-size limits are optional in the capabilities document (added in 1.1).
    if (limit === undefined) return { kind: 'skip', reason: `${name} is not advertised` };
    if (tooLarge(limit)) return { kind: 'skip', reason: `${name} ${limit} ${tooMuch}` };
    return probe(context, limit);
  };
}
