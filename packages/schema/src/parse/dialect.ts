import { ALLOWED_METHODS } from '../constants/methods.js';

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ALLOWED = new Set<string>(ALLOWED_METHODS);
// ASCII letters only: Unicode case mapping would turn "optıons" (dotless i) into "OPTIONS".
const ASCII_WORD = /^[A-Za-z]+$/;

/** The upper-case spelling of an allowed method written in another ASCII capitalisation, else undefined. */
export function canonicalMethod(method: string): string | undefined {
  if (ALLOWED.has(method) || !ASCII_WORD.test(method)) return undefined;
  const upper = method.toUpperCase();
  return ALLOWED.has(upper) ? upper : undefined;
}

/** The first path segment of a url that does not begin with "/" (up to "/", "?" or "#"). */
function firstSegment(url: string): string {
  const end = url.search(/[/?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Whether a url that does not begin with "/" is an OData `$<id>` reference: its first segment is `$`
 * followed by the id of a request of the envelope. Such a url is never read as a relative path.
 */
export function isIdPrefixedUrl(url: string, ids: { has(id: string): boolean }): boolean {
  const segment = firstSegment(url);
  return segment.startsWith('$') && ids.has(segment.slice(1));
}

/**
 * The url a relative OData url stands for: `Books?x=1` is `/Books?x=1`, resolved against the
 * service root like any path. Absolute urls (a `:` in the first segment, RFC 3986 path-noscheme),
 * `$<id>` references and urls beginning with "/" or "\" are left as written for the url rules.
 */
export function canonicalUrl(url: string, ids: ReadonlySet<string>): string | undefined {
  if (url === '' || url[0] === '/' || url[0] === '\\') return undefined;
  if (firstSegment(url).includes(':') || isIdPrefixedUrl(url, ids)) return undefined;
  return `/${url}`;
}

function idsOf(requests: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const request of requests)
    if (isRecord(request) && typeof request.id === 'string') ids.add(request.id);
  return ids;
}

/**
 * Reads an envelope written in the OData 4.01 JSON batch dialect in its canonical spelling (spec
 * section 4.8): methods in any ASCII capitalisation become upper case, and a relative url becomes
 * the same path with a leading "/". Returns the input itself when nothing changes (the common case),
 * else a shallow copy; never mutates the input. Every other rule applies to the canonical form.
 */
export function canonicalEnvelope(input: unknown): unknown {
  if (!isRecord(input) || !Array.isArray(input.requests)) return input;
  const requests: unknown[] = input.requests;
  let ids: Set<string> | undefined;
  let changed: unknown[] | undefined;
  requests.forEach((request, position) => {
    if (!isRecord(request)) return;
    const method = typeof request.method === 'string' ? canonicalMethod(request.method) : undefined;
    let url: string | undefined;
    if (typeof request.url === 'string' && request.url[0] !== '/') {
      ids ??= idsOf(requests);
      url = canonicalUrl(request.url, ids);
    }
    if (method === undefined && url === undefined) return;
    changed ??= [...requests];
    changed[position] = {
      ...request,
      ...(method === undefined ? {} : { method }),
      ...(url === undefined ? {} : { url }),
    };
  });
  return changed === undefined ? input : { ...input, requests: changed };
}
