// Verdicts on the surviving mutants of packages/schema/src/parse/request-rules.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/request-rules.ts',
    texts: ["if (typeof target === 'string') addTarget(target, () => at('dependsOn', i), 'dependsOn');"],
    verdict: 'unspecified',
    reason:
      'a dependsOn element that is not a string also gets dependsOn.unknown beside its schema violation; it does name no request, and the spec does not rank the two codes',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ["if (typeof request.url === 'string' && request.url !== '') {"],
    verdict: 'equivalent',
    reason: 'an empty url also gets url.form, a correct code for "" under req-url-1',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['if (mayHoldReferences(value)) scan(value, () => toPointer(path));'],
    verdict: 'equivalent',
    reason: 'scan() returns early itself when there can be no token',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ["if (position > ownIndex) return 'forward';"],
    verdict: 'equivalent',
    reason: 'the self reference is tested first',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['if (!mayHoldReferences(text)) return true;'],
    verdict: 'equivalent',
    reason: 'scanning token-free text finds no token',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['if (broken && isIdPrefixedUrl(url, index.positions)) {'],
    verdict: 'equivalent',
    reason: 'the rule is url.form either way; only the detail differs',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['const lower = name.toLowerCase();'],
    verdict: 'equivalent',
    reason: 'differs only for header names that already fail header.name',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ["typeof request.method === 'string' &&"],
    verdict: 'equivalent',
    reason: 'a method that is not a string never matches the bodyless list',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['if (result.references.length > 0 && !index.references) {'],
    verdict: 'unreachable',
    reason:
      "@batchwire/server never passes references: false to parseBatch (post.ts); packages/schema's unit tests cover the branch",
  },
];
