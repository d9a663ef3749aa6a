// Verdicts on the surviving mutants of packages/server/src/engine/serialize.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/serialize.ts',
    texts: ["case 'none':"],
    verdict: 'equivalent',
    reason: 'the switch falls through to undefined either way',
  },
  {
    file: 'engine/serialize.ts',
    texts: ["case 'jsonText':"],
    verdict: 'harness',
    reason: 'only the node:http in-process dispatcher produces jsonText',
  },
];
