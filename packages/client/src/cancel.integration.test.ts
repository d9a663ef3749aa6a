import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchError, createClient, isBatchError } from './index.js';
import { closedPort } from './test-support/local-server.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

/** A server that accepts connections, reads what comes, and never answers. */
let silent: Server;
let silentUrl: string;
const sockets = new Set<Socket>();
/** Resolves each time a client connection closes (the client aborted its request). */
let closed: (() => void)[] = [];
let reference: ReferenceServer;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.resume();
    socket.on('close', () => {
      sockets.delete(socket);
      for (const notify of closed) notify();
      closed = [];
    });
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/batch`;
  reference = await startReferenceServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await reference?.close();
});

/** Resolves when some connection to the silent server closes, or rejects after `ms`. */
function nextClose(ms = 1_500): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection closed within ${ms} ms`)), ms);
    closed.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function rejection(promise: PromiseLike<unknown>): Promise<{ error: BatchError; ms: number }> {
  const started = Date.now();
  const error = await Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isBatchError(error)) throw new Error(`expected a BatchError, got ${String(error)}`);
  return { error, ms: Date.now() - started };
}

describe('cancellation against a server that never answers', () => {
  it('send({ signal: AbortSignal.timeout(300) }) rejects with kind "aborted", settles every handle and aborts the request', async () => {
    const batch = createClient({ url: silentUrl }).batch();
    const first = batch.get('/a');
    const second = batch.post('/b', { n: 1 });
    const disconnected = nextClose();
    const signal = AbortSignal.timeout(300);
    const { error, ms } = await rejection(batch.send({ signal }));
    expect(error.kind).toBe('aborted');
    expect(error.cause).toBe(signal.reason);
    expect((error.cause as Error).name).toBe('TimeoutError');
    expect(error.message).toMatch(/^Batch request aborted: /);
    expect(ms).toBeLessThan(1_500);
    await expect(Promise.resolve(first)).rejects.toBe(error);
    await expect(second.json()).rejects.toBe(error);
    await expect(batch.send()).rejects.toBe(error);
    await disconnected;
  });

  it('client.fetch(url, { signal }) rejects with kind "aborted"', async () => {
    const client = createClient({ url: silentUrl });
    const controller = new AbortController();
    const call = client.fetch('/a', { signal: controller.signal });
    const other = client.fetch('/b', { signal: AbortSignal.timeout(300) });
    setTimeout(() => controller.abort(new Error('user left the page')), 300);
    const [{ error, ms }, late] = await Promise.all([rejection(call), rejection(other)]);
    expect(error.kind).toBe('aborted');
    expect((error.cause as Error).message).toBe('user left the page');
    expect(ms).toBeLessThan(1_500);
    expect(late.error.kind).toBe('aborted');
    expect(late.ms).toBeLessThan(1_500);
  });

  it('createClient({ timeoutMs: 300 }) rejects send(), stream() and client.fetch with kind "aborted"', async () => {
    const client = createClient({ url: silentUrl, timeoutMs: 300 });
    const batch = client.batch();
    batch.get('/a');
    const sent = await rejection(batch.send());
    expect(sent.error.kind).toBe('aborted');
    expect((sent.error.cause as Error).name).toBe('TimeoutError');
    expect(sent.error.message).toMatch(/no answer within timeoutMs \(300 ms\)/);
    expect(sent.ms).toBeLessThan(1_500);

    const streamed = client.batch();
    streamed.get('/a');
    const iterated = await rejection(
      (async () => {
        for await (const _ of streamed.stream()) throw new Error('nothing can arrive');
      })(),
    );
    expect(iterated.error.kind).toBe('aborted');
    // The capabilities read and the POST each get 300 ms.
    expect(iterated.ms).toBeLessThan(1_500);

    const fetched = await rejection(client.fetch('/a'));
    expect(fetched.error.kind).toBe('aborted');
    expect(fetched.ms).toBeLessThan(1_500);
  });

  it('stream({ signal }) ends the loop with kind "aborted"', async () => {
    const batch = createClient({ url: silentUrl }).batch();
    batch.get('/a');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error, ms } = await rejection(
      (async () => {
        for await (const _ of batch.stream({ signal: controller.signal }))
          throw new Error('nothing can arrive');
      })(),
    );
    expect(error.kind).toBe('aborted');
    expect((error.cause as Error).name).toBe('AbortError');
    expect(ms).toBeLessThan(1_500);
  });

  it('an already aborted signal rejects at once, sending nothing', async () => {
    const batch = createClient({ url: silentUrl }).batch();
    batch.get('/a');
    const connections = sockets.size;
    const { error, ms } = await rejection(batch.send({ signal: AbortSignal.abort('too late') }));
    expect([error.kind, error.cause]).toEqual(['aborted', 'too late']);
    // Without the check it would wait for ever on the silent server; 500 ms leaves a loaded CI room.
    expect(ms).toBeLessThan(500);
    expect(sockets.size).toBe(connections);
  });
});

