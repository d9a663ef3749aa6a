// Verdicts on the surviving mutants of packages/schema/src/parse/parse-batch.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
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
    file: 'parse/parse-batch.ts',
    texts: [
      "if (options.onErrorStop === false && isRecord(input.options) && input.options.onError === 'stop') {",
    ],
    verdict: 'unreachable',
    reason:
      "@batchwire/server never passes onErrorStop: false to parseBatch (post.ts); packages/schema's unit tests cover the branch",
  },
];
