import type { BatchLimits } from '@batchwire/schema';
import { type BatchwireOptions, batchwire } from '@batchwire/server';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { type ApiRouteOptions, mountApiRoutes } from './api.js';
import { DEFAULT_FIXTURES_PREFIX } from './fixtures/mount.js';
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
  /** Paths the batch endpoint is served at (default `[BATCH_PATH]`), e.g. `/$batch` and `/v1.0/$batch`. */
  readonly paths?: readonly string[];
  /** Path prefix inner urls resolve under, where the demo API and fixtures are mounted (default: the root). */
  readonly servicePath?: string;
  /** Serves the batch inspector at `/_batchwire/`, fed by the batch endpoint's observers (default false). */
  readonly inspector?: boolean;
  /** Mounts more routes before the 404 and error handlers (for tests and embedding). */
  readonly extend?: (app: Express) => void;
}

/** The route options under a service path: the fixtures match the full request path, so their prefix carries it. */
function underService(options: ReferenceAppOptions): ApiRouteOptions {
  if (options.servicePath === undefined) return options;
  const prefix = options.fixturesPrefix ?? DEFAULT_FIXTURES_PREFIX;
  return { ...options, fixturesPrefix: `${options.servicePath}${prefix}` };
}

/** Where the API routes go: the app itself, or a sub-app mounted at the service path (OData/Graph style roots). */
function serviceApp(app: Express, servicePath: string | undefined): Express {
  if (servicePath === undefined) return app;
  const service = express();
  service.disable('x-powered-by');
  app.use(servicePath, service);
  return service;
}

/**
 * Creates the reference Express app: JSON body parsing on the API routes, the demo blogs API at
 * `/blogs`, the conformance fixtures at `/_conformance` unless disabled, and `POST /batch`.
 */
export function createReferenceApp(options: ReferenceAppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  const paths = [...(options.paths ?? [BATCH_PATH])];
  if (options.upstream === undefined)
    mountApiRoutes(serviceApp(app, options.servicePath), underService(options));
  options.extend?.(app);
  const dev = options.inspector === true ? mountInspector(app, paths) : undefined;
  if (options.cors !== undefined) app.use(paths, batchCors(options.cors));
  app.use(
    paths,
    batchwire({
      ...options.batch,
      ...(options.upstream === undefined
        ? {}
        : { upstream: `${options.upstream}${options.servicePath ?? ''}` }),
      ...(options.servicePath === undefined ? {} : { servicePath: options.servicePath }),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(dev === undefined ? {} : { observers: [...(options.batch?.observers ?? []), dev.observer] }),
    }),
  );
  app.use(notFound());
  app.use(errorHandler(options.logger));
  return app;
}
