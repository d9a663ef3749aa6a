import { randomUUID } from 'node:crypto';
import type { IdempotencyBegin, IdempotencyStore, StoredResponse } from '@batchwire/server';
import { type LeaseEvent, type RunningLease, startLease } from './lease.js';
import { claimValue, doneValue, readValue } from './record.js';
import { runScript, type Send } from './scripts.js';

/**
 * The part of a node-redis client the store uses (`createClient()` from `redis` 5 fits). Every
 * command goes through `sendCommand`, so a client with custom modules or scripts fits as well.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Something the store could not do, reported instead of thrown where throwing cannot help. */
export type RedisStoreEvent =
  | LeaseEvent
  | { readonly kind: 'answer-too-large'; readonly key: string; readonly bytes: number }
  | { readonly kind: 'complete-failed' | 'release-failed'; readonly key: string; readonly error: unknown };

/** Options of {@link redisIdempotencyStore}. */
export interface RedisStoreOptions {
  /** A connected node-redis client (create it with `disableOfflineQueue: true`, see the README). */
  readonly client: RedisCommandClient;
  /** Prefix of every Redis key the store writes (default `batchwire:idempotency:`). */
  readonly prefix?: string;
  /** How long a claim lives without renewal (default 15,000 ms); renewed every third of it. */
  readonly leaseMs?: number;
  /**
   * Longest a run keeps renewing its claim (default 1 h; keep it above `batchTimeoutMs`), so a run
   * that never ends, or a caller that never completes nor abandons, cannot hold its key for ever.
   */
  readonly maxRunMs?: number;
  /**
   * Largest answer kept, in UTF-8 bytes (default 16 MiB, the server's default `maxResponseBytes`);
   * a larger one is not stored and a retry runs again, so keep it at or above `maxResponseBytes`.
   */
  readonly maxAnswerBytes?: number;
  /** Longest wait for one Redis reply (default 2,000 ms); `begin` then throws, so the batch gets 503. */
  readonly commandTimeoutMs?: number;
  /** Told about lost leases and failed writes (log them: each may let a retry run again). */
  readonly onEvent?: (event: RedisStoreEvent) => void;
}

interface Held {
  readonly fingerprint: string;
  readonly claim: string;
  readonly lease: RunningLease;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`redisIdempotencyStore: ${name} must be an integer >= 1, got ${value}`);
  return value;
}

function boundedSend(client: RedisCommandClient, timeoutMs: number): Send {
  return (args) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis did not answer ${args[0]} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      client.sendCommand(args).then(
        (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
}

/**
 * An idempotency store on Redis, shared by every instance that uses the same Redis and prefix.
 * Claims are atomic (`SET NX PX`) and leased; answers are stored by a compare-and-set script, so
 * only the claim's holder stores one, and expire after the endpoint's TTL.
 */
export function redisIdempotencyStore(options: RedisStoreOptions): IdempotencyStore {
  const prefix = options.prefix ?? 'batchwire:idempotency:';
  const leaseMs = positive('leaseMs', options.leaseMs ?? 15_000);
  const maxRunMs = positive('maxRunMs', options.maxRunMs ?? 3_600_000);
  const maxAnswerBytes = positive('maxAnswerBytes', options.maxAnswerBytes ?? 16 * 1_048_576);
  const send = boundedSend(options.client, positive('commandTimeoutMs', options.commandTimeoutMs ?? 2_000));
  const report = (event: RedisStoreEvent) => options.onEvent?.(event);
  const held = new Map<string, Held>();

  /** Stops renewing this caller's claim and forgets it; undefined when it holds none. */
  const take = (key: string): Held | undefined => {
    const claim = held.get(key);
    if (claim === undefined) return undefined;
    held.delete(key);
    claim.lease.stop();
    return claim;
  };

  const release = async (key: string, claim: Held) => {
    try {
      await runScript(send, 'release', prefix + key, [claim.claim]);
    } catch (error) {
      report({ kind: 'release-failed', key, error });
    }
  };

  return {
    async begin(key: string, fingerprint: string): Promise<IdempotencyBegin> {
      const claim = claimValue(randomUUID(), fingerprint);
      // NX with GET (Redis 7): one atomic step that either claims or returns what is there.
      const previous = await send(['SET', prefix + key, claim, 'NX', 'PX', String(leaseMs), 'GET']);
      if (previous === null) {
        // A claim of ours that lapsed while its run went on is superseded by this one.
        take(key);
        held.set(key, {
          fingerprint,
          claim,
          lease: startLease({ send, key, redisKey: prefix + key, claim, leaseMs, maxRunMs, report }),
        });
        return { state: 'started' };
      }
      const found = typeof previous === 'string' ? readValue(previous) : undefined;
      if (found === undefined)
        throw new Error(`Redis key ${prefix}${key} holds a value this store did not write`);
      return found;
    },

    async complete(key: string, fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void> {
      const claim = held.get(key);
      if (claim === undefined || claim.fingerprint !== fingerprint) return;
      take(key);
      const bytes = Buffer.byteLength(response.body, 'utf8');
      if (bytes > maxAnswerBytes) {
        report({ kind: 'answer-too-large', key, bytes });
        await release(key, claim);
        return;
      }
      try {
        const stored = await runScript(send, 'complete', prefix + key, [
          claim.claim,
          doneValue(fingerprint, response.body),
          String(positive('ttlMs', ttlMs)),
        ]);
        if (stored !== 1) report({ kind: 'lease-lost', key });
      } catch (error) {
        // The answer is already on its way to the client; failing here would only break that.
        report({ kind: 'complete-failed', key, error });
      }
    },

    async abandon(key: string): Promise<void> {
      const claim = take(key);
      if (claim !== undefined) await release(key, claim);
    },
  };
}
