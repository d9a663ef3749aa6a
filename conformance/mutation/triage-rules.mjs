// Verdicts on surviving mutants, read by triage.mjs. A rule matches by file suffix and, optionally,
// a line range, mutator names, a pattern over the replacement and one over the source line. `equivalent`: no conformant
// server can tell the mutant from the original through the protocol (or the suite deliberately
// tolerates the difference, said in the reason). `gap`: a real difference no case catches yet.

/** @type {readonly { file: string, lines?: [number, number], mutators?: string[], replacement?: RegExp, match?: RegExp, verdict: 'equivalent' | 'gap', reason: string }[]} */
export const RULES = [
  {
    file: 'engine/slicer.ts',
    verdict: 'equivalent',
    reason:
      'time slicing only decides when the engine yields the event loop to other connections; every answer is the same whether it yields after each start or never',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [14, 22],
    verdict: 'equivalent',
    reason: 'describe() only words the problem detail (free prose)',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [8, 8],
    verdict: 'equivalent',
    reason: 'PATH_CHAR is tested against one character at a time: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [47, 47],
    mutators: ['Regex'],
    verdict: 'equivalent',
    reason: 'the tested string is at most two characters long: dropping an anchor changes nothing',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [31, 31],
    mutators: ['ConditionalExpression'],
    match: /PLAIN_URL\.test/,
    verdict: 'equivalent',
    reason: 'skipping the fast path: the full check decides every plain url the same way',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [52, 52],
    mutators: ['EqualityOperator'],
    verdict: 'equivalent',
    reason: 'i <= pathEnd: at pathEnd stands the "?", never a "%"',
  },
  {
    file: 'parse/url-rules.ts',
    lines: [34, 34],
    verdict: 'equivalent',
    reason:
      'only the "/\\\\" half of the test: a backslash is refused anyway, as url.character, which url.backslash-authority deliberately accepts beside url.form (req-url-3)',
  },
];
