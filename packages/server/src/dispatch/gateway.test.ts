import { PROBLEM_TYPES } from '@batchwire/schema';
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from '../adapters/express.js';
import type { BatchwireOptions } from '../core/options.js';
import { fixtureApp, type Listening, listen } from '../test-support/apps.js';
import { type BatchItem, postBatch } from '../test-support/post-batch.js';
import { parseUpstream } from './gateway.js';

const servers: Listening[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function gatewayTo(upstream: string, options: BatchwireOptions = {}) {
  const app = express();
  app.use('/batch', batchwire({ ...options, upstream }));
  const gateway = await listen(app);
  servers.push(gateway);
  return gateway.origin;
}

async function upstreamApp() {
  const fixture = fixtureApp();
  const upstream = await listen(fixture.app);
  servers.push(upstream);
  return { origin: upstream.origin, observed: fixture.observed };
}

describe('gateway dispatch', () => {
  it('forwards method, path, query, inherited and inner headers and body to the upstream origin', async () => {
    const upstream = await upstreamApp();
    const gateway = await gatewayTo(upstream.origin);
    const { item } = await postBatch(
      gateway,
      [{ id: 'e', method: 'PATCH', url: '/echo/a?b=1', headers: { 'X-Inner': 'yes' }, body: { n: [1] } }],
      { Authorization: 'Bearer gw', 'X-Not-Inherited': 'no' },
    );
    const echoed = item('e').body as {
      method: string;
      path: string;
      headers: Record<string, string>;
      body: unknown;
    };
    expect(echoed).toMatchObject({ method: 'PATCH', path: '/echo/a?b=1', body: { n: [1] } });
    expect(echoed.headers).toMatchObject({
      host: new URL(upstream.origin).host,
      authorization: 'Bearer gw',
      'x-inner': 'yes',
      'batchwire-inner-request': '1',
    });
    expect(echoed.headers['x-not-inherited']).toBeUndefined();
    expect(item('e').headers['Content-Type']).toBe('application/json; charset=utf-8');
  });

  it('embeds JSON, text and bytes, and returns redirects without following them', async () => {
    const upstream = await upstreamApp();
    const gateway = await gatewayTo(upstream.origin);
    const { item } = await postBatch(gateway, [
      { id: 'json', method: 'GET', url: '/items/2' },
      { id: 'text', method: 'GET', url: '/text' },
      { id: 'bytes', method: 'GET', url: '/bytes' },
      { id: 'redirect', method: 'GET', url: '/redirect' },
      { id: 'ref', method: 'GET', url: '/items/${json#/body/id}' },
    ]);
    expect(item('json').body).toEqual({ id: 2, created: '1970-01-01T00:00:00.000Z', custom: 'custom' });
    expect(item('text').body).toBe('hello text');
    expect(item('bytes')).toMatchObject({ body: 'AAEC/w==', bodyEncoding: 'base64' });
    expect(item('redirect').status).toBe(302);
    expect(item('redirect').headers.Location).toBe('/items/1');
    expect(item('ref').body).toMatchObject({ id: 2 });
    expect(upstream.observed.started).not.toContain('GET /items/1');
  });

  it('maps an unreachable upstream to 502 and a silent one to 504, per item', async () => {
    const closed = await listen(express());
    const deadOrigin = closed.origin;
    await closed.close();
    const dead = await gatewayTo(deadOrigin);
    const { item } = await postBatch(dead, [{ id: 'a', method: 'GET', url: '/items/1' }]);
    expect(item('a')).toMatchObject({ status: 502, body: { type: PROBLEM_TYPES.badGateway } });

    const upstream = await upstreamApp();
    const slow = await gatewayTo(upstream.origin, { limits: { requestTimeoutMs: 150 } });
    const { item: items } = await postBatch(slow, [
      { id: 'hang', method: 'GET', url: '/hang' },
      { id: 'destroy', method: 'GET', url: '/destroy' },
      { id: 'ok', method: 'GET', url: '/items/1' },
    ]);
    expect(items('hang').status).toBe(504);
    expect(items('destroy').status).toBe(502);
    expect(items('ok').status).toBe(200);
  });

  it('resolves urls under the upstream base path, and refuses up front a url naming its own endpoint', async () => {
    const fixture = fixtureApp();
    const host = express();
    host.use('/api', fixture.app);
    const upstream = await listen(host);
    servers.push(upstream);
    const gateway = await gatewayTo(`${upstream.origin}/api/`);
    const { item } = await postBatch(gateway, [{ id: 'a', method: 'GET', url: '/items/9' }]);
    expect(item('a').body).toMatchObject({ id: 9 });
    const nested = await request(gateway)
      .post('/batch')
      .send({
        requests: [
          { id: 'a', method: 'POST', url: '/counters/gw' },
          { id: 'nested', method: 'POST', url: '/batch', body: { requests: [] } },
        ],
      })
      .expect(400);
    expect(nested.body).toMatchObject({
      type: PROBLEM_TYPES.invalidEnvelope,
      errors: [{ pointer: '/requests/1/url', rule: 'url.recursion' }],
    });
    expect(fixture.observed.counters.get('gw')).toBeUndefined();
  });

  it('refuses an upstream that is not an http(s) origin', () => {
    expect(() => parseUpstream('ftp://example.test')).toThrow(TypeError);
    expect(() => parseUpstream('http://u:p@example.test')).toThrow(TypeError);
    expect(parseUpstream('http://127.0.0.1:8080/api/')).toEqual({
      origin: 'http://127.0.0.1:8080',
      basePath: '/api',
    });
  });
});

describe('no inner request reaches another origin', () => {
  it('never contacts a canary server, in-process or through the gateway, whatever the envelope says', async () => {
    let canaryHits = 0;
    const canaryApp = express();
    canaryApp.use((_req, res) => {
      canaryHits++;
      res.json({ secret: 'from-canary' });
    });
    const canary = await listen(canaryApp);
    servers.push(canary);
    const canaryHost = new URL(canary.origin).host;
    const upstream = await upstreamApp();
    const inProcess = fixtureApp();
    const local = await listen(inProcess.app);
    servers.push(local);
    const gateway = await gatewayTo(upstream.origin);

    const attempts: unknown[][] = [
      [{ id: 'abs', method: 'GET', url: `${canary.origin}/secret` }],
      [{ id: 'net', method: 'GET', url: `//${canaryHost}/secret` }],
      [{ id: 'enc', method: 'GET', url: `/%2F%2F${canaryHost}/secret` }],
      [{ id: 'bs', method: 'GET', url: `/\\\\${canaryHost}/secret` }],
      [
        { id: 'src', method: 'GET', url: `/echo?u=${encodeURIComponent(`//${canaryHost}/secret`)}` },
        { id: 'ref', method: 'GET', url: '${src#/body/query/u}' },
        { id: 'ref2', method: 'GET', url: '/${src#/body/query/u}' },
      ],
    ];
    for (const origin of [local.origin, gateway]) {
      for (const requests of attempts) {
        const res = await request(origin).post('/batch').set('Host', canaryHost).send({ requests });
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) {
          for (const item of res.body.responses as BatchItem[])
            expect(JSON.stringify(item.body ?? '')).not.toContain('from-canary');
        }
      }
      // A relative url with the outer Host pointing at the canary stays on the configured origin.
      const { item } = await postBatch(origin, [{ id: 'rel', method: 'GET', url: '/secret' }], {
        Host: canaryHost,
      });
      expect(item('rel').status).toBe(404);
    }
    expect(canaryHits).toBe(0);
  });
});
