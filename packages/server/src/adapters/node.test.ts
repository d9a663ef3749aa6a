import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../test-support/engine.js';
import { batchwireNode, type NodeGatewayHandler } from './node.js';

const servers: Server[] = [];
const gateways: NodeGatewayHandler[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An upstream that is not JavaScript-aware in any way: plain HTTP, counting what it answered. */
function upstream(bodyBytes = 0) {
  const seen: string[] = [];
  const listener: RequestListener = (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const body = JSON.stringify({
      url: req.url,
      auth: req.headers.authorization ?? null,
      pad: 'x'.repeat(bodyBytes),
    });
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body);
  };
  return { seen, listener };
}

async function gatewayFor(up: string, options: Partial<Parameters<typeof batchwireNode>[0]> = {}) {
  const gateway = batchwireNode({ upstream: up, ...options });
  gateways.push(gateway);
  return serve(gateway);
}

describe('batchwireNode: a plain node:http gateway', () => {
  it('forwards each inner request to the upstream and answers what it answered alone', async () => {
    const api = upstream();
    const up = await serve(api.listener);
    const origin = await gatewayFor(up);
    const res = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({
        requests: [
          { id: 'a', method: 'GET', url: '/items/1?x=1' },
          { id: 'b', method: 'GET', url: '/missing' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const batch = (await res.json()) as { responses: { id: string; status: number; body: unknown }[] };
    const alone = await (await fetch(`${up}/items/1?x=1`, { headers: { authorization: 'Bearer t' } })).json();
    expect(batch.responses[0]).toMatchObject({ id: 'a', status: 200, body: alone });
    expect(batch.responses[1]).toMatchObject({ id: 'b', status: 404 });
    expect((await fetch(`${origin}/batch`)).status).toBe(200);
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
    expect(api.seen).toEqual(['GET /items/1?x=1', 'GET /missing', 'GET /items/1?x=1']);
  });

  it('holds the engine back while a streamed answer is not read (backpressure through the socket)', async () => {
    const api = upstream(8_000);
    const up = await serve(api.listener);
    const origin = await gatewayFor(up, {
      limits: { maxRequests: 3_000, maxConcurrency: 8, maxResponseBytes: 64 * 1_048_576 },
    });
    const total = 3_000;
    const requests = Array.from({ length: total }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `/items/${i}`,
    }));
    const res = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ requests }),
    });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const reader = res.body!.getReader();
    await reader.read();
    // Nobody reads: the socket buffers fill, the adapter waits for drain, the engine stops starting.
    let whilePaused = -1;
    for (let polls = 0; polls < 40 && api.seen.length !== whilePaused; polls++) {
      whilePaused = api.seen.length;
      await sleep(250);
    }
    expect(api.seen.length).toBe(whilePaused);
    expect(whilePaused).toBeLessThan(total / 2);
    let text = '';
    const decoder = new TextDecoder();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += decoder.decode(chunk.value);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      JSON.stringify({ summary: { total, succeeded: total, failed: 0, skipped: 0 } }),
    );
    expect(api.seen).toHaveLength(total);
  });

  it('stops starting inner requests when the client of a streamed answer goes away', async () => {
    const api = upstream(8_000);
    const up = await serve(api.listener);
    const origin = await gatewayFor(up, {
      limits: { maxRequests: 3_000, maxConcurrency: 8, maxResponseBytes: 64 * 1_048_576 },
    });
    const requests = Array.from({ length: 3_000 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET',
      url: `/items/${i}`,
    }));
    const controller = new AbortController();
    const res = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ requests }),
      signal: controller.signal,
    });
    await res.body!.getReader().read();
    controller.abort();
    // Requests started before the gateway saw the disconnect (up to maxConcurrency) may reach the
    // upstream later on a loaded machine: wait (bounded) until the count settles; then it must not move.
    let afterAbort = -1;
    for (let polls = 0; polls < 40 && api.seen.length !== afterAbort; polls++) {
      afterAbort = api.seen.length;
      await sleep(250);
    }
    await sleep(500);
    expect(api.seen.length).toBe(afterAbort);
    expect(afterAbort).toBeLessThan(3_000);
  });

  it('forwards through a caller-supplied undici Dispatcher, which close() leaves open', async () => {
    const api = upstream();
    const up = await serve(api.listener);
    const agent = new Agent({ connections: 2 });
    const gateway = batchwireNode({ upstream: up, dispatcher: agent });
    const origin = await serve(gateway);
    const res = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/items/2' }] }),
    });
    expect(((await res.json()) as { responses: { status: number }[] }).responses[0]?.status).toBe(200);
    await gateway.close();
    await gateway.close();
    expect(agent.closed).toBe(false);
    await agent.close();
    expect(() => batchwireNode({ upstream: 'ftp://127.0.0.1' })).toThrow(TypeError);
  });
});