describe('aborting a batch the reference server is running', () => {
  it('rejects within milliseconds of the abort, with the items still running', async () => {
    const batch = createClient({ url: reference.url }).batch();
    batch.get('/_conformance/delay/3000');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error, ms } = await rejection(batch.send({ signal: controller.signal }));
    expect(error.kind).toBe('aborted');
    expect(ms).toBeLessThan(1_000);
  });
});

describe('send() arguments', () => {
  it.each([
    ['a number', 42],
    ['a string', 'onSuccess'],
    ['null', null],
    ['an array', []],
    ['one callback alone', { onSuccess: () => undefined }],
    ['callbacks that are not functions', { onSuccess: 1, onFailure: 2 }],
    ['a signal that is not an AbortSignal', { signal: 'stop' }],
    ['an unknown member', { signl: AbortSignal.timeout(10) }],
  ])('throws a TypeError naming what it accepts for %s, and sends nothing', (_, argument) => {
    const batch = createClient({ url: silentUrl }).batch();
    batch.get('/a');
    expect(() => batch.send(argument as never)).toThrow(TypeError);
    expect(() => batch.send(argument as never)).toThrow(
      /takes nothing, \{ signal \} or \{ onSuccess, onFailure, signal \}/,
    );
    // Still unsent: queuing more works.
    expect(() => batch.get('/b')).not.toThrow();
  });

  it('refuses a body JSON cannot carry when it is queued; client.fetch rejects with the TypeError', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const client = createClient({ url: silentUrl });
    expect(() => client.batch().post('/a', circular)).toThrow(TypeError);
    await expect(client.fetch('/a', { method: 'POST', body: { n: 1n } })).rejects.toThrow(TypeError);
    await expect(client.fetch('/a', { signal: 'stop' as never })).rejects.toThrow(/not an AbortSignal/);
  });

  it('a throwing callback rejects the promise send() returned, never becoming an uncaught exception', async () => {
    const batch = createClient({ url: reference.url }).batch();
    batch.get('/_conformance/echo');
    const failures: unknown[] = [];
    const thrown = new Error('bug in onSuccess');
    const outcome = await batch
      .send({
        onSuccess: () => {
          throw thrown;
        },
        onFailure: (error) => failures.push(error),
      })
      .then(
        () => 'resolved',
        (e: unknown) => e,
      );
    expect(outcome).toBe(thrown);
    expect(failures).toEqual([]);
  });
});

describe('network failures', () => {
  it('name the cause (ECONNREFUSED) in the message', async () => {
    const batch = createClient({ url: `http://127.0.0.1:${await closedPort()}/batch` }).batch();
    batch.get('/a');
    const { error } = await rejection(batch.send());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /^Batch request failed before an answer arrived: fetch failed: .*ECONNREFUSED/,
    );
  });
});
