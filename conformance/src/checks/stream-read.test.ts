import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeContext } from '../run/exchange.js';
import { fetchTransport } from '../run/transport.js';
import { readStream } from './stream-read.js';

// A streamed answer in two parts 150 ms apart, the second without a final line feed.
let server: Server;
let batchUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.write('{"id":"a","index":0}\n');
    setTimeout(() => res.end('{"id":"b","index":1}\n{"summary":{}}'), 150);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  batchUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batch`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const context = (extra: Partial<ExchangeContext> = {}): ExchangeContext => ({
  batchUrl,
  transport: fetchTransport(fetch),
  timeoutMs: 5000,
  extraHeaders: {},
  ...extra,
});

describe('readStream', () => {
  for (const [name, extra] of [
    ['over undici', {}],
    ['through an injected fetch', { fetch }],
  ] as const) {
    it(`reads each line as it arrives ${name}`, async () => {
      const read = await readStream(context(extra), { envelope: { requests: [] } });
      if (!read.ok) throw new Error(read.error);
      expect(read.status).toBe(200);
      expect(read.arrivals.map((a) => a.text)).toEqual([
        '{"id":"a","index":0}',
        '{"id":"b","index":1}',
        '{"summary":{}}',
      ]);
      expect(read.arrivals[1]!.at - read.arrivals[0]!.at).toBeGreaterThanOrEqual(100);
    });
  }

  it('waits as pauseBefore says before reading a chunk', async () => {
    const asked: number[] = [];
    const read = await readStream(context(), {
      envelope: { requests: [] },
      pauseBefore: (n) => {
        asked.push(n);
        return n === 1 ? 300 : 0;
      },
    });
    if (!read.ok) throw new Error(read.error);
    expect(asked.slice(0, 2)).toEqual([0, 1]);
    expect(read.arrivals[1]!.at - read.arrivals[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it('reports no response as a value, with the error in the evidence', async () => {
    const read = await readStream(context({ batchUrl: 'http://127.0.0.1:1/batch' }), { envelope: {} });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.evidence.error).toBeTypeOf('string');
  });
});
