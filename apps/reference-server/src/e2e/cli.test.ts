import { existsSync, readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createReferenceApp } from '../app.js';
import { startCanary } from '../test-support/canary.js';
import { type Listening, listen } from '../test-support/listen.js';
import {
  CLI_PATH,
  killIfRunning,
  listeningUrl,
  type SpawnedCli,
  spawnCli,
  within,
} from '../test-support/spawn-cli.js';

const spawned: SpawnedCli[] = [];
const cli = (args: string[]) => {
  const child = spawnCli(args);
  spawned.push(child);
  return child;
};
afterEach(() => {
  for (const child of spawned.splice(0)) killIfRunning(child);
});

interface Answer {
  responses: { id: string; status: number; body: { start?: number; end?: number } }[];
}

async function post(url: string, envelope: unknown): Promise<{ status: number; body: Answer }> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
    headersTimeout: 15_000,
    bodyTimeout: 15_000,
  });
  return { status: res.statusCode, body: (await res.body.json()) as Answer };
}

describe('batchwire-server CLI (node dist/cli.js)', () => {
  it('is built, with a shebang line', () => {
    expect(existsSync(CLI_PATH), 'run the build first').toBe(true);
    expect(readFileSync(CLI_PATH, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints its URL, runs 10 x delay/200 concurrently with a throw among them, and exits 0 on SIGTERM', async () => {
    const server = cli(['--port', '0', '--log-level', 'silent']);
    const { origin, batch } = await listeningUrl(server);
    expect(batch).toBe(`${origin}/batch`);
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stdout().trim().split('\n')).toHaveLength(1);
    const requests = [
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `d${i}`,
        method: 'GET',
        url: '/_conformance/delay/200',
      })),
      { id: 'boom', method: 'GET', url: '/_conformance/throw' },
    ];
    const res = await post(batch, { requests });
    expect(res.status).toBe(200);
    const delays = res.body.responses.filter((r) => r.id !== 'boom');
    expect(delays.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(res.body.responses.find((r) => r.id === 'boom')?.status).toBe(500);
    const starts = delays.map((r) => r.body.start ?? Number.NaN);
    const ends = delays.map((r) => r.body.end ?? Number.NaN);
    expect(Math.max(...starts)).toBeLessThan(Math.min(...ends));
    server.child.kill('SIGTERM');
    expect(await within(server.exited, 15_000, 'exit after SIGTERM')).toBe(0);
  });

  it('lets a running batch finish on SIGINT, then exits 0', async () => {
    const server = cli(['--port', '0', '--log-level', 'silent']);
    const { batch } = await listeningUrl(server);
    const pending = post(batch, {
      requests: [{ id: 'slow', method: 'GET', url: '/_conformance/delay/700' }],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGINT');
    const res = await pending;
    expect(res.body.responses[0]?.status).toBe(200);
    expect(await within(server.exited, 15_000, 'exit after SIGINT')).toBe(0);
  });

  it('gateway mode (--upstream) forwards to the upstream only', async () => {
    const canary = await startCanary();
    const upstream: Listening = await listen(createReferenceApp());
    try {
      const server = cli(['--port', '0', '--upstream', upstream.url, '--log-level', 'silent']);
      const { batch } = await listeningUrl(server);
      const res = await post(batch, {
        requests: [
          { id: 'inc', method: 'POST', url: '/_conformance/counters/gw' },
          { id: 'blog', method: 'GET', url: '/blogs/entries/1' },
        ],
      });
      expect(res.body.responses.map((r) => r.status)).toEqual([200, 200]);
      const direct = await request(`${upstream.url}/_conformance/counters/gw`, { headersTimeout: 5000 });
      expect(await direct.body.json()).toEqual({ name: 'gw', value: 1 });
      const ssrf = await request(batch, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [{ id: 'x', method: 'GET', url: `${canary.origin}/secret` }] }),
        headersTimeout: 15_000,
      });
      expect(ssrf.statusCode).toBe(400);
      await ssrf.body.dump();
      expect(canary.contacts()).toBe(0);
      server.child.kill('SIGTERM');
      expect(await within(server.exited, 15_000, 'exit')).toBe(0);
    } finally {
      await Promise.all([upstream.close(), canary.close()]);
    }
  });

  it('--no-fixtures serves the demo API without the fixtures; --max-requests is advertised', async () => {
    const server = cli(['--port', '0', '--no-fixtures', '--max-requests', '25', '--log-level', 'silent']);
    const { origin, batch } = await listeningUrl(server);
    const res = await post(batch, {
      requests: [
        { id: 'fx', method: 'GET', url: '/_conformance/status/200' },
        { id: 'demo', method: 'GET', url: '/blogs/entries?groupId=1' },
      ],
    });
    expect(res.body.responses.map((r) => r.status)).toEqual([404, 200]);
    const caps = await request(`${origin}/batch`, { headersTimeout: 5000 });
    expect(((await caps.body.json()) as { limits: { maxRequests: number } }).limits.maxRequests).toBe(25);
    server.child.kill('SIGTERM');
    expect(await within(server.exited, 15_000, 'exit')).toBe(0);
  });

  it.each([
    [['--port', 'abc']],
    [['--max-requests', '5']],
    [['--upstream', 'file:///etc/passwd']],
    [['--unknown-flag']],
  ])('refuses invalid flags %j with a message and exit code 2', async (args) => {
    const server = cli(args);
    expect(await within(server.exited, 10_000, 'exit')).toBe(2);
    expect(server.stderr()).toMatch(/error/i);
    expect(server.stdout()).toBe('');
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const taken = await listen((_req, res) => res.end());
    try {
      const server = cli(['--port', String(taken.port), '--log-level', 'silent']);
      expect(await within(server.exited, 10_000, 'exit')).toBe(1);
      expect(server.stderr()).toContain('already in use');
    } finally {
      await taken.close();
    }
  });
});
