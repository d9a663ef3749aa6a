import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, field, item, postBatch, refuseBatch, runBatch, uniqueName } from '../test-support/batch.js';
import { MODES, startTopology, type Topology } from '../test-support/topology.js';

const ok = (id: string) => ({ id, method: 'GET', url: '/_conformance/status/200' });

describe.each(MODES)('%s mode: the smaller rules, one by one', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  /** The envelope must be refused with 400 and a violation at `pointer`; a counter proves nothing ran. */
  async function expectViolation(requests: Record<string, unknown>[], pointer: string, extra = {}) {
    const name = uniqueName('violation');
    const problem = await refuseBatch(
      t,
      {
        requests: [{ id: 'probe', method: 'POST', url: `/_conformance/counters/${name}` }, ...requests],
        ...extra,
      },
      400,
    );
    const pointers = (problem.errors ?? []).map((e) => e.pointer);
    expect(
      pointers.some((p) => p.startsWith(pointer)),
      `${pointer} in ${pointers.join(', ')}`,
    ).toBe(true);
    expect(await counter(t, name)).toBe(0);
  }

  it('req-envelope-2: options must be an object and onError "continue" or "stop"', async () => {
    await expectViolation([ok('a')], '/options', { options: 'stop' });
    await expectViolation([ok('a')], '/options/onError', { options: { onError: 'halt' } });
  });

  it('req-id-2: ids are case-sensitive ("Item" and "item" are two ids); duplicates are refused', async () => {
    const batch = await runBatch(t, { requests: [ok('Item'), ok('item')] });
    expect(batch.responses.map((r) => r.id)).toEqual(['Item', 'item']);
    await expectViolation([ok('same'), ok('same')], '/requests/2/id');
  });

  it('req-id-1: ids longer than 128 characters are refused', async () => {
    await expectViolation([ok('x'.repeat(129))], '/requests/1/id');
    const batch = await runBatch(t, { requests: [ok('x'.repeat(128))] });
    expect(batch.responses[0]?.status).toBe(200);
  });

  it.each([
    ['a fragment', '/_conformance/echo#frag'],
    ['a raw space', '/_conformance/echo/a b'],
    ['bad percent-encoding', '/_conformance/echo/%zz'],
    ['an encoded control character', '/_conformance/echo/%0a'],
    ['a scheme-like first segment', '_conformance:80/echo'],
    ['a relative dot segment', '_conformance/../blogs'],
    ['an empty url', ''],
  ])('req-url: refuses a url with %s', async (_label, url) => {
    await expectViolation([{ id: 'a', method: 'GET', url }], '/requests/1/url');
  });

  it('req-method-2/req-url-8: OData spellings (get, a url without "/") run as GET of the same path', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'lower', method: 'get', url: '_conformance/echo/odata?x=1' },
        { id: 'mixed', method: 'Post', url: '/_conformance/echo', body: { y: 2 } },
      ],
    });
    expect(item(batch, 'lower')).toMatchObject({
      status: 200,
      body: { method: 'GET', path: '/_conformance/echo/odata', query: { x: '1' } },
    });
    expect(item(batch, 'mixed')).toMatchObject({ status: 200, body: { method: 'POST', body: { y: 2 } } });
  });

  it('req-url-7: ignores Host, X-Forwarded-Host and Forwarded when resolving urls', async () => {
    const batch = await runBatch(
      t,
      { requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/201' }] },
      {
        'X-Forwarded-Host': t.canary.host,
        Forwarded: `host=${t.canary.host}`,
      },
    );
    expect(item(batch, 'a').status).toBe(201);
    expect(t.canary.contacts()).toBe(0);
  });

  it('req-header-1/2: header names must be tokens and not repeat in any case', async () => {
    await expectViolation([{ ...ok('a'), headers: { 'Bad Name': 'x' } }], '/requests/1/headers');
    await expectViolation(
      [{ ...ok('a'), headers: { 'X-Twice': '1', 'x-twice': '2' } }],
      '/requests/1/headers',
    );
  });

  it('req-body-1: a GET or HEAD with a body, even null, is refused', async () => {
    await expectViolation([{ ...ok('a'), body: null }], '/requests/1/body');
    await expectViolation(
      [{ id: 'h', method: 'HEAD', url: '/_conformance/echo', body: {} }],
      '/requests/1/body',
    );
  });

  it('req-depends-1 / req-ref-4: dependsOn and references must name earlier requests, not themselves', async () => {
    await expectViolation([{ ...ok('a'), dependsOn: ['a'] }], '/requests/1/dependsOn');
    await expectViolation([{ ...ok('a'), dependsOn: ['nobody'] }], '/requests/1/dependsOn');
    await expectViolation(
      [{ id: 'a', method: 'GET', url: '/_conformance/echo?x=${a#/status}' }],
      '/requests/1/url',
    );
    await expectViolation(
      [{ id: 'a', method: 'GET', url: '/_conformance/echo?x=${zz#/status}' }],
      '/requests/1/url',
    );
  });

  it('req-ref-3: member names are never searched for tokens', async () => {
    const batch = await runBatch(t, {
      requests: [
        ok('a'),
        { id: 'b', method: 'POST', url: '/_conformance/echo', body: { '${a#/status}': 'v' } },
      ],
    });
    expect(field(item(batch, 'b'), 'body')).toEqual({ '${a#/status}': 'v' });
  });

  it('req-response-7: no body member for 204 and HEAD answers', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'empty', method: 'GET', url: '/_conformance/status/204' },
        { id: 'head', method: 'HEAD', url: '/_conformance/echo' },
      ],
    });
    expect(item(batch, 'empty').status).toBe(204);
    expect(Object.hasOwn(item(batch, 'empty'), 'body')).toBe(false);
    expect(item(batch, 'head').status).toBe(200);
    expect(Object.hasOwn(item(batch, 'head'), 'body')).toBe(false);
  });

  it('req-response-8/10: ETag capitalised; server-made entries are problem+json', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'etag', method: 'GET', url: '/blogs/entries/11' },
        { id: 'hang', method: 'GET', url: '/_test/hang' },
        { id: 'gone', method: 'GET', url: '/_test/destroy' },
        { id: 'dep', method: 'GET', url: '/_conformance/status/200', dependsOn: ['gone'] },
      ],
    });
    expect(item(batch, 'etag').headers.ETag).toMatch(/^W\//);
    for (const id of ['hang', 'gone', 'dep']) {
      expect(item(batch, id).headers['Content-Type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('req-cred-3: an inner Accept-Language or X-Request-Id wins over the inherited one', async () => {
    const batch = await runBatch(
      t,
      {
        requests: [
          {
            id: 'own',
            method: 'GET',
            url: '/_conformance/echo',
            headers: { 'Accept-Language': 'de', 'X-Request-Id': 'inner' },
          },
          { id: 'inherited', method: 'GET', url: '/_conformance/echo' },
        ],
      },
      { 'Accept-Language': 'fr', 'X-Request-Id': 'outer' },
    );
    const own = field(item(batch, 'own'), 'headers') as Record<string, string>;
    const inherited = field(item(batch, 'inherited'), 'headers') as Record<string, string>;
    expect([own['accept-language'], own['x-request-id']]).toEqual(['de', 'inner']);
    expect([inherited['accept-language'], inherited['x-request-id']]).toEqual(['fr', 'outer']);
  });

  it('req-limit-3: an envelope exactly at maxRequests is accepted and each request runs once', async () => {
    const name = uniqueName('exact');
    const requests = Array.from({ length: 100 }, (_, i) => ({
      id: `r${i}`,
      method: 'POST',
      url: `/_conformance/counters/${name}`,
    }));
    const batch = await runBatch(t, { requests });
    expect(batch.summary.succeeded).toBe(100);
    expect(await counter(t, name)).toBe(100);
  });

  it('req-cap-4: advertises idempotencyTtlMs with idempotency', async () => {
    const res = await postBatch(t, { requests: [ok('a')] });
    expect(res.status).toBe(200);
    const caps = await fetch(`${t.origin}/batch`, { signal: AbortSignal.timeout(10_000) });
    const body = (await caps.json()) as { limits: Record<string, number>; features: Record<string, boolean> };
    expect(body.features.idempotency).toBe(true);
    expect(body.limits.idempotencyTtlMs).toBeGreaterThan(0);
  });

  it('req-idem-2: a retry whose envelope differs only in whitespace and member order is replayed', async () => {
    const name = uniqueName('ws');
    const key = uniqueName('key');
    const compact = `{"requests":[{"id":"a","method":"POST","url":"/_conformance/counters/${name}"}]}`;
    const spaced = `{ "requests" : [ { "url" : "/_conformance/counters/${name}", "method" : "POST", "id" : "a" } ] }\n`;
    expect((await postBatch(t, compact, { [IDEMPOTENCY_KEY_HEADER]: key })).status).toBe(200);
    const again = await postBatch(t, spaced, { [IDEMPOTENCY_KEY_HEADER]: key });
    expect(again.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBe('true');
    expect(await counter(t, name)).toBe(1);
  });

  it('req-idem-5: never replays to a request with other credentials', async () => {
    const name = uniqueName('creds');
    const key = uniqueName('key');
    const envelope = { requests: [{ id: 'a', method: 'POST', url: `/_conformance/counters/${name}` }] };
    const first = await postBatch(t, envelope, {
      [IDEMPOTENCY_KEY_HEADER]: key,
      Authorization: 'Bearer one',
    });
    expect(first.status).toBe(200);
    const other = await postBatch(t, envelope, {
      [IDEMPOTENCY_KEY_HEADER]: key,
      Authorization: 'Bearer two',
    });
    expect(other.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBeUndefined();
    expect(other.text).not.toBe(first.text);
  });

  it('req-compat-1: an OData / Graph style envelope is accepted unchanged', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: '1', method: 'GET', url: '/blogs/entries/12', headers: { Accept: 'application/json' } },
        {
          id: '2',
          method: 'PUT',
          url: '/_conformance/echo',
          body: { a: 1 },
          headers: { 'Content-Type': 'application/json' },
          dependsOn: ['1'],
        },
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 200],
    ]);
  });
});
