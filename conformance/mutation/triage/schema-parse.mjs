// Verdicts on the surviving mutants of packages/schema/src/parse, read by ../triage.mjs (format there).
/** @type {readonly import('../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'parse/depth.ts',
    texts: [
      'for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) segments.push(f.key);',
    ],
    verdict: 'equivalent',
    reason: 'the loop stops at the root frame, whose key is undefined, before f can become undefined',
  },
  {
    file: 'parse/dialect.ts',
    texts: ["return value !== null && typeof value === 'object' && !Array.isArray(value);"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'treating a non-null primitive as a record: it has no requests, method, url or id, so every read is undefined and the same path is taken',
  },
  {
    file: 'parse/parse-batch.ts',
    texts: ["return value !== null && typeof value === 'object' && !Array.isArray(value);"],
    mutators: ['ConditionalExpression'],
    verdict: 'equivalent',
    reason:
      'treating a non-null primitive as a record: it has no requests, method, url or id, so every read is undefined and the same path is taken',
  },
  {
    file: 'parse/parse-batch.ts',
    texts: ["if (!isRecord(request) || typeof request.id !== 'string') return;"],
    verdict: 'unspecified',
    reason:
      'only adds id.duplicate for two requests whose id is missing or not a string, which already get schema violations; the spec does not say whether two absent ids are duplicates',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['let referencing = false;'],
    verdict: 'equivalent',
    reason:
      "in a streamed answer it keeps the dependsOn targets' headers and body a little longer; nothing reads them",
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['if (!isRecord(request)) return { violations, dependencies: [], referencing };'],
    mutators: ['ArrayDeclaration'],
    verdict: 'equivalent',
    reason: 'a request that is not an object always breaks the schema, so its dependencies are never used',
  },
  {
    file: 'parse/request-rules.ts',
    texts: ['return false;'],
    verdict: 'unspecified',
    reason:
      'after reference.syntax the raw "{" also gets url.character, true of the url as written (req-validate-3 asks for every violation)',
  },
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
    file: 'parse/url-rules.ts',
    texts: [
      "const PLAIN_URL = /^\\/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/]*(?:\\?[A-Za-z0-9\\-._~!$&'()*+,;=:@/?[\\]]*)?$/;",
    ],
    verdict: 'equivalent',
    reason: 'only narrows the fast path; the full check gives the same answer',
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
  {
    file: 'parse/parse-batch.ts',
    texts: [
      "if (options.onErrorStop === false && isRecord(input.options) && input.options.onError === 'stop') {",
    ],
    verdict: 'unreachable',
    reason:
      "@batchwire/server never passes onErrorStop: false to parseBatch (post.ts); packages/schema's unit tests cover the branch",
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
  {
    file: 'parse/header-rules.ts',
    texts: ['for (let i = 0; i < value.length; i++) {'],
    verdict: 'equivalent',
    reason: 'reading one past the end gives NaN, which no comparison accepts',
  },
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
  {
    file: 'parse/depth.ts',
    texts: ["if (child !== null && typeof child === 'object')"],
    verdict: 'equivalent',
    reason: 'a primitive pushed as a frame is skipped when popped, before the depth test',
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
    texts: ['if (!isRecord(request)) return;'],
    verdict: 'equivalent',
    reason:
      'type guards before the schema check: a field of the wrong type is refused by the schema (400) either way',
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
  {
    file: 'parse/dialect.ts',
    texts: ["if (isRecord(request) && typeof request.id === 'string') ids.add(request.id);"],
    mutators: ['LogicalOperator'],
    verdict: 'gap',
    reason:
      'a null request beside a relative url makes idsOf read null.id and throw: one schema.type at "" instead of the violation at /requests/0; no case sends {"requests":[null,{"id":"a","method":"GET","url":"items"}]} and asks for the error at /requests/0 (req-validate-3)',
  },
];
