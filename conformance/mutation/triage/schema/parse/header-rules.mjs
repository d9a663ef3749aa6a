// Verdicts on the surviving mutants of packages/schema/src/parse/header-rules.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/header-rules.ts',
    texts: ['for (let i = 0; i < value.length; i++) {'],
    verdict: 'equivalent',
    reason: 'reading one past the end gives NaN, which no comparison accepts',
  },
];
