// Verdicts on the surviving mutants of packages/server/src/engine/running.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/running.ts',
    texts: [
      "value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'",
    ],
    verdict: 'equivalent',
    reason:
      'run-batch hands a promise-like answer to Promise.resolve, which takes a plain result too: a synchronous answer (the custom host answers status/{code} at once) taken for a promise settles a microtask later, before any abort event (a later task) can fire, and a client already gone starts nothing either way',
  },
  {
    file: 'engine/running.ts',
    texts: ['export const isSuccess = (status: number) => status >= 200 && status < 300;'],
    verdict: 'equivalent',
    reason: 'no inner answer has a status below 200 (1xx are never final)',
  },
];
