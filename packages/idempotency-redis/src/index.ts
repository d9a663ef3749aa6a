/**
 * @batchwire/idempotency-redis: a shared idempotency store on Redis for @batchwire/server, so
 * instances behind a load balancer replay each other's batches.
 * @packageDocumentation
 */

/** A lease that could not be renewed. */
export type { LeaseEvent } from './lease.js';
/** The store, its options and the events it reports. */
export {
  type RedisCommandClient,
  type RedisStoreEvent,
  type RedisStoreOptions,
  redisIdempotencyStore,
} from './store.js';
