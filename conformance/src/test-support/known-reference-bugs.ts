/**
 * Cases the reference server fails today, each a server bug against the spec text (reported to
 * its owners), never a weakened case. A listed case that passes is printed as stale, so the list
 * shrinks as the server is fixed.
 */
export const KNOWN_REFERENCE_BUGS: Readonly<Record<string, string>> = {
  'idem.replay-equal-json':
    'req-idem-2: a retry whose envelope differs only in member order is answered 422 idempotency-mismatch instead of a replay',
  'response.handler-error':
    'req-isolation-2: a throwing handler is reported as 500 with problem type about:blank instead of handler-error',
};
