// Verdicts on the surviving mutants of packages/schema/src/parse/dialect.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/dialect.ts',
    texts: ["return value !== null && typeof value === 'object' && !Array.isArray(value);"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'treating a non-null primitive as a record: it has no requests, method, url or id, so every read is undefined and the same path is taken',
  },
  {
    file: 'parse/dialect.ts',
    texts: ["if (url === '' || url[0] === '/' || url[0] === '\\\\') return undefined;"],
    verdict: 'equivalent',
    reason:
      'a url beginning with "/" or "\\\\" is refused by the url rules whether or not it is rewritten first (the empty-url part is killed by url.empty-refused)',
  },
  {
    file: 'parse/dialect.ts',
    texts: ["if (isRecord(request) && typeof request.id === 'string') ids.add(request.id);"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason: 'a request that is not an object is refused by the schema either way',
  },
  {
    file: 'parse/dialect.ts',
    texts: [
      "const method = typeof request.method === 'string' ? canonicalMethod(request.method) : undefined;",
    ],
    verdict: 'equivalent',
    reason:
      'type guards before the schema check: a field of the wrong type is refused by the schema (400) either way',
  },
  {
    file: 'parse/dialect.ts',
    texts: ["if (typeof request.url === 'string' && request.url[0] !== '/') {"],
    verdict: 'equivalent',
    reason:
      'type guards before the schema check: a field of the wrong type is refused by the schema (400) either way',
  },
  {
    file: 'parse/dialect.ts',
    texts: ['if (method === undefined && url === undefined) return;'],
    verdict: 'equivalent',
    reason: 'copying a request whose method and url stay the same gives an equal envelope',
  },
];
