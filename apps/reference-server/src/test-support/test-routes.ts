import type { Express } from 'express';

/**
 * Routes the e2e suite needs beyond spec Appendix A: a handler that never answers, one that
 * destroys its socket, a redirect to any `?to=` target, and answers whose embedding in a batch
 * must equal what a client gets alone (JSON edge cases, a value changed after sending, chunked
 * writes, an async throw) and a rate-limited route. Mounted through `createReferenceApp({ extend })` in tests only.
 */
export function mountTestRoutes(app: Express): void {
  // A tiny rate limiter: two requests per bucket, then 429 with Retry-After (state per app).
  const buckets = new Map<string, number>();
  app.get('/_test/limited/:bucket', (req, res) => {
    const used = (buckets.get(req.params.bucket) ?? 0) + 1;
    buckets.set(req.params.bucket, used);
    if (used > 2) res.status(429).set('Retry-After', '1').json({ limited: true });
    else res.json({ used });
  });
  app.get('/_test/hang', () => {
    // Never answers: the batch engine must turn this into a 504 for this item only.
  });
  app.get('/_test/destroy', (req) => {
    req.socket.destroy();
  });
  app.get('/_test/json-edge', (_req, res) => {
    res.status(203).json({
      date: new Date(0),
      missing: undefined,
      custom: { toJSON: () => 'custom' },
      nan: Number.NaN,
      list: [undefined, () => 1],
      nested: { big: 2 ** 53, text: 'é\u2028' },
    });
  });
  app.get('/_test/mutate-after-send', (_req, res) => {
    const value = { n: 1, list: [1] };
    res.json(value);
    value.n = 2;
    value.list.push(2);
  });
  app.get('/_test/chunks', (_req, res) => {
    res.type('text/plain');
    res.write('one,');
    setTimeout(() => {
      res.write('two,');
      res.end('three');
    }, 20);
  });
  app.get('/_test/async-throw', async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    throw new Error('async failure on purpose');
  });
  app.get('/_test/redirect', (req, res) => {
    res.redirect(302, typeof req.query.to === 'string' ? req.query.to : '/');
  });
}
