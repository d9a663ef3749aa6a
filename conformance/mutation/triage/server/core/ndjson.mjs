// Verdicts on the surviving mutants of packages/server/src/core/ndjson.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/ndjson.ts',
    texts: ['settle(queue.length > 0 ? take() : { value: undefined, done: true });'],
    verdict: 'equivalent',
    reason: 'deliver() only runs right after a line was queued, so the queue is never empty there',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['paused: () => queue.length >= highWater,'],
    verdict: 'unspecified',
    reason:
      'the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives',
  },
  {
    file: 'core/ndjson.ts',
    texts: ['if (ended) return;'],
    verdict: 'equivalent',
    reason: 'lines queued after the consumer cancelled are never read',
  },
  {
    file: 'core/ndjson.ts',
    texts: ["const chunk = queue.length === 1 ? queue[0]! : queue.join('');"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'joining one queued line or several writes the same bytes (the other mutants of this line are killed by stream.failed-dependency-lines)',
  },
];
