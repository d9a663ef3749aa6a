import { type StreamRecord, validateStreamRecord } from '@batchwire/schema';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import type { NamedCheck } from './check-context.js';
import { readStream } from './stream-read.js';

/** Most requests the check sends; enough to fill any small server-side line buffer. */
const MAX_REQUESTS = 100;

/** How long the client leaves the stream unread after its first chunk. */
const STALL_MS = 300;

/** What is wrong with the lines of a complete stream of `total` requests, or undefined. */
export function slowStreamProblem(lines: readonly string[], total: number): string | undefined {
  const records: StreamRecord[] = [];
  for (const [n, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return `line ${n + 1} is not JSON`;
    }
    const valid = validateStreamRecord(parsed);
    if (!valid.ok) return `line ${n + 1} is not a stream record (${valid.errors[0]?.pointer})`;
    records.push(valid.value);
  }
  const last = records.at(-1);
  if (last === undefined || !('summary' in last)) return 'the last line is not the summary';
  const seen = new Set<number>();
  for (const record of records.slice(0, -1)) {
    if ('summary' in record) return 'a summary line before the last line';
    if (record.id !== `r${record.index}`) return `line of "${record.id}" carries index ${record.index}`;
    if (seen.has(record.index)) return `two lines for "${record.id}"`;
    seen.add(record.index);
    if (record.status < 200 || record.status > 299)
      return `"${record.id}" answered ${record.status}, not 2xx`;
  }
  if (seen.size !== total) return `${seen.size} item lines for ${total} requests`;
  const { summary } = last;
  if (summary.total !== total || summary.succeeded !== total) {
    return `the summary counts ${summary.succeeded} of ${summary.total} succeeded, not ${total} of ${total}`;
  }
  return undefined;
}

/** A client that reads a stream slowly still gets every line. */
export const streamSlowReader: NamedCheck = {
  summary:
    'Streams N = min(maxRequests, 100) GET {fixtures}/echo requests, reads the first chunk, leaves the body unread for 300 ms, then reads the rest, and passes when every request has exactly one 2xx line with its own index and the last line is the summary with N succeeded: a server that holds back behind an unread client resumes once it reads (read through the injected fetch when one is given, else undici).',
  async run(context): Promise<Verdict> {
    const total = Math.min(context.capabilities.limits.maxRequests, MAX_REQUESTS);
    const requests = Array.from({ length: total }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `${context.fixtures}/echo`,
    }));
    const read = await readStream(context.exchangeContext, {
      envelope: { requests },
      pauseBefore: (n) => (n === 1 ? STALL_MS : 0),
    });
    if (!read.ok) return failVerdict(read.error, read.evidence);
    if (read.status !== 200) return failVerdict(`expected 200, got ${read.status}`, read.evidence);
    const problem = slowStreamProblem(
      read.arrivals.map((a) => a.text),
      total,
    );
    return problem === undefined ? PASS : failVerdict(`read slowly, ${problem}`, read.evidence);
  },
};
