// Verdicts on the surviving mutants of packages/server/src/engine/serialize.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [];
