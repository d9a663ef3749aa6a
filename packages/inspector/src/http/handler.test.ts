import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspector } from '../inspector.js';

const ui = mkdtempSync(join(tmpdir(), 'inspector-ui-'));
mkdirSync(join(ui, 'assets'));
writeFileSync(join(ui, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(ui, 'assets', 'app-1.js'), 'console.log(1)');

const dev = inspector({ basePath: '/_batchwire', uiDir: pathToFileURL(`${ui}/`), batchPath: '/v1.0/$batch' });
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer(dev);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function startBatch(batchId: string) {
  dev.observer.onBatchStart({
    batchId,
    receivedAt: Date.now(),
    headers: { authorization: 'Bearer secret-token' },
    envelope: { requests: [{ id: 'a', method: 'GET', url: '/a' }] },
    streaming: false,
    replayed: false,
    maxConcurrency: 4,
  });
}

describe('inspector handler over real sockets', () => {
  it('redirects the bare mount path to its trailing-slash form and serves the UI with a CSP', async () => {
    const bare = await fetch(`${origin}/_batchwire`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/_batchwire/');
    const page = await fetch(`${origin}/_batchwire/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>t</title>');
    const asset = await fetch(`${origin}/_batchwire/assets/app-1.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers problem+json for unknown, unsafe and non-GET requests', async () => {
    const traversal = await fetch(`${origin}/_batchwire/assets/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    expect(traversal.headers.get('content-type')).toBe('application/problem+json');
    const post = await fetch(`${origin}/_batchwire/api/batches`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const missing = await fetch(`${origin}/_batchwire/api/batches/nope`);
    expect(missing.status).toBe(404);
  });

  it('serves the OpenAPI document for the configured batch path', async () => {
    const response = await fetch(`${origin}/_batchwire/openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/v1.0/$batch']);
  });

  it('lists batches newest first with credentials masked, and streams changes as SSE', async () => {
    const controller = new AbortController();
    const events = await fetch(`${origin}/_batchwire/api/events`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body?.getReader();
    if (reader === undefined) throw new Error('no SSE body');
    startBatch('sse-1');
    let text = '';
    const decoder = new TextDecoder();
    const deadline = Date.now() + 5_000;
    while (!text.includes('event: batch') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain('event: batch');
    expect(text).toContain('"batchId":"sse-1"');
    const list = (await (await fetch(`${origin}/_batchwire/api/batches`)).json()) as { batchId: string }[];
    expect(list[0]?.batchId).toBe('sse-1');
    const batch = await (await fetch(`${origin}/_batchwire/api/batches/sse-1`)).text();
    expect(batch).toContain('Bearer ***');
    expect(batch).not.toContain('secret-token');
  });

  it('close() ends open event streams and refuses new ones, so a graceful shutdown is not held up', async () => {
    const events = await fetch(`${origin}/_batchwire/api/events`);
    const reader = events.body?.getReader();
    if (reader === undefined) throw new Error('no SSE body');
    await reader.read();
    dev.close();
    let done = false;
    const deadline = Date.now() + 5_000;
    while (!done && Date.now() < deadline) done = (await reader.read()).done;
    expect(done).toBe(true);
    const again = await fetch(`${origin}/_batchwire/api/events`);
    expect(again.status).toBe(503);
    expect(again.headers.get('retry-after')).toBe('1');
  });
});
