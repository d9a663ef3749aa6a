import { utf8Length } from './utf8-length.js';

/** A consolidated response kept for replay. */
export interface StoredResponse {
  /** The consolidated response's JSON text. */
  readonly body: string;
}

/** What a store answers when a batch with an `Idempotency-Key` arrives. */
export type IdempotencyBegin =
  | { readonly state: 'started' }
  | { readonly state: 'running'; readonly fingerprint: string }
  | { readonly state: 'done'; readonly fingerprint: string; readonly response: StoredResponse };

/**
 * Where idempotent responses live. The default keeps them in memory; a shared store (Redis, SQL)
 * implements the same three calls so that replicas replay each other's batches.
 *
 * Claims are leases. `begin` claims a key atomically: of any number of concurrent calls for one key,
 * on any number of instances, exactly one answers `started`. The store itself keeps that claim
 * alive while the run lasts (renewing it on a timer) and stops at `complete` or `abandon`, so the
 * caller never renews; a claim whose holder died stops being renewed and lapses after the store's
 * lease time, after which `begin` answers `started` again. A store that cannot reach its backend
 * throws from `begin` (the endpoint then answers 503 and runs nothing) rather than guess.
 */
export interface IdempotencyStore {
  /** Claims `key` for a new run, or reports the run in progress or the stored response. */
  begin(key: string, fingerprint: string): IdempotencyBegin | Promise<IdempotencyBegin>;
  /**
   * Stores the response of a finished run for `ttlMs`, if this caller still holds the claim and
   * the response fits the store's byte bound (otherwise the claim is released, nothing is stored).
   */
  complete(key: string, fingerprint: string, response: StoredResponse, ttlMs: number): void | Promise<void>;
  /** Releases a claim whose run produced nothing worth replaying. */
  abandon(key: string): void | Promise<void>;
}

interface Entry {
  readonly fingerprint: string;
  response: StoredResponse | undefined;
  /** UTF-8 bytes of the stored response (0 while running). */
  bytes: number;
  expiresAt: number;
}

/** Options of the in-memory store. */
export interface MemoryStoreOptions {
  /** Most keys kept (default 10,000); the oldest finished ones are evicted first. */
  readonly maxEntries?: number;
  /**
   * Most UTF-8 bytes of stored responses kept (default 64 MiB); past it the oldest finished ones
   * are evicted, and an answer larger than this on its own is never kept, so a caller storing
   * large answers under many keys cannot pin the server's memory.
   */
  readonly maxBytes?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/**
 * An in-memory idempotency store with a TTL per response, bounded in keys and in bytes. Its claims
 * need no lease timer: the store lives and dies with the only process that can hold its claims.
 */
export function memoryIdempotencyStore(options: MemoryStoreOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxBytes = options.maxBytes ?? 64 * 1_048_576;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let storedBytes = 0;

  const remove = (key: string, entry: Entry) => {
    storedBytes -= entry.bytes;
    entries.delete(key);
  };

  /** Evicts the oldest finished entries (never `keep`) until the stored bytes fit again. */
  const shrink = (keep: string) => {
    for (const [key, entry] of entries) {
      if (storedBytes <= maxBytes) return;
      if (key !== keep && entry.response !== undefined) remove(key, entry);
    }
  };

  const evict = () => {
    for (const [key, entry] of entries) {
      if (entries.size < maxEntries) return;
      // A running claim is never evicted: that would let its retry run a second time.
      if (entry.response !== undefined) remove(key, entry);
    }
  };

  return {
    begin(key, fingerprint) {
      const entry = entries.get(key);
      if (entry !== undefined && (entry.response === undefined || entry.expiresAt > now())) {
        return entry.response === undefined
          ? { state: 'running', fingerprint: entry.fingerprint }
          : { state: 'done', fingerprint: entry.fingerprint, response: entry.response };
      }
      if (entry !== undefined) remove(key, entry);
      if (entries.size >= maxEntries) evict();
      entries.set(key, { fingerprint, response: undefined, bytes: 0, expiresAt: Number.POSITIVE_INFINITY });
      return { state: 'started' };
    },
    complete(key, fingerprint, response, ttlMs) {
      const entry = entries.get(key);
      if (entry === undefined || entry.fingerprint !== fingerprint || entry.response !== undefined) return;
      const bytes = utf8Length(response.body);
      if (bytes > maxBytes) {
        // Keeping it would break the bound; evicting everything else for it would let one caller
        // flush every other caller's answers. The claim is released instead.
        entries.delete(key);
        return;
      }
      entry.response = response;
      entry.bytes = bytes;
      entry.expiresAt = now() + ttlMs;
      storedBytes += bytes;
      // It fits on its own (checked above), so evicting the others always brings the total back.
      shrink(key);
    },
    abandon(key) {
      const entry = entries.get(key);
      if (entry !== undefined && entry.response === undefined) entries.delete(key);
    },
  };
}
