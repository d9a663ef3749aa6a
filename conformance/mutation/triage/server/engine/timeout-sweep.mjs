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
];
