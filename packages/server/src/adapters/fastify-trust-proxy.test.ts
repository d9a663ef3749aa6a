import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from './fastify.js';

interface Seen {
  readonly ip: string;
  readonly protocol: string;
  readonly forwarded: string | null;
}

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const PROXY_HEADERS = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };

async function start(trustProxy: boolean): Promise<string> {
  const app = Fastify({ trustProxy });
  apps.push(app);
  await app.register(batchwire, { prefix: '/batch' });
  app.get('/whoami', async (request) => ({
    ip: request.ip,
    protocol: request.protocol,
    forwarded: request.headers['x-forwarded-for'] ?? null,
  }));
  return app.listen({ port: 0, host: '127.0.0.1' });
}

async function inBatch(origin: string): Promise<Seen | undefined> {
  const res = await fetch(`${origin}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...PROXY_HEADERS },
    body: JSON.stringify({ requests: [{ id: 'me', method: 'GET', url: '/whoami' }] }),
  });
  return ((await res.json()) as { responses: { body: Seen }[] }).responses[0]?.body;
}

describe('Fastify: inner requests see the client as trustProxy resolves it for the outer request', () => {
  it('with trustProxy: the forwarded address and https, as the same request alone; the header stays outside', async () => {
    const origin = await start(true);
    const alone = (await (await fetch(`${origin}/whoami`, { headers: PROXY_HEADERS })).json()) as Seen;
    expect(alone).toMatchObject({ ip: '203.0.113.7', protocol: 'https' });
    expect(await inBatch(origin)).toEqual({ ip: alone.ip, protocol: alone.protocol, forwarded: null });
  });

  it('without trustProxy: the socket address and http', async () => {
    expect(await inBatch(await start(false))).toEqual({ ip: '127.0.0.1', protocol: 'http', forwarded: null });
  });
});
