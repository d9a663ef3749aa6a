/**
 * Header names (lower case) an inner request must not carry: credentials come from the outer
 * request only, and framing or hop-by-hop headers would let one item smuggle another request.
 * Names starting with `proxy-` or `x-forwarded-` are forbidden too (see {@link isForbiddenInnerHeader}).
 */
export const FORBIDDEN_INNER_HEADERS = [
  'authorization',
  'cookie',
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'upgrade',
  'te',
  'expect',
  'keep-alive',
  'trailer',
  'forwarded',
] as const;

/**
 * Prefixes of header names that are forbidden in inner requests whatever follows them: `proxy-`
 * (hop-by-hop credentials) and `x-forwarded-` (an app that trusts proxies would believe them).
 */
export const FORBIDDEN_INNER_HEADER_PREFIXES = ['proxy-', 'x-forwarded-'] as const;

/** Outer request headers (lower case) that every inner request inherits unchanged. */
export const INHERITED_HEADERS = ['authorization', 'cookie', 'accept-language', 'x-request-id'] as const;

/** Request header that asks the server to store and replay a batch's consolidated response. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Response header set to `true` on a replayed consolidated response. */
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';

/**
 * Header a server puts on every inner request it dispatches; a batch endpoint refuses any request
 * that carries it, which stops recursion however the inner url was spelled.
 */
export const INNER_REQUEST_MARKER_HEADER = 'Batchwire-Inner-Request';

/** Correlation header passed from the outer request to every inner request. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Whether a header name (any case) may not appear in an inner request's `headers`. */
export function isForbiddenInnerHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    (FORBIDDEN_INNER_HEADERS as readonly string[]).includes(lower) ||
    FORBIDDEN_INNER_HEADER_PREFIXES.some((prefix) => lower.startsWith(prefix)) ||
    lower === INNER_REQUEST_MARKER_HEADER.toLowerCase()
  );
}
