import { redisIdempotencyStore } from '@batchwire/idempotency-redis';
import type { IdempotencyStore } from '@batchwire/server';
import type { Logger } from 'pino';
import { createClient } from 'redis';

/** A shared idempotency store and how to let go of its connection. */
export interface SharedStore {
  readonly store: IdempotencyStore;
  readonly close: () => Promise<void>;
}

/** Longest pause between reconnection attempts while Redis is away. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Connects to Redis in the background and returns the store at once: while Redis is away (at
 * startup or later) keyed batches get 503 and nothing runs, unkeyed ones run as usual.
 */
export function connectRedisStore(url: string, leaseMs: number, logger: Logger): SharedStore {
  const client = createClient({
    url,
    // Commands fail at once while disconnected instead of waiting in a queue: a clear 503.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) },
  });
  let reachable = true;
  client.on('error', (error: unknown) => {
    // One line per outage, not one per reconnection attempt.
    if (reachable)
      logger.warn({ err: error }, 'redis unreachable: keyed batches answer 503 until it is back');
    reachable = false;
  });
  client.on('ready', () => {
    reachable = true;
    logger.info('redis connected: idempotent answers are shared');
  });
  client.connect().catch((error: unknown) => logger.error({ err: error }, 'redis connection given up'));
  const store = redisIdempotencyStore({
    client,
    leaseMs,
    onEvent: (event) => logger.warn({ idempotency: event }, `idempotency store: ${event.kind}`),
  });
  return {
    store,
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
