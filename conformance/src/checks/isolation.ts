import { failVerdict, PASS } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** A crash, an error status or a slow item in one batch affects nothing else, in it or in a concurrent batch. */
export const isolation: NamedCheck = {
  summary:
    'Sends two batches at once: one with a throwing handler, a 503, a slow request and an echo; the other with plain requests. Passes when the crash is a 500 for that item only, the 503 stays a 503, and every other item of both batches succeeds.',
  async run(context) {
    const f = context.fixtures;
    const [noisy, quiet] = await Promise.all([
      postBatch(context, {
        requests: [
          { id: 'crash', method: 'GET', url: `${f}/throw` },
          { id: 'unavailable', method: 'GET', url: `${f}/status/503` },
          { id: 'slow', method: 'GET', url: `${f}/delay/100` },
          { id: 'echo', method: 'POST', url: `${f}/echo`, body: { n: 1 } },
        ],
      }),
      postBatch(context, {
        requests: [
          { id: 'echo', method: 'GET', url: `${f}/echo` },
          { id: 'slow', method: 'GET', url: `${f}/delay/50` },
          { id: 'item', method: 'POST', url: `${f}/items`, body: { name: 'isolation' } },
        ],
      }),
    ]);
    if (!noisy.ok) return noisy.verdict;
    if (!quiet.ok) return quiet.verdict;
    const statuses = noisy.body.responses.map((r) => `${r.id}=${r.status}`).join(', ');
    const expect: Record<string, (s: number) => boolean> = {
      crash: (s) => s === 500,
      unavailable: (s) => s === 503,
      slow: (s) => s === 200,
      echo: (s) => s === 200,
    };
    for (const [id, ok] of Object.entries(expect)) {
      const status = noisy.byId(id)?.status;
      if (status === undefined || !ok(status)) {
        return failVerdict(
          `in the batch with a crash, "${id}" answered ${status ?? 'nothing'} (${statuses})`,
          noisy.evidence,
        );
      }
    }
    const broken = quiet.body.responses.filter((r) => r.status < 200 || r.status > 299);
    if (broken.length > 0 || quiet.body.responses.length !== 3) {
      return failVerdict('a concurrent batch was affected by the failures of another', quiet.evidence);
    }
    return PASS;
  },
};
