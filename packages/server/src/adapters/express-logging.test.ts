import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchLogger } from '../core/logger.js';
import { batchwire } from './express.js';

interface Line {
  readonly level: keyof BatchLogger;
  readonly obj: Record<string, unknown>;
  readonly msg: string;
}

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

/** A logger that keeps what it is told (pino's call shape). */
function recorder(): { logger: BatchLogger; lines: Line[] } {
  const lines: Line[] = [];
  const keep = (level: keyof BatchLogger) => (obj: object, msg: string) => {
    lines.push({ level, obj: obj as Record<string, unknown>, msg });
  };
  return { lines, logger: { info: keep('info'), warn: keep('warn'), error: keep('error') } };
}

async function start(logger?: BatchLogger): Promise<string> {
  const app = express();
  app.use('/batch', batchwire(logger === undefined ? {} : { logger }));
  app.get('/boom', () => {
    throw new Error('kaboom');
  });
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server?.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(origin: string, envelope: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${origin}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(envelope),
  });
  return { status: res.status, body: (await res.json()) as { responses?: { status: number }[] } };
}

const throwing = {
  requests: [
    { id: 'fine', method: 'GET', url: '/ok' },
    { id: 'crash', method: 'GET', url: '/boom' },
  ],
};

describe('batchwire() makes failures visible', () => {
  it('logs an inner throw once at error level with the batch and item ids', async () => {
    const { logger, lines } = recorder();
    const origin = await start(logger);
    const { body } = await post(origin, throwing, { 'x-request-id': 'req-42' });
    expect(body.responses?.map((r) => r.status)).toEqual([200, 500]);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: 'inner handler error',
      obj: { batchId: 'req-42', id: 'crash', url: '/boom' },
    });
    expect((errors[0]?.obj.err as Error | undefined)?.message).toBe('kaboom');
  });

  it('logs it on the console when no logger is configured, as the route alone would', async () => {
    const printed: unknown[][] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args);
    });
    const origin = await start();
    await post(origin, throwing);
    expect(printed).toHaveLength(1);
    expect(printed[0]?.[0]).toBe('inner handler error');
    expect(printed[0]?.[1]).toMatchObject({ id: 'crash', batchId: expect.any(String) });
  });

  it('logs a rejected batch at info with its rule codes', async () => {
    const { logger, lines } = recorder();
    const origin = await start(logger);
    const { status } = await post(origin, {
      requests: [
        { id: 'a', method: 'GET', url: '/ok' },
        { id: 'a', method: 'GET', url: 'http://elsewhere.test/' },
      ],
    });
    expect(status).toBe(400);
    const rejected = lines.filter((l) => l.msg === 'batch rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.level).toBe('info');
    expect(rejected[0]?.obj).toMatchObject({
      status: 400,
      rules: expect.arrayContaining(['id.duplicate', 'url.form']),
    });
  });

  it('logs a batch over maxRequests at info naming the limit', async () => {
    const { logger, lines } = recorder();
    const origin = await start(logger);
    const requests = Array.from({ length: 101 }, (_, i) => ({ id: `r${i}`, method: 'GET', url: '/ok' }));
    expect((await post(origin, { requests })).status).toBe(413);
    expect(lines.find((l) => l.msg === 'batch rejected')?.obj).toMatchObject({
      status: 413,
      limit: { name: 'maxRequests', value: 100 },
    });
  });
});
