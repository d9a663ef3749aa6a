// Verdicts on the surviving mutants of packages/server/src/engine/graph.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/graph.ts',
    texts: ['if (referencing) for (const d of parsed.dependencies[j] ?? []) marks[d] = 1;'],
    verdict: 'equivalent',
    reason: 'only keeps more answers in memory',
  },
];
