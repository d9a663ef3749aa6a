// Verdicts on the surviving mutants of packages/server/src/core/batch-path.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'core/batch-path.ts',
    texts: ['if (path !== undefined && routeKey(servicePath + path) === endpoint) {'],
    verdict: 'equivalent',
    reason:
      'a url whose path is only known at run time never equals the endpoint key ("undefined" is no route)',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".replace(/\\/+$/, '');"],
    verdict: 'equivalent',
    reason:
      'repeated slashes were collapsed on the line before, so one trailing slash is all that can be left',
  },
  {
    file: 'core/batch-path.ts',
    texts: ['if (!result.ok) return undefined;'],
    verdict: 'unreachable',
    reason: 'batchPathProblem runs only on an envelope parseBatch accepted, whose templates all scan',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".join('')"],
    verdict: 'equivalent',
    reason:
      'a visible path joined with a separator still splits at the first "?" before the separator could matter',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".replace(/\\/{2,}/g, '/')"],
    verdict: 'harness',
    reason:
      'only a batch path of two or more segments shows the collapse: at the one-segment /batch of the harness, //batch is refused as url.form and /%2Fbatch as url.encoding before this line, a trailing /batch// is stripped after it, and security.recursion-lookalike-doubled-slash kills the deleting variant',
  },
  {
    file: 'core/batch-path.ts',
    texts: [".map((part) => (typeof part === 'string' ? part : '\\u0000'))"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'a reference part rendered as "[object Object]" never makes the visible path equal the endpoint, so the answer is the same',
  },
];
