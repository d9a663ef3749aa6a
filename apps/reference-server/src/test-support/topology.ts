import type { BatchLimits } from '@batchwire/schema';
import { pino } from 'pino';
import { createReferenceApp, type ReferenceAppOptions } from '../app.js';
import { type Canary, startCanary } from './canary.js';
import { type Listening, listen } from './listen.js';
import { mountTestRoutes } from './test-routes.js';

/** How inner requests reach the API: re-entering the app, or over HTTP to an upstream (gateway). */
export type Mode = 'in-process' | 'gateway';

/** Both modes, for `describe.each`. */
export const MODES: readonly Mode[] = ['in-process', 'gateway'];

/** Limits of the default test topology: short timeouts so that hang tests stay quick. */
export const TEST_LIMITS: Partial<BatchLimits> = { requestTimeoutMs: 2000, batchTimeoutMs: 15_000 };

/** A running reference server (and its upstream in gateway mode), plus a canary nobody may contact. */
export interface Topology {
  readonly mode: Mode;
  /** Origin serving `/batch`. */
  readonly origin: string;
  /** Origin serving the demo API and fixtures directly (the upstream in gateway mode). */
  readonly apiOrigin: string;
  readonly canary: Canary;
  readonly close: () => Promise<void>;
}

/** Options of a test topology. */
export interface TopologyOptions {
  readonly limits?: Partial<BatchLimits>;
  readonly batch?: ReferenceAppOptions['batch'];
}

const silent = () => pino({ level: 'silent' });

/** Starts a topology in the given mode on 127.0.0.1 port 0 (three ports in gateway mode). */
export async function startTopology(mode: Mode, options: TopologyOptions = {}): Promise<Topology> {
  const canary = await startCanary();
  const limits = { ...TEST_LIMITS, ...options.limits };
  const batch = options.batch === undefined ? {} : { batch: options.batch };
  const servers: Listening[] = [];
  if (mode === 'in-process') {
    const app = createReferenceApp({ limits, logger: silent(), extend: mountTestRoutes, ...batch });
    servers.push(await listen(app));
  } else {
    const upstream = await listen(createReferenceApp({ logger: silent(), extend: mountTestRoutes }));
    servers.push(upstream);
    servers.push(
      await listen(createReferenceApp({ upstream: upstream.url, limits, logger: silent(), ...batch })),
    );
  }
  const front = servers[servers.length - 1]!;
  return {
    mode,
    origin: front.url,
    apiOrigin: servers[0]!.url,
    canary,
    // Closing fails when any inner request reached the canary, so every test file checks it.
    close: async () => {
      await Promise.all([...servers.map((server) => server.close()), canary.close()]);
      if (canary.contacts() > 0) throw new Error(`the canary was contacted ${canary.contacts()} time(s)`);
    },
  };
}
