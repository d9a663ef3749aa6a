import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisStoreEvent, type RedisStoreOptions, redisIdempotencyStore } from './index.js';
import { missingBinaries, type RedisServer, startRedisServer } from './testing/index.js';

const missing = missingBinaries({ 'redis-server': 'redis-server' });
if (missing !== undefined) console.log(`skipping the Redis store tests: ${missing}`);

type Client = ReturnType<typeof createClient>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Leases of the timing tests: a claim is renewed every third of it, so a live holder keeps its key
 * through a stall of up to two thirds of a lease (a loaded 2-core CI machine stalls for hundreds of ms).
 */
const LEASE_MS = 1_000;

describe.skipIf(missing !== undefined)('redisIdempotencyStore against a real redis-server', () => {
  let server: RedisServer;
  const clients: Client[] = [];
  let keyCount = 0;
  /** A key no other test uses. */
  const freshKey = () => `key-${++keyCount}`;

  const connect = async (): Promise<Client> => {
    const client = createClient({ url: server.url, disableOfflineQueue: true });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return client;
  };

  const store = async (options: Omit<RedisStoreOptions, 'client'> = {}) =>
    redisIdempotencyStore({ client: await connect(), ...options });

  beforeAll(async () => {
    server = await startRedisServer();
  });

  afterAll(async () => {
    for (const client of clients) if (client.isOpen) client.destroy();
    await server?.stop();
  });

  it('claims a key, reports it running elsewhere, then replays the answer until its TTL passes', async () => {
    const [a, b] = [await store(), await store()];
    const key = freshKey();
    expect(await a.begin(key, 'f1')).toEqual({ state: 'started' });
    expect(await b.begin(key, 'f1')).toEqual({ state: 'running', fingerprint: 'f1' });
    await a.complete(key, 'f1', { body: '{"responses":[],"summary":{"n":"\u20ac\\n"}}' }, 1_500);
    // Another envelope under the key sees the stored fingerprint, so the endpoint answers 422.
    expect(await b.begin(key, 'f2')).toEqual({
      state: 'done',
      fingerprint: 'f1',
      response: { body: '{"responses":[],"summary":{"n":"\u20ac\\n"}}' },
    });
    await sleep(1_700);
    expect(await b.begin(key, 'f2')).toEqual({ state: 'started' });
  });

  it('lets exactly one of two stores win 50 concurrent claims of one key', async () => {
    const stores = [await store(), await store()];
    const key = freshKey();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % 2]!.begin(key, 'f')));
    expect(answers.filter((answer) => answer.state === 'started')).toHaveLength(1);
    expect(answers.filter((answer) => answer.state === 'running')).toHaveLength(49);
  });

  it('keeps a live claim past its lease by renewing it, and releases it on abandon', async () => {
    const holder = await store({ leaseMs: LEASE_MS });
    const other = await store({ leaseMs: LEASE_MS });
    const key = freshKey();
    expect((await holder.begin(key, 'f')).state).toBe('started');
    await sleep(2.5 * LEASE_MS);
    expect((await other.begin(key, 'f')).state).toBe('running');
    await holder.abandon(key);
    expect((await other.begin(key, 'f')).state).toBe('started');
  });

  it("lets a dead holder's claim lapse after its lease, and then a retry claims the key", async () => {
    const dying = await connect();
    const holder = redisIdempotencyStore({ client: dying, leaseMs: LEASE_MS });
    const other = await store({ leaseMs: LEASE_MS });
    const key = freshKey();
    expect((await holder.begin(key, 'f')).state).toBe('started');
    // Its connection goes away as a killed process's would: nothing renews the claim any more.
    dying.destroy();
    expect((await other.begin(key, 'f')).state).toBe('running');
    await sleep(LEASE_MS + 300);
    expect((await other.begin(key, 'f')).state).toBe('started');
  });

  it('stops renewing after maxRunMs, so a run that never completes does not hold its key for ever', async () => {
    const events: RedisStoreEvent[] = [];
    const holder = await store({
      leaseMs: LEASE_MS,
      maxRunMs: 1.5 * LEASE_MS,
      onEvent: (event) => events.push(event),
    });
    const other = await store({ leaseMs: LEASE_MS });
    const key = freshKey();
    expect((await holder.begin(key, 'f')).state).toBe('started');
    await sleep(1.2 * LEASE_MS);
    // Renewed past its first lease...
    expect((await other.begin(key, 'f')).state).toBe('running');
    // The last renewal happens before maxRunMs, so the claim lapses by maxRunMs plus one lease.
    await sleep(2 * LEASE_MS);
    // ...but not past maxRunMs plus one lease.
    expect((await other.begin(key, 'f')).state).toBe('started');
    expect(events).toContainEqual({ kind: 'run-too-long', key });
  });

  it('never lets a former holder overwrite the claim that replaced its lapsed one', async () => {
    const events: RedisStoreEvent[] = [];
    const former = await store({ leaseMs: LEASE_MS, onEvent: (event) => events.push(event) });
    const current = await store({ leaseMs: LEASE_MS });
    const raw = await connect();
    const key = freshKey();
    await former.begin(key, 'f');
    // The lease lapses while the run goes on (a long GC pause, a partition).
    await raw.del(`batchwire:idempotency:${key}`);
    expect((await current.begin(key, 'f')).state).toBe('started');
    await former.complete(key, 'f', { body: '"stale"' }, 60_000);
    expect(events.map((event) => event.kind)).toContain('lease-lost');
    await current.complete(key, 'f', { body: '"fresh"' }, 60_000);
    expect(await former.begin(key, 'f')).toEqual({
      state: 'done',
      fingerprint: 'f',
      response: { body: '"fresh"' },
    });
  });

  it('never stores an answer over maxAnswerBytes: the claim is released and the event reported', async () => {
    const events: RedisStoreEvent[] = [];
    const bounded = await store({ maxAnswerBytes: 1000, onEvent: (event) => events.push(event) });
    const key = freshKey();
    await bounded.begin(key, 'f');
    await bounded.complete(key, 'f', { body: 'x'.repeat(5000) }, 60_000);
    expect(events).toEqual([{ kind: 'answer-too-large', key, bytes: 5000 }]);
    expect(await bounded.begin(key, 'f')).toEqual({ state: 'started' });
  });

  it("keeps, with its defaults, an answer as large as the server's default maxResponseBytes", async () => {
    const defaults = await store();
    const key = freshKey();
    // 16 MiB: DEFAULT_LIMITS.maxResponseBytes of @batchwire/schema; a larger default answer cannot be sent.
    const body = 'x'.repeat(16 * 1_048_576);
    await defaults.begin(key, 'f');
    await defaults.complete(key, 'f', { body }, 60_000);
    const replay = await defaults.begin(key, 'f');
    expect(replay.state).toBe('done');
    expect(replay.state === 'done' && replay.response.body.length).toBe(body.length);
  });

  it('keeps its keys under the prefix, with the TTL the endpoint asked for', async () => {
    const client = await connect();
    const prefixed = redisIdempotencyStore({ client, prefix: 'app-a:' });
    const key = freshKey();
    await prefixed.begin(key, 'f');
    await prefixed.complete(key, 'f', { body: '{}' }, 60_000);
    const ttl = await client.pTTL(`app-a:${key}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await client.exists(`batchwire:idempotency:${key}`)).toBe(0);
  });

  it('refuses a key holding a value it did not write rather than guess', async () => {
    const client = await connect();
    const key = freshKey();
    await client.set(`batchwire:idempotency:${key}`, 'someone else');
    await expect(redisIdempotencyStore({ client }).begin(key, 'f')).rejects.toThrow(/did not write/);
  });

  it('throws from begin when Redis is unreachable, so the endpoint can answer 503', async () => {
    const own = await startRedisServer();
    const client = createClient({ url: own.url, disableOfflineQueue: true });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    const failing = redisIdempotencyStore({ client, commandTimeoutMs: 500 });
    await own.kill();
    await expect(failing.begin(freshKey(), 'f')).rejects.toThrow();
    await own.stop();
  });
});
