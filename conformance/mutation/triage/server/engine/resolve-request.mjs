// Verdicts on the surviving mutants of packages/server/src/engine/resolve-request.ts, read by triage.mjs (format there).
/** @type {readonly import('../../../triage.mjs').Rule[]} */
export const RULES = [
  {
    file: 'engine/resolve-request.ts',
    texts: ["return typeof value === 'string' ? value.length : (JSON.stringify(value)?.length ?? 0);"],
    mutators: ['ConditionalExpression', 'StringLiteral'],
    verdict: 'harness',
    reason:
      'counting a string two characters too long shows only at exactly the resolved-size limit, and no case can build a value of exactly maxBodyBytes for any advertised limit',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (state.budget < 0) {'],
    mutators: ['EqualityOperator'],
    verdict: 'harness',
    reason:
      'the resolved-size boundary itself: no case can build a value of exactly maxBodyBytes for any advertised limit',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (state.overflow) return '';"],
    verdict: 'equivalent',
    reason:
      'after an overflow or a missing value the returned text is thrown away and the answer is 413 or 424 anyway',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!mayHoldReferences(text)) return text;'],
    verdict: 'equivalent',
    reason: 'skipping a fast path: the scan finds no token and returns the same text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!mayHoldReferences(value)) return value;'],
    verdict: 'equivalent',
    reason: 'skipping a fast path: the scan finds no token and returns the same text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (!Object.hasOwn(request, 'body') || request.body === undefined) return { kind: 'none' };"],
    verdict: 'equivalent',
    reason: 'a JSON body is never undefined, and every dispatcher tests kind === "bytes"',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ["if (text.includes('${')) text = JSON.stringify(substituteBody(raw, state));"],
    verdict: 'equivalent',
    reason: 'substituting a body without tokens gives the same JSON text',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (url !== request.url) {'],
    verdict: 'equivalent',
    reason: 're-checking a url that no reference changed: parseBatch already accepted it',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (value !== original) {'],
    verdict: 'equivalent',
    reason: 're-checking a header value that no reference changed: parseBatch already accepted it',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (!scan.ok) return text; // parseBatch already refused malformed tokens'],
    verdict: 'unreachable',
    reason: 'envelope validation already refuses a malformed token before anything runs',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (inherited) for (const name of Object.keys(inherited)) headers[name] = inherited[name]!;'],
    verdict: 'unreachable',
    reason: 'post.ts always passes a header record',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['const MARKER = INNER_REQUEST_MARKER_HEADER.toLowerCase();'],
    verdict: 'harness',
    reason:
      'fetch Headers ignore case, so an upper-case marker key is the same header there; node hosts would differ',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (encoded === undefined) return undefined;'],
    verdict: 'unspecified',
    reason:
      'lone surrogates: RFC 8259 section 8.2 leaves them to the parser (Go turns them into U+FFFD), so no case can demand a 400',
  },
  {
    file: 'engine/resolve-request.ts',
    texts: ['if (url === undefined) {'],
    verdict: 'unspecified',
    reason:
      'lone surrogates: RFC 8259 section 8.2 leaves them to the parser (Go turns them into U+FFFD), so no case can demand a 400',
  },
];
