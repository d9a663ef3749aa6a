import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBLEM_TYPES } from '@batchwire/schema';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from './express.js';

interface Entry {
  readonly id: string;
  readonly status: number;
  readonly body?: { type?: string; limit?: { name: string; value: number } };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

const limits = { maxItemResponseBytes: 1000, maxResponseBytes: 3000 };

async function start(): Promise<string> {
  const app = express();
  app.use('/batch', batchwire({ limits }));
  app.get('/text/:n', (req, res) => {
    res.type('text/plain').send('x'.repeat(Number(req.params.n)));
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server?.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const envelope = {
  requests: [
    { id: 'huge', method: 'GET', url: '/text/50000' },
    { id: 'a', method: 'GET', url: '/text/900' },
    { id: 'b', method: 'GET', url: '/text/900' },
    { id: 'c', method: 'GET', url: '/text/900' },
  ],
};

async function post(
  origin: string,
  ndjson: boolean,
): Promise<{ text: string; entries: Entry[]; summary: unknown }> {
  const res = await fetch(`${origin}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ndjson ? { accept: 'application/x-ndjson' } : {}) },
    body: JSON.stringify(envelope),
  });
  const text = await res.text();
  if (!ndjson) {
    const body = JSON.parse(text) as { responses: Entry[]; summary: unknown };
    return { text, entries: body.responses, summary: body.summary };
  }
  const records = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Entry & { index: number; summary?: unknown });
  const summary = records.pop()?.summary;
  return { text, entries: records.sort((x, y) => x.index - y.index), summary };
}

const refusal = (name: string, value: number) => ({
  status: 502,
  body: expect.objectContaining({ type: PROBLEM_TYPES.responseTooLarge, limit: { name, value } }),
});

describe('batchwire() bounds the answer it builds', () => {
  it('advertises both limits', async () => {
    const origin = await start();
    const capabilities = (await (await fetch(`${origin}/batch`)).json()) as { limits: object };
    expect(capabilities.limits).toMatchObject(limits);
  });

  it('JSON: the item over maxItemResponseBytes and the entries past maxResponseBytes answer 502, in request order', async () => {
    const origin = await start();
    const { text, entries, summary } = await post(origin, false);
    expect(entries[0]).toMatchObject(refusal('maxItemResponseBytes', 1000));
    expect(entries.slice(1).map((e) => e.status)).toEqual([200, 200, 502]);
    expect(entries[3]).toMatchObject(refusal('maxResponseBytes', 3000));
    expect(summary).toEqual({ total: 4, succeeded: 2, failed: 2, skipped: 0 });
    expect(Buffer.byteLength(text)).toBeLessThan(3000 + 2 * 400);
  });

  it('NDJSON: the same limits, decided as lines are written', async () => {
    const origin = await start();
    const { entries, summary } = await post(origin, true);
    expect(entries[0]).toMatchObject(refusal('maxItemResponseBytes', 1000));
    expect(entries.slice(1).filter((e) => e.status === 200)).toHaveLength(2);
    expect(entries.slice(1).filter((e) => e.status === 502)).toHaveLength(1);
    expect(summary).toEqual({ total: 4, succeeded: 2, failed: 2, skipped: 0 });
  });

  it('replays a streamed answer with the refusals it streamed', async () => {
    const origin = await start();
    const key = { 'idempotency-key': `k-${Date.now()}` };
    const first = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson', ...key },
      body: JSON.stringify(envelope),
    });
    const streamed = (await first.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Entry & { index?: number })
      .filter((record) => record.index !== undefined)
      .sort((x, y) => (x.index ?? 0) - (y.index ?? 0))
      .map((record) => record.status);
    const again = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...key },
      body: JSON.stringify(envelope),
    });
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    const replayed = ((await again.json()) as { responses: Entry[] }).responses.map((r) => r.status);
    expect(replayed).toEqual(streamed);
  });

  it('refuses at startup a maxResponseBytes below maxItemResponseBytes', () => {
    expect(() => batchwire({ limits: { maxItemResponseBytes: 2000, maxResponseBytes: 1000 } })).toThrow(
      TypeError,
    );
  });
});
