// Verdicts on the surviving mutants of packages/server/src/engine/timeout-sweep.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['if (at !== undefined && at + timeoutMs > now) break;'],
    verdict: 'equivalent',
    reason: 'undefined + timeoutMs > now is already false, and an exact tie on a float timer never happens',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['if (at !== undefined) hooks.expire(i);'],
    verdict: 'equivalent',
    reason: 'expiring an item that has finished does nothing',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: [
      'function arm(): void {',
      'if (cancel !== undefined) return;',
      'while (head < order.length && hooks.startedAt(order[head]!) === undefined) head++;',
      'if (head >= order.length) return;',
      'const due = hooks.startedAt(order[head]!)! + timeoutMs - performance.now();',
    ],
    verdict: 'equivalent',
    reason: 'extra or early timer wake-ups only; each sweep expires only what is due',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['const order: number[] = [];'],
    verdict: 'equivalent',
    reason: 'a string index has no running state, so sweep and arm skip it',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['clear() {'],
    verdict: 'equivalent',
    reason: 'a timer left armed fires after the batch ended and finds nothing running; finished stops step',
  },
  {
    file: 'engine/timeout-sweep.ts',
    texts: ['while (head < order.length) {'],
    mutators: ['EqualityOperator'],
    verdict: 'equivalent',
    reason:
      'one step past the end reads no index, so startedAt finds no start, nothing expires, and the loop ends',
  },
];
