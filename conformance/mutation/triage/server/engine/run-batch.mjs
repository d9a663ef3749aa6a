// Verdicts on the surviving mutants of packages/server/src/engine/run-batch.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/run-batch.ts',
    texts: ['if (flow?.paused()) {'],
    verdict: 'unspecified',
    reason:
      'the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let k = 0; k < answeredIndex.length; k++) {'],
    verdict: 'equivalent',
    reason:
      'one step past the end reads answeredIndex[length], undefined, whose release finds no running state, so the loop goes on to the next (the custom host answers status/{code} synchronously, which kills the other mutants here)',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (state === undefined) continue;'],
    verdict: 'equivalent',
    reason:
      'a synchronous answer is settled in the same round of starts, before any timeout or halt can release it, so release always finds its running state',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (isPromiseLike(answer)) {'],
    verdict: 'equivalent',
    reason: 'only changes timing',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (!ok && stopOnError && halted === undefined) {'],
    verdict: 'equivalent',
    reason: 'after a halt everything unstarted is already settled',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[d] !== undefined) continue;'],
    verdict: 'equivalent',
    reason: 'guarded by settle and startReady',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[i] === undefined) start(i);'],
    verdict: 'equivalent',
    reason: 'guarded by settle and startReady',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let i = 0; i < total; i++) {'],
    verdict: 'equivalent',
    reason: 'index total is out of range',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['for (let i = 0; i < total; i++) if (running[i] !== undefined) cancel(i, reason);'],
    verdict: 'equivalent',
    reason: 'index total is out of range; the two guards cover each other',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (outcomes[i] === undefined && started[i] === 0) settle(i, skipped(detail), false);'],
    verdict: 'equivalent',
    reason: 'the outcomes[i] === undefined operand is guarded by settle',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (state === undefined || outcomes[i] !== undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'a released item always has its outcome set',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (state === undefined) return;'],
    verdict: 'equivalent',
    reason: 'the two guards cover each other',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (finished) return;'],
    verdict: 'equivalent',
    reason: 'nothing can halt after the end',
  },
  {
    file: 'engine/run-batch.ts',
    texts: [
      '!resumeScheduled && halted === undefined && inFlight < maxConcurrency && readyHead < ready.length',
    ],
    verdict: 'equivalent',
    reason: 'after a halt nothing is left to start',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['if (slicer.shouldYield()) {'],
    verdict: 'equivalent',
    reason: 'with an asynchronous dispatcher it only adds event-loop turns',
  },
  {
    file: 'engine/run-batch.ts',
    texts: ['resumeScheduled = true;'],
    mutators: ['BooleanLiteral'],
    verdict: 'equivalent',
    reason:
      'not marking the yield only goes on starting in this turn (the slicer counter restarts) and calls step once more later; with an asynchronous dispatcher only timing changes',
  },
];
