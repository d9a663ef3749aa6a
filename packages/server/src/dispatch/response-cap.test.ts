import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import { PROBLEM_TYPES } from '@batchwire/schema';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchContext, DispatchRequest, InnerResult } from '../engine/types.js';
import { sleep } from '../test-support/engine.js';
import { gatewayDispatch } from './gateway.js';
import { type HandlerApp, inProcessDispatch } from './in-process/dispatch.js';

const LIMIT = 1000;

function get(url: string, method = 'GET'): DispatchRequest {
  const headers: Record<string, string> = Object.create(null);
  return { index: 0, id: 'a', method, url, headers, body: { kind: 'none' } };
}

const context: DispatchContext = {
  get signal() {
    return new AbortController().signal;
  },
  onCancel() {},
};

function expectTooLarge(result: InnerResult): void {
  expect(result.status).toBe(502);
  expect(result.headers['Content-Type']).toBe('application/problem+json');
  expect(result.body).toMatchObject({
    kind: 'json',
    value: {
      type: PROBLEM_TYPES.responseTooLarge,
      status: 502,
      limit: { name: 'maxItemResponseBytes', value: LIMIT },
    },
  });
}

/** Waits (bounded) until `done()` holds. */
async function until(done: () => boolean, ms = 2000): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += 10) await sleep(10);
}

describe('in-process capture stops at maxItemResponseBytes', () => {
  const seen: {
    closed: boolean;
    writesAfterClose: number;
    lastWrite: boolean;
    source?: Readable;
    chunksRead?: () => number;
  } = { closed: false, writesAfterClose: 0, lastWrite: true };
  const app = express();
  app.get('/text/:n', (req, res) => {
    res.type('text/plain').send('x'.repeat(Number(req.params.n)));
  });
  app.get('/json/:n', (req, res) => {
    res.json({ data: 'é'.repeat(Number(req.params.n)) });
  });
  app.get('/declared', (_req, res) => {
    res.setHeader('Content-Length', String(LIMIT * 20));
    res.write('a');
  });
  app.get('/download', (_req, res) => {
    // An endless file download through stream.pipeline, as a static-file route would send it.
    let sent = 0;
    const source = new Readable({
      read() {
        sent += 1;
        this.push(Buffer.alloc(256, 3));
      },
    });
    seen.source = source;
    seen.chunksRead = () => sent;
    res.type('application/octet-stream');
    pipeline(source, res, () => undefined);
  });
  app.get('/stream', (_req, res) => {
    seen.closed = false;
    seen.writesAfterClose = 0;
    res.on('close', () => {
      seen.closed = true;
    });
    res.type('application/octet-stream');
    const timer = setInterval(() => {
      if (seen.closed) seen.writesAfterClose += 1;
      seen.lastWrite = res.write(Buffer.alloc(300, 1));
      if (seen.writesAfterClose >= 3) {
        clearInterval(timer);
        res.end();
      }
    }, 1);
  });
  const dispatch = inProcessDispatch({
    app: app as unknown as HandlerApp,
    servicePath: '',
    connection: { encrypted: false },
    maxItemResponseBytes: LIMIT,
  });

  it('relays a body of exactly the limit and refuses one byte more with 502 response-too-large', async () => {
    const at = await dispatch(get(`/text/${LIMIT}`), context);
    expect(at.status).toBe(200);
    expect(at.body).toEqual({ kind: 'text', text: 'x'.repeat(LIMIT) });
    expectTooLarge(await dispatch(get(`/text/${LIMIT + 1}`), context));
  });

  it('counts the UTF-8 bytes of a res.json answer, not its characters', async () => {
    // {"data":"…"} is 11 bytes plus 2 per é: 400 characters fit, 500 do not.
    expect((await dispatch(get('/json/400'), context)).status).toBe(200);
    expectTooLarge(await dispatch(get('/json/500'), context));
  });

  it('refuses a declared Content-Length over the limit before the body is written', async () => {
    expectTooLarge(await dispatch(get('/declared'), context));
  });

  it('closes a streaming handler as a dropped connection would: it sees close and its writes fail', async () => {
    expectTooLarge(await dispatch(get('/stream'), context));
    await until(() => seen.writesAfterClose >= 3);
    expect(seen.closed).toBe(true);
    expect(seen.lastWrite).toBe(false);
  });

  it('ends a piped download at the limit: the source is destroyed, not read on', async () => {
    expectTooLarge(await dispatch(get('/download'), context));
    await until(() => seen.source?.destroyed === true);
    expect(seen.source?.destroyed).toBe(true);
    const read = seen.chunksRead?.() ?? 0;
    await sleep(50);
    expect(seen.chunksRead?.()).toBe(read);
  });

  it('never counts a HEAD answer', async () => {
    expect((await dispatch(get(`/text/${LIMIT * 5}`, 'HEAD'), context)).status).toBe(200);
  });
});

describe('gateway reads at most maxItemResponseBytes of an upstream answer', () => {
  let upstream: Server | undefined;
  let streamClosed = false;
  afterEach(async () => {
    upstream?.closeAllConnections();
    await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
    upstream = undefined;
  });

  async function start(): Promise<string> {
    streamClosed = false;
    upstream = createServer((req, res) => {
      if (req.url === '/declared') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(LIMIT * 20) });
        res.write('a');
        return;
      }
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.on('close', () => {
          streamClosed = true;
        });
        const timer = setInterval(() => {
          if (res.destroyed) clearInterval(timer);
          else res.write(Buffer.alloc(300, 2));
        }, 2);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('y'.repeat(LIMIT));
    });
    await new Promise<void>((resolve) => upstream?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  }

  it('relays an answer of exactly the limit', async () => {
    const gateway = gatewayDispatch({
      upstream: await start(),
      requestTimeoutMs: 5000,
      maxItemResponseBytes: LIMIT,
    });
    const result = await gateway.dispatch(get('/small'), context);
    expect(result).toMatchObject({ status: 200, body: { kind: 'text', text: 'y'.repeat(LIMIT) } });
    await gateway.close();
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const gateway = gatewayDispatch({
      upstream: await start(),
      requestTimeoutMs: 5000,
      maxItemResponseBytes: LIMIT,
    });
    expectTooLarge(await gateway.dispatch(get('/declared'), context));
    await gateway.close();
  });

  it('counts bytes while reading an unsized answer and closes the upstream request at the limit', async () => {
    const gateway = gatewayDispatch({
      upstream: await start(),
      requestTimeoutMs: 5000,
      maxItemResponseBytes: LIMIT,
    });
    expectTooLarge(await gateway.dispatch(get('/stream'), context));
    await until(() => streamClosed);
    expect(streamClosed).toBe(true);
    await gateway.close();
  });
});
