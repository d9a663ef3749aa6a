import { type LocalServer, listenLocal } from './local-server.js';

/** An upstream API that throttles, for the reference server's gateway mode (`--upstream`). */
export interface ThrottlingUpstream extends LocalServer {
  /** How many times each path was requested. */
  hits(path: string): number;
}

/**
 * Starts an upstream on 127.0.0.1 port 0 with two routes. `GET /limited/{name}?times=N&after=V`
 * answers its first N requests (default 1) 429 with `Retry-After: V` (default `1`; an HTTP date
 * is allowed), then 200 `{ name, hits }`. `GET /ok/{name}` always answers 200 `{ name, hits }`,
 * `GET /fail/{name}` always 500.
 */
export async function startThrottlingUpstream(): Promise<ThrottlingUpstream> {
  const counts = new Map<string, number>();
  const local = await listenLocal((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    const hits = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, hits);
    const [, kind, name] = url.pathname.split('/');
    const times = Number(url.searchParams.get('times') ?? '1');
    req.resume();
    if (kind === 'limited' && hits <= times) {
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': url.searchParams.get('after') ?? '1',
      });
      res.end(JSON.stringify({ throttled: name }));
    } else if (kind === 'fail') {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ failed: name }));
    } else if (kind === 'limited' || kind === 'ok') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name, hits }));
    } else {
      res.writeHead(404).end();
    }
  });
  return { ...local, hits: (path) => counts.get(path) ?? 0 };
}
