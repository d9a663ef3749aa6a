import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest, type ExchangeContext } from './exchange.js';
import { isHarnessError } from './harness-error.js';
import { fetchTransport, type Transport, undiciTransport } from './transport.js';

/** What the server received: the framing headers and the body bytes. */
interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

let url = '';
const received: Received[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks) });
    res.end('{}');
  });
});
const undici = undiciTransport();

beforeAll(
  () =>
    new Promise<void>((done) =>
      server.listen(0, '127.0.0.1', () => {
        url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/batch`;
        done();
      }),
    ),
);
afterAll(async () => {
  await undici.close();
  await new Promise((done) => server.close(done));
});

const context = (transport: Transport = undici.transport): ExchangeContext => ({
  batchUrl: url,
  transport,
  timeoutMs: 5000,
  extraHeaders: {},
});
const vars = new Map<string, unknown>([
  ['limits.maxBodyBytes', 64],
  ['fixtures', '/_c'],
]);

describe('buildRequest', () => {
  it('pads a body with trailing spaces to exactly padTo bytes, plus', () => {
    const built = buildRequest(
      { body: { requests: [] }, padTo: { bytes: '{{limits.maxBodyBytes}}', plus: 1 } },
      vars,
      context(),
    );
    const bytes = built.body as Uint8Array;
    expect(bytes.byteLength).toBe(65);
    const text = new TextDecoder().decode(bytes);
    expect(JSON.parse(text)).toEqual({ requests: [] });
    expect(text.endsWith(' '.repeat(65 - '{"requests":[]}'.length))).toBe(true);
  });

  it('refuses to pad a body that is already longer than padTo', () => {
    let error: unknown;
    try {
      buildRequest({ raw: 'x'.repeat(10), padTo: { bytes: 5 } }, vars, context());
    } catch (caught) {
      error = caught;
    }
    expect(isHarnessError(error)).toBe(true);
  });

  it('sends a latin1 raw body one byte per character, so it can hold bytes that are not UTF-8', () => {
    const built = buildRequest({ raw: '{"u":"\u00ff{{fixtures}}"}', rawEncoding: 'latin1' }, vars, context());
    expect([...(built.body as Uint8Array)]).toEqual([...Buffer.from('{"u":"\xff/_c"}', 'latin1')]);
  });

  it('marks a chunked body, and only a request that has one', () => {
    expect(buildRequest({ raw: '{}', chunked: true }, vars, context()).chunked).toBe(true);
    expect(buildRequest({ method: 'GET', chunked: true }, vars, context()).chunked).toBeUndefined();
  });
});

describe('sending a chunked body', () => {
  const transports: [string, () => Transport][] = [
    ['undici', () => undici.transport],
    ['fetch', () => fetchTransport(fetch)],
  ];
  for (const [name, transport] of transports) {
    it(`${name}: goes without Content-Length, every byte arrives`, async () => {
      const built = buildRequest(
        { raw: '{"a":"\u00e9"}', rawEncoding: 'latin1', padTo: { bytes: 200_000 }, chunked: true },
        vars,
        context(transport()),
      );
      received.length = 0;
      await transport()({ ...built, method: 'POST', url }, 5000);
      const [got] = received;
      expect(got?.headers['content-length']).toBeUndefined();
      expect(got?.headers['transfer-encoding']).toBe('chunked');
      expect(got?.body.byteLength).toBe(200_000);
      expect(got?.body.subarray(0, 9)).toEqual(Buffer.from('{"a":"\xe9"}', 'latin1'));
    });

    it(`${name}: a fixed body declares its length`, async () => {
      received.length = 0;
      await transport()({ method: 'POST', url, headers: {}, body: 'abc' }, 5000);
      expect(received[0]?.headers['content-length']).toBe('3');
    });
  }
});
