import { failVerdict, PASS } from '../run/verdict.js';
import { intervalOf, postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** A dependent request starts only after its dependencies finished (server-clock intervals and counters). */
export const dependencyOrder: NamedCheck = {
  summary:
    'Runs a chain slow → after (dependsOn slow) → bump (POST counter, dependsOn after) → read (GET counter, dependsOn bump) and passes when after starts at or after slow ends and read sees the counter at 1.',
  async run(context) {
    const counter = `${context.fixtures}/counters/${context.run}-deps`;
    const call = await postBatch(context, {
      requests: [
        { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/150` },
        { id: 'after', method: 'GET', url: `${context.fixtures}/delay/10`, dependsOn: ['slow'] },
        { id: 'bump', method: 'POST', url: counter, dependsOn: ['after'] },
        { id: 'read', method: 'GET', url: counter, dependsOn: ['bump'] },
      ],
    });
    if (!call.ok) return call.verdict;
    const slow = intervalOf(call.byId('slow'));
    const after = intervalOf(call.byId('after'));
    if (!slow || !after) return failVerdict('a /delay request did not answer { start, end }', call.evidence);
    if (after.start < slow.end) {
      return failVerdict(
        `"after" started at ${after.start}, before its dependency "slow" ended at ${slow.end}`,
        call.evidence,
      );
    }
    const read = call.byId('read')?.body as { value?: unknown } | undefined;
    if (read?.value !== 1) {
      return failVerdict(
        `"read" (dependsOn "bump") saw the counter at ${JSON.stringify(read?.value)}, not 1: it ran before its dependency`,
        call.evidence,
      );
    }
    return PASS;
  },
};
