/** A broken url rule: its stable code and a reason for a person. */
export interface RuleBreak {
  readonly rule: string;
  readonly detail: string;
}

// RFC 3986 pchar plus "/" and "?" and "%"; "[" and "]" are tolerated in the query only.
const PATH_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]$/;
const QUERY_EXTRA = new Set(['?', '[', ']']);
// A single-slash path of unreserved and sub-delim characters, with an optional query of the same plus "/?[]".
const PLAIN_URL = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?[\]]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?]|$)/;

// Stryker disable BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator,StringLiteral,MethodExpression: describe() only words the problem detail (free prose); the rule is url.character whatever it says
function describe(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f)
    return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if (char === ' ') return 'a raw space (write %20)';
  if (char === '\\') return 'a backslash';
  if (code > 0x7e) return `non-ASCII character "${char}" (percent-encode it as UTF-8)`;
  return `character "${char}" (percent-encode it)`;
}

// Stryker restore BlockStatement,ConditionalExpression,EqualityOperator,LogicalOperator,StringLiteral,MethodExpression
/**
 * Checks a concrete inner url (references already substituted): a path beginning with exactly one
 * "/", an optional query, no fragment, only valid percent-encoding, no encoded slash, backslash or
 * control character, and no "." or ".." segment, raw or percent-encoded.
 */
export function checkInnerUrl(url: string): RuleBreak | undefined {
  // Fast path for the common case: plain characters only, no escapes, no dot segment.
  if (PLAIN_URL.test(url) && !DOT_SEGMENT.test(url)) return undefined;
  if (url[0] !== '/')
    return { rule: 'url.form', detail: 'must be a path beginning with "/" (absolute urls are not allowed)' };
  if (url[1] === '/' || url[1] === '\\') {
    return { rule: 'url.form', detail: 'must begin with exactly one "/" ("//host" names another origin)' };
  }
  const queryStart = url.indexOf('?');
  const pathEnd = queryStart === -1 ? url.length : queryStart;
  for (let i = 0; i < url.length; i++) {
    const char = url[i]!;
    if (char === '#') return { rule: 'url.fragment', detail: 'must not contain a fragment ("#")' };
    if (!PATH_CHAR.test(char) && !(i >= pathEnd && QUERY_EXTRA.has(char))) {
      return { rule: 'url.character', detail: `must not contain ${describe(char)}` };
    }
    if (char === '%') {
      const hex = url.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        return { rule: 'url.encoding', detail: `invalid percent-encoding at offset ${i}` };
      const code = Number.parseInt(hex, 16);
      if (code < 0x20 || code === 0x7f)
        return { rule: 'url.encoding', detail: `must not encode a control character (%${hex})` };
      if (i < pathEnd && (code === 0x2f || code === 0x5c)) {
        return { rule: 'url.encoding', detail: `must not encode "/" or "\\" in the path (%${hex})` };
      }
    }
  }
  const segments = url.slice(1, pathEnd).split('/');
  for (const segment of segments) {
    const decoded = segment.replace(/%2e/gi, '.');
    if (decoded === '.' || decoded === '..') {
      return {
        rule: 'url.dotSegment',
        detail: `must not contain a "${decoded}" path segment (raw or percent-encoded)`,
      };
    }
  }
  return undefined;
}
