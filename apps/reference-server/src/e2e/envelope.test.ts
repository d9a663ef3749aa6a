import { DEFAULT_LIMITS, PROBLEM_TYPES, validateCapabilities } from '@batchwire/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, field, item, postBatch, refuseBatch, runBatch, uniqueName } from '../test-support/batch.js';
import { MODES, startTopology, TEST_LIMITS, type Topology } from '../test-support/topology.js';

const counterPost = (id: string, name: string) => ({
  id,
  method: 'POST',
  url: `/_conformance/counters/${name}`,
});

describe.each(MODES)('%s mode: endpoint, envelope validation and limits', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  it('GET /batch serves the capabilities document with the configured limits', async () => {
    const res = await request(t.origin).get('/batch').timeout(10_000);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const checked = validateCapabilities(res.body);
    expect(checked.ok, JSON.stringify(checked)).toBe(true);
    expect(res.body).toMatchObject({
      protocol: 'batchwire',
      versions: ['1'],
      limits: { ...DEFAULT_LIMITS, ...TEST_LIMITS },
      features: { references: true, onErrorStop: true, streaming: true, idempotency: true, atomicity: false },
    });
  });

  it.each(['put', 'delete', 'patch'] as const)('%s /batch is 405 with Allow', async (method) => {
    const res = await request(t.origin)[method]('/batch').timeout(10_000);
    expect(res.status).toBe(405);
    expect(res.headers.allow?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses malformed JSON with a 400 problem and runs nothing', async () => {
    const name = uniqueName('malformed');
    const text = JSON.stringify({ requests: [counterPost('a', name)] }).slice(0, -2);
    const problem = await refuseBatch(t, text, 400);
    expect(problem.type).toBe(PROBLEM_TYPES.malformedJson);
    expect(await counter(t, name)).toBe(0);
  });

  it('refuses a non-JSON content type with 415 and runs nothing', async () => {
    const name = uniqueName('media');
    const envelope = JSON.stringify({ requests: [counterPost('a', name)] });
    const problem = await refuseBatch(t, envelope, 415, { 'Content-Type': 'text/plain' });
    expect(problem.type).toBe(PROBLEM_TYPES.unsupportedMediaType);
    expect(await counter(t, name)).toBe(0);
  });

  it('accepts Content-Type in any case and with parameters', async () => {
    const batch = await runBatch(
      t,
      { requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200' }] },
      { 'Content-Type': 'Application/JSON; charset=utf-8' },
    );
    expect(item(batch, 'a').status).toBe(200);
  });

  it('refuses 10,000-deep nesting with a 400 naming maxJsonDepth, and keeps serving', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const text = `{"requests":[{"id":"a","method":"POST","url":"/_conformance/echo","body":${deep}}]}`;
    const problem = await refuseBatch(t, text, 400);
    expect(JSON.stringify(problem)).toContain('maxJsonDepth');
    const batch = await runBatch(t, {
      requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200' }],
    });
    expect(item(batch, 'a').status).toBe(200);
  });

  it('refuses more than maxRequests with 413 naming the limit and its value, running nothing', async () => {
    const name = uniqueName('count');
    const requests = Array.from({ length: DEFAULT_LIMITS.maxRequests + 1 }, (_, i) =>
      counterPost(`r${i}`, name),
    );
    const problem = await refuseBatch(t, { requests }, 413);
    expect(problem.type).toBe(PROBLEM_TYPES.limitExceeded);
    expect(problem.limit).toEqual({ name: 'maxRequests', value: DEFAULT_LIMITS.maxRequests });
    expect(await counter(t, name)).toBe(0);
  });

  it('refuses a body over maxBodyBytes with 413 naming the limit', async () => {
    const name = uniqueName('size');
    const padding = 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes);
    const envelope = { requests: [{ ...counterPost('a', name), body: { padding } }] };
    const problem = await refuseBatch(t, envelope, 413);
    expect(problem.limit).toEqual({ name: 'maxBodyBytes', value: DEFAULT_LIMITS.maxBodyBytes });
    expect(await counter(t, name)).toBe(0);
  });

  it('accepts a batch of 20 requests', async () => {
    const name = uniqueName('twenty');
    const requests = Array.from({ length: 20 }, (_, i) => counterPost(`r${i}`, name));
    const batch = await runBatch(t, { requests });
    expect(batch.responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await counter(t, name)).toBe(20);
  });

  it('lists every violation by JSON Pointer and runs none of the valid requests', async () => {
    const name = uniqueName('violations');
    const problem = await refuseBatch(
      t,
      {
        requests: [
          counterPost('ok', name),
          { id: 'ok', method: 'GET', url: '/_conformance/status/200' },
          { id: 'm', method: 'FETCH', url: '/_conformance/status/200' },
          { id: 'g', method: 'GET', url: '/_conformance/echo', body: { no: 'body on GET' } },
          { id: 'd', method: 'GET', url: '/_conformance/status/200', dependsOn: ['later'] },
          { id: 'later', method: 'GET', url: '/_conformance/status/200' },
          { id: 'bad id!', method: 'GET', url: '/_conformance/status/200' },
        ],
      },
      400,
    );
    expect(problem.type).toBe(PROBLEM_TYPES.invalidEnvelope);
    const pointers = (problem.errors ?? []).map((e) => e.pointer);
    for (const prefix of ['/requests/1', '/requests/2', '/requests/3', '/requests/4', '/requests/6']) {
      expect(
        pointers.some((p) => p.startsWith(prefix)),
        `${prefix} in ${pointers.join(', ')}`,
      ).toBe(true);
    }
    expect(await counter(t, name)).toBe(0);
  });

  it('refuses an empty request list and a missing one', async () => {
    expect((await refuseBatch(t, { requests: [] }, 400)).errors?.[0]?.pointer).toBe('/requests');
    await refuseBatch(t, { reqs: [] }, 400);
    await refuseBatch(t, [], 400);
  });

  it('ignores unknown members', async () => {
    const batch = await runBatch(t, {
      requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200', future: 1 }],
      options: { onError: 'continue', future: true },
      future: 'member',
    });
    expect(item(batch, 'a').status).toBe(200);
  });

  it('refuses atomicityGroup (capability not advertised) instead of ignoring it', async () => {
    const name = uniqueName('atomic');
    const problem = await refuseBatch(
      t,
      { requests: [{ ...counterPost('a', name), atomicityGroup: 'g1' }] },
      400,
    );
    expect(problem.errors?.some((e) => e.pointer === '/requests/0/atomicityGroup')).toBe(true);
    expect(await counter(t, name)).toBe(0);
  });

  it('treats "__proto__" keys as data: in the envelope, in bodies, and as ids', async () => {
    const text = `{"__proto__":{"requests":[]},"requests":[
      {"id":"__proto__","method":"POST","url":"/_conformance/items","body":{"__proto__":{"polluted":true},"n":1}},
      {"id":"constructor","method":"POST","url":"/_conformance/echo","body":{"copy":"\${__proto__#/body/__proto__}"}},
      {"id":"toString","method":"GET","url":"/_conformance/items/\${__proto__#/body/id}"}
    ]}`;
    const res = await postBatch(t, text);
    expect(res.status, res.text).toBe(200);
    const body = JSON.parse(res.text) as { responses: { id: string; status: number; body: unknown }[] };
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['__proto__', 201],
      ['constructor', 200],
      ['toString', 200],
    ]);
    const created = body.responses[0]!.body as Record<string, unknown>;
    expect(Object.hasOwn(created, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(created, '__proto__')?.value).toEqual({ polluted: true });
    const echoed = body.responses[1]!.body as { body: Record<string, unknown> };
    expect(JSON.stringify(echoed.body)).toBe('{"copy":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a batch in the protocol shape even when every item fails', async () => {
    const batch = await runBatch(t, { requests: [{ id: 'a', method: 'GET', url: '/nowhere' }] });
    expect(item(batch, 'a').status).toBe(404);
    expect(field(item(batch, 'a'), 'status')).toBe(404);
    expect(batch.summary).toEqual({ total: 1, succeeded: 0, failed: 1, skipped: 0 });
  });
});
