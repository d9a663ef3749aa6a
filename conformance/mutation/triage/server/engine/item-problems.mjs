// Verdicts on the surviving mutants of packages/server/src/engine/item-problems.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/item-problems.ts',
    texts: ["if (reason === 'timeout') return timedOut('requestTimeoutMs', limits.requestTimeoutMs);"],
    verdict: 'unspecified',
    reason: 'the problem table of section 14 names no limit member for timeout, so no case may demand one',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ["if (reason === 'deadline') return timedOut('batchTimeoutMs', limits.batchTimeoutMs);"],
    verdict: 'unspecified',
    reason: 'the problem table of section 14 names no limit member for timeout, so no case may demand one',
  },
  {
    file: 'engine/item-problems.ts',
    texts: ['return problemResult({', "type: 'about:blank',"],
    mutators: ['ObjectLiteral', 'StringLiteral'],
    verdict: 'unspecified',
    reason:
      'the abandoned entry replayed after a disconnect is checked by idem.replay-after-disconnect (a problem with string type, title and its status); the spec names no type for it, and "" is still a string type (a relative URI reference under RFC 9457)',
  },
];
