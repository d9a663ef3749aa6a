// Verdicts on the surviving mutants of packages/server/src/core/idempotent.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/idempotent.ts',
    texts: ["return typeof value === 'string' || value === undefined ? value : value.join(', ');"],
    verdict: 'gap',
    reason:
      'the key is checked for length (1 to 255 printable characters, req-idem-8) after the host\'s lines are joined: a 256-character key holding a ", " is refused, while joined without the separator (or handed over as the list) it shrinks to 254 or 255 and runs; no case sends such a key',
  },
  {
    file: 'core/idempotent.ts',
    texts: ['if (store === undefined || config.idempotency === undefined || raw === undefined)'],
    verdict: 'equivalent',
    reason: 'the store and config.idempotency are always set together',
  },
  {
    file: 'core/idempotent.ts',
    texts: ['if (answer === TIMED_OUT) {'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
  {
    file: 'core/idempotent.ts',
    texts: ['} finally {'],
    verdict: 'unreachable',
    reason:
      "a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)",
  },
];
