import { DEFAULT_LIMITS } from '@batchwire/schema';
import { batchwire } from '@batchwire/server';
import type { Express } from 'express';
import type { ChildConfig } from '../ipc.js';
import { express5App, upstreamApp } from './express5-app.js';

/** Limits raised so that the largest batch of the run (up to 100,000 items) is accepted. */
export function limitsFor(maxBatch: number) {
  return {
    maxRequests: Math.max(DEFAULT_LIMITS.maxRequests, maxBatch),
    maxBodyBytes: Math.max(DEFAULT_LIMITS.maxBodyBytes, maxBatch * 256),
    batchTimeoutMs: 300_000,
  };
}

/** Batchwire in-process (`batchwire()` beside the item routes) or the gateway in front of the upstream app. */
export function batchwireAppFor(config: ChildConfig): Express {
  if (config.kind === 'batchwire-gateway') {
    if (!config.upstream) throw new Error('the gateway needs the upstream URL');
    const app = express5App();
    app.use('/batch', batchwire({ upstream: config.upstream, limits: limitsFor(config.maxBatch) }));
    return app;
  }
  const app = upstreamApp();
  app.use('/batch', batchwire({ limits: limitsFor(config.maxBatch) }));
  return app;
}
