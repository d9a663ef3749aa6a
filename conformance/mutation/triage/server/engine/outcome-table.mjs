// Verdicts on the surviving mutants of packages/server/src/engine/outcome-table.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (outcomes[i] !== undefined) return;'],
    verdict: 'equivalent',
    reason: 'every caller settles only unsettled items',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (readByReference !== undefined && readByReference[i] === 0) {'],
    verdict: 'equivalent',
    reason: 'keeping answers nobody references only costs memory',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (i === undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'references name existing ids that are already-settled dependencies',
  },
  {
    file: 'engine/outcome-table.ts',
    texts: ['if (outcome === undefined) return undefined;'],
    verdict: 'equivalent',
    reason: 'references name existing ids that are already-settled dependencies',
  },
];
