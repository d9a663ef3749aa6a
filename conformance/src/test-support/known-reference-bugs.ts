/**
 * Cases the reference server fails today, each a server bug against the spec text (reported to
 * its owners), never a weakened case. A listed case that passes is printed as stale, so the list
 * shrinks as the server is fixed. Empty: the reference server passes every case.
 */
export const KNOWN_REFERENCE_BUGS: Readonly<Record<string, string>> = {};
