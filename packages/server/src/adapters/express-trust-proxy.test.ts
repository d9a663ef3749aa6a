import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express5 from 'express';
import express4 from 'express-4';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from './express.js';

type Framework = typeof express5 | typeof express4;
interface Seen {
  readonly ip: string;
  readonly protocol: string;
  readonly secure: boolean;
  readonly forwarded: string | null;
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

async function start(express: Framework, trustProxy: unknown): Promise<string> {
  const app = (express as typeof express5)();
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  app.use('/batch', batchwire());
  app.get('/whoami', (req: express5.Request, res: express5.Response) => {
    res.json({
      ip: req.ip ?? '',
      protocol: req.protocol,
      secure: req.secure,
      forwarded: req.get('x-forwarded-for') ?? null,
    } satisfies Seen);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server?.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const PROXY_HEADERS = { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' };

async function alone(origin: string): Promise<Seen> {
  const res = await fetch(`${origin}/whoami`, { headers: PROXY_HEADERS });
  return (await res.json()) as Seen;
}

async function inBatch(origin: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${origin}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...PROXY_HEADERS },
    body: JSON.stringify({ requests: [{ id: 'me', method: 'GET', url: '/whoami', headers: extra }] }),
  });
  return { status: res.status, body: (await res.json()) as { responses?: { body: Seen }[] } };
}

describe.each([
  ['Express 5', express5 as Framework],
  ['Express 4', express4 as Framework],
])('%s: inner requests see the client as the app resolves it for the outer request', (_name, express) => {
  it('behind a trusted proxy: the forwarded client address and https, as the same request alone', async () => {
    const origin = await start(express, 'loopback');
    const expected = await alone(origin);
    expect(expected).toMatchObject({ ip: '203.0.113.7', protocol: 'https', secure: true });
    const { body } = await inBatch(origin);
    // The forwarded header itself stays server-side: the inner request never carries it.
    expect(body.responses?.[0]?.body).toEqual({ ...expected, forwarded: null });
  });

  it('without trust proxy: the socket address and http, the forwarded headers ignored', async () => {
    const origin = await start(express, undefined);
    const { body } = await inBatch(origin);
    expect(body.responses?.[0]?.body).toEqual({
      ip: '127.0.0.1',
      protocol: 'http',
      secure: false,
      forwarded: null,
    });
  });

  it('still refuses an item that sets X-Forwarded-For itself', async () => {
    const origin = await start(express, 'loopback');
    const { status } = await inBatch(origin, { 'X-Forwarded-For': '198.51.100.1' });
    expect(status).toBe(400);
  });
});
