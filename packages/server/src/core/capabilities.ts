import type { Capabilities } from '@batchwire/schema';
import type { BatchwireConfig } from './options.js';

/** The capabilities document a batch endpoint serves on GET, from its configuration. */
export function capabilitiesOf(config: BatchwireConfig): Capabilities {
  return {
    protocol: 'batchwire',
    versions: ['1'],
    limits: {
      ...config.limits,
      ...(config.idempotency ? { idempotencyTtlMs: config.idempotency.ttlMs } : {}),
    },
    features: {
      references: true,
      onErrorStop: true,
      streaming: config.streaming,
      idempotency: config.idempotency !== undefined,
      atomicity: false,
    },
  };
}
