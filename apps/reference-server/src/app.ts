import type { BatchLimits } from '@batchwire/schema';
import { type BatchwireOptions, batchwire } from '@batchwire/server';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { type ApiRouteOptions, mountApiRoutes } from './api.js';
import { batchCors, type CorsOrigins } from './http/cors.js';
import { errorHandler, notFound } from './http/fallbacks.js';
import { mountInspector } from './inspector-mount.js';

/** The path the reference app serves its batch endpoint at. */
export const BATCH_PATH = '/batch';

/** Options of {@link createReferenceApp}. */
export interface ReferenceAppOptions extends ApiRouteOptions {
  /**
   * Gateway mode: inner requests are forwarded to this origin instead of re-entering this app, and
   * the app serves only the batch endpoint (no demo API, no fixtures).
   */
  readonly upstream?: string;
  /** Limits the batch endpoint advertises and enforces (the rest keep their defaults). */
  readonly limits?: Partial<BatchLimits>;
  /** Logger for batches and handler failures. */
  readonly logger?: Logger;
  /** Further options for the batch endpoint (idempotency, streaming, hooks). */
  readonly batch?: Omit<BatchwireOptions, 'upstream' | 'limits' | 'logger'>;
  /** Cross-origin callers the batch endpoint grants (CORS); without it none is granted. */
  readonly cors?: CorsOrigins;
  /** Serves the batch inspector at `/_batchwire/`, fed by the batch endpoint's observers (default false). */
  readonly inspector?: boolean;
  /** Mounts more routes before the 404 and error handlers (for tests and embedding). */
  readonly extend?: (app: Express) => void;
}

/**
 * Creates the reference Express app: JSON body parsing on the API routes, the demo blogs API at
 * `/blogs`, the conformance fixtures at `/_conformance` unless disabled, and `POST /batch`.
 */
export function createReferenceApp(options: ReferenceAppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.upstream === undefined) mountApiRoutes(app, options);
  options.extend?.(app);
  const dev = options.inspector === true ? mountInspector(app, BATCH_PATH) : undefined;
  if (options.cors !== undefined) app.use(BATCH_PATH, batchCors(options.cors));
  app.use(
    BATCH_PATH,
    batchwire({
      ...options.batch,
      ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(dev === undefined ? {} : { observers: [...(options.batch?.observers ?? []), dev.observer] }),
    }),
  );
  app.use(notFound());
  app.use(errorHandler(options.logger));
  return app;
}
