// Verdicts on the surviving mutants of packages/schema/src/parse/depth.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/depth.ts',
    texts: ["if (current === null || typeof current !== 'object') continue;"],
    verdict: 'equivalent',
    reason:
      'only the root can be a primitive here; a null root throws inside Object.keys and parseBatch still answers the same 400 schema.type at ""',
  },
  {
    file: 'parse/depth.ts',
    texts: ['if (Array.isArray(current)) {'],
    verdict: 'equivalent',
    reason:
      'walking an array by Object.keys gives the same children and the same pointer ("0" and 0 print alike)',
  },
  {
    file: 'parse/depth.ts',
    texts: ["if (child !== null && typeof child === 'object')"],
    verdict: 'equivalent',
    reason: 'a primitive pushed as a frame is skipped when popped, before the depth test',
  },
];
