const SPECIAL: Record<string, string> = {
  etag: 'ETag',
  te: 'TE',
  dnt: 'DNT',
  'www-authenticate': 'WWW-Authenticate',
  'content-md5': 'Content-MD5',
  'x-xss-protection': 'X-XSS-Protection',
  'x-ua-compatible': 'X-UA-Compatible',
  'sec-websocket-key': 'Sec-WebSocket-Key',
  'sec-websocket-accept': 'Sec-WebSocket-Accept',
  'sec-websocket-version': 'Sec-WebSocket-Version',
  'sec-websocket-protocol': 'Sec-WebSocket-Protocol',
  'sec-websocket-extensions': 'Sec-WebSocket-Extensions',
};
const cache = new Map<string, string>();
const CACHE_MAX = 2048;

/**
 * The conventional capitalisation of a header name (`content-type` → `Content-Type`, `etag` →
 * `ETag`), as inner responses write them (Graph clients read `Content-Type` case-sensitively).
 */
export function conventionalHeaderName(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const lower = name.toLowerCase();
  const special = Object.hasOwn(SPECIAL, lower) ? SPECIAL[lower] : undefined;
  const result =
    special ??
    lower
      .split('-')
      .map((word) => (word === '' ? word : word[0]!.toUpperCase() + word.slice(1)))
      .join('-');
  if (cache.size < CACHE_MAX) cache.set(name, result);
  return result;
}

const FRAMING = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'trailer',
  'upgrade',
]);

/**
 * Whether an inner response header is left out of its entry: framing, meaningless once embedded,
 * and CORS (`Access-Control-*`): only the outer answer grants a browser anything ([req-cors-3]).
 */
export function isFramingHeader(lowerName: string): boolean {
  return FRAMING.has(lowerName) || lowerName.startsWith('proxy-') || lowerName.startsWith('access-control-');
}
