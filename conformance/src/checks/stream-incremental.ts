import { failVerdict, PASS } from '../run/verdict.js';
import type { NamedCheck } from './check-context.js';
import { readStream } from './stream-read.js';

/** Streamed lines are written as each inner request finishes, not all at the end. */
export const streamIncremental: NamedCheck = {
  summary:
    'Streams a batch of a fast echo and a /delay/600 that depends on it (so the order is fixed at any maxConcurrency, 1 included) with Accept: application/x-ndjson and passes when the line of the fast request arrives at least 300 ms before the end of the body (read as it arrives: through the injected fetch when one is given, else undici).',
  async run(context) {
    const read = await readStream(context.exchangeContext, {
      envelope: {
        requests: [
          { id: 'fast', method: 'GET', url: `${context.fixtures}/echo` },
          // The dependency fixes the order without relying on concurrency, a SHOULD (req-exec-2).
          { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/600`, dependsOn: ['fast'] },
        ],
      },
    });
    if (!read.ok) return failVerdict(read.error, read.evidence);
    if (read.status !== 200) return failVerdict(`expected 200, got ${read.status}`, read.evidence);
    const fast = read.arrivals.find((a) => a.text.includes('"fast"'));
    if (!fast) return failVerdict('no line for the request "fast"', read.evidence);
    if (read.end - fast.at < 300) {
      return failVerdict(
        `the line of "fast" arrived ${read.end - fast.at} ms before the end of the stream: lines are held back until the batch ends`,
        read.evidence,
      );
    }
    return PASS;
  },
};
