// Verdicts on the surviving mutants of packages/schema/src/parse/url-rules.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/url-rules.ts',
    texts: [
      "const PLAIN_URL = /^\\/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/]*(?:\\?[A-Za-z0-9\\-._~!$&'()*+,;=:@/?[\\]]*)?$/;",
    ],
    verdict: 'equivalent',
    reason: 'only narrows the fast path; the full check gives the same answer',
  },
  {
    file: 'parse/url-rules.ts',
    texts: ["const PATH_CHAR = /^[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]$/;"],
    verdict: 'equivalent',
    reason: 'PATH_CHAR is tested against one character at a time: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    texts: ['if (PLAIN_URL.test(url) && !DOT_SEGMENT.test(url)) return undefined;'],
    verdict: 'equivalent',
    reason: 'skipping the fast path: the full check decides every plain url the same way',
  },
  {
    file: 'parse/url-rules.ts',
    texts: ["if (url[1] === '/' || url[1] === '\\\\') {"],
    verdict: 'equivalent',
    reason:
      'only the "/\\\\" half of the test: a backslash is refused anyway, as url.character, which url.backslash-authority deliberately accepts beside url.form (req-url-3)',
  },
  {
    file: 'parse/url-rules.ts',
    texts: ['if (!/^[0-9A-Fa-f]{2}$/.test(hex))'],
    verdict: 'equivalent',
    reason: 'the tested string is at most two characters long: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    texts: ['if (i < pathEnd && (code === 0x2f || code === 0x5c)) {'],
    verdict: 'equivalent',
    reason: 'i <= pathEnd: at pathEnd stands the "?", never a "%"',
  },
];
