// Verdicts on the surviving mutants of packages/server/src/core/handler.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/handler.ts',
    texts: ['memoryIdempotencyStore({'],
    verdict: 'harness',
    reason:
      'the harness keeps the store sizes at their defaults, which memoryIdempotencyStore also defaults to',
  },
];
