import { INNER_REQUEST_MARKER_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, field, item, postBatch, refuseBatch, runBatch, uniqueName } from '../test-support/batch.js';
import { MODES, startTopology, type Topology } from '../test-support/topology.js';

const auth = { Authorization: 'Bearer demo-token' };

interface Echo {
  readonly headers: Record<string, string>;
}

const echoHeaders = (body: unknown) => (body as Echo).headers;

describe.each(MODES)('%s mode: credentials, SSRF, recursion and smuggling', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  /** Sends a batch with a counter bump and one suspicious request; it must be refused, never run. */
  async function expectRefused(suspicious: Record<string, unknown>, headers: Record<string, string> = {}) {
    const name = uniqueName('refused');
    const res = await postBatch(
      t,
      {
        requests: [
          { id: 'bump', method: 'POST', url: `/_conformance/counters/${name}` },
          { id: 'x', ...suspicious },
        ],
      },
      headers,
    );
    if (res.status === 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await counter(t, name)).toBe(0);
      return 'envelope';
    }
    expect(res.status, res.text).toBe(200);
    const x = (res.body as { responses: { id: string; status: number; body: unknown }[] }).responses[1]!;
    expect([400, 404], JSON.stringify(x)).toContain(x.status);
    expect(JSON.stringify(x.body ?? null)).not.toContain('"responses"');
    return 'item';
  }

  it('every inner request inherits the outer Authorization: demo deletes work in one batch', async () => {
    const requests = [5, 6, 7].map((id) => ({
      id: `del${id}`,
      method: 'DELETE',
      url: `/blogs/entries/${id}`,
    }));
    const batch = await runBatch(t, { requests }, auth);
    expect(batch.responses.map((r) => r.status)).toEqual([204, 204, 204]);
    for (const id of [5, 6, 7]) {
      expect((await request(t.apiOrigin).get(`/blogs/entries/${id}`).timeout(10_000)).status).toBe(404);
    }
  });

  it('without outer credentials, each inner write is refused by the API as if sent alone', async () => {
    const requests = [8, 9].map((id) => ({ id: `del${id}`, method: 'DELETE', url: `/blogs/entries/${id}` }));
    const batch = await runBatch(t, {
      requests: [...requests, { id: 'read', method: 'GET', url: '/blogs/entries/8' }],
    });
    expect(batch.responses.map((r) => r.status)).toEqual([401, 401, 200]);
    expect((await request(t.apiOrigin).get('/blogs/entries/8').timeout(10_000)).status).toBe(200);
  });

  it('inherits Cookie, Accept-Language and X-Request-Id, and no other outer header', async () => {
    const batch = await runBatch(
      t,
      { requests: [{ id: 'e', method: 'GET', url: '/_conformance/echo' }] },
      {
        Cookie: 'session=abc',
        'Accept-Language': 'fr-CH',
        'X-Request-Id': 'req-42',
        'X-Outer-Only': 'secret',
      },
    );
    const headers = echoHeaders(item(batch, 'e').body);
    expect(headers.cookie).toBe('session=abc');
    expect(headers['accept-language']).toBe('fr-CH');
    expect(headers['x-request-id']).toBe('req-42');
    expect(headers['x-outer-only']).toBeUndefined();
  });

  it.each(['Authorization', 'authorization', 'Cookie', 'COOKIE'])(
    'refuses an inner %s header for the whole envelope',
    async (name) => {
      const runs = uniqueName('inner-auth');
      const problem = await refuseBatch(
        t,
        {
          requests: [
            { id: 'ok', method: 'POST', url: `/_conformance/counters/${runs}` },
            { id: 'a', method: 'GET', url: '/_conformance/echo', headers: { [name]: 'Bearer demo-token' } },
          ],
        },
        400,
        auth,
      );
      expect(problem.errors?.some((e) => e.pointer === `/requests/1/headers/${name}`)).toBe(true);
      expect(await counter(t, runs)).toBe(0);
    },
  );

  it.each([
    'Host',
    'Content-Length',
    'Transfer-Encoding',
    'Connection',
    'Proxy-Authorization',
    INNER_REQUEST_MARKER_HEADER,
  ])('refuses a hop-by-hop, framing or marker header %s', async (name) => {
    await refuseBatch(
      t,
      { requests: [{ id: 'a', method: 'GET', url: '/_conformance/echo', headers: { [name]: '1' } }] },
      400,
    );
  });

  it('refuses CR/LF in a header value, literal or produced by a reference', async () => {
    await refuseBatch(
      t,
      {
        requests: [
          { id: 'a', method: 'GET', url: '/_conformance/echo', headers: { 'X-A': 'v\r\nX-Injected: 1' } },
        ],
      },
      400,
    );
    const batch = await runBatch(t, {
      requests: [
        { id: 'create', method: 'POST', url: '/_conformance/items', body: { v: 'v\r\nX-Injected: 1' } },
        { id: 'use', method: 'GET', url: '/_conformance/echo', headers: { 'X-A': '${create#/body/v}' } },
      ],
    });
    expect(item(batch, 'use').status).toBe(400);
  });

  it.each([
    ['an absolute url', (h: string) => `http://${h}/secret`],
    ['a scheme-relative url', (h: string) => `//${h}/secret`],
    ['encoded slashes', (h: string) => `/%2F%2F${h}/secret`],
    ['backslashes', (h: string) => `\\\\${h}\\secret`],
    ['a slash and a backslash', (h: string) => `/\\${h}/secret`],
    ['encoded backslashes', (h: string) => `/%5C%5C${h}/secret`],
    ['a dot segment', () => '/_conformance/../secret'],
    ['an encoded dot segment', () => '/_conformance/%2e%2E/secret'],
  ])('refuses %s and never contacts another origin', async (_label, url) => {
    expect(await expectRefused({ method: 'GET', url: url(t.canary.host) })).toBe('envelope');
    expect(t.canary.contacts()).toBe(0);
  });

  it('resolves urls against its own service root, never the Host header', async () => {
    const batch = await runBatch(
      t,
      { requests: [{ id: 'a', method: 'GET', url: '/secret' }] },
      { Host: t.canary.host },
    );
    expect(item(batch, 'a').status).toBe(404);
    expect(field(item(batch, 'a'), 'secret')).toBeUndefined();
    expect(t.canary.contacts()).toBe(0);
  });

  it('refuses a reference that would produce another origin', async () => {
    const batch = await runBatch(t, {
      requests: [
        {
          id: 'create',
          method: 'POST',
          url: '/_conformance/items',
          body: { u: `//${t.canary.host}/secret` },
        },
        { id: 'use', method: 'GET', url: '/${create#/body/u}' },
      ],
    });
    expect(item(batch, 'use').status).toBe(400);
    expect(t.canary.contacts()).toBe(0);
  });

  it.each(['/batch', '/BATCH', '/batch/', '/Batch?x=1', '/batch/../batch', '/%62atch', '/batch%2F'])(
    'refuses recursion into the batch endpoint through %s',
    async (url) => {
      await expectRefused({
        method: 'POST',
        url,
        body: { requests: [{ id: 'n', method: 'GET', url: '/' }] },
      });
    },
  );

  it('refuses a reference that produces the batch path (item 400, no nested batch)', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'create', method: 'POST', url: '/_conformance/items', body: { p: 'batch' } },
        {
          id: 'use',
          method: 'POST',
          url: '/${create#/body/p}',
          body: { requests: [{ id: 'n', method: 'GET', url: '/_conformance/status/200' }] },
        },
      ],
    });
    expect(item(batch, 'use').status).toBe(400);
    expect(field(item(batch, 'use'), 'type')).toBe(PROBLEM_TYPES.recursion);
    expect(field(item(batch, 'use'), 'responses')).toBeUndefined();
  });

  it('refuses a request that carries the inner-request marker (recursion however spelled)', async () => {
    const problem = await refuseBatch(
      t,
      { requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200' }] },
      400,
      { [INNER_REQUEST_MARKER_HEADER]: '1' },
    );
    expect(problem.type).toBe(PROBLEM_TYPES.recursion);
  });

  it('applies rate limits to each inner request as if sent alone (429 with Retry-After per item)', async () => {
    const bucket = uniqueName('bucket');
    const requests = Array.from({ length: 4 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `/_test/limited/${bucket}`,
    }));
    const batch = await runBatch(t, { requests });
    expect(batch.responses.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    for (const limited of batch.responses.filter((r) => r.status === 429)) {
      expect(limited.headers['Retry-After']).toBe('1');
    }
  });

  it('never follows a redirect: the 3xx is the item response and the target is not contacted', async () => {
    const to = encodeURIComponent(`${t.canary.origin}/secret`);
    const batch = await runBatch(t, {
      requests: [{ id: 'r', method: 'GET', url: `/_test/redirect?to=${to}` }],
    });
    expect(item(batch, 'r').status).toBe(302);
    expect(item(batch, 'r').headers.Location).toBe(`${t.canary.origin}/secret`);
    expect(t.canary.contacts()).toBe(0);
  });

  it('no inner request ever reached the canary', () => {
    expect(t.canary.contacts()).toBe(0);
  });
});

// In-process, the server knows where its batch endpoint is, so a url naming it is visible before
// execution; in gateway mode the upstream's batch path is unknown and the marker refuses the item.
describe('in-process mode: a url naming the batch endpoint', () => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology('in-process');
  });
  afterAll(() => t.close());

  it('rejects the envelope, with a violation at the url, when an inner url names the batch endpoint (req-sec-4)', async () => {
    for (const url of ['/batch', '/BATCH', '/batch/', '/Batch?x=1']) {
      const problem = await refuseBatch(
        t,
        {
          requests: [
            { id: 'ok', method: 'GET', url: '/_conformance/status/200' },
            { id: 'x', method: 'POST', url, body: { requests: [{ id: 'n', method: 'GET', url: '/' }] } },
          ],
        },
        400,
      );
      expect(
        problem.errors?.some((e) => e.pointer === '/requests/1/url'),
        `${url}: ${JSON.stringify(problem)}`,
      ).toBe(true);
    }
  });
});
