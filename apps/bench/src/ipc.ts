/** Which server a child process runs (one kind per process). */
export type ServerKind =
  | 'batchwire'
  | 'batchwire-gateway'
  | 'upstream'
  | 'express-batch'
  | 'batch-request'
  | 'multifetch'
  | 'http2'
  // The hosts of issue 11: each serves the item routes and its Batchwire adapter.
  | 'batchwire-express4'
  | 'fastify'
  | 'hono';

/** How the parent configures a child: passed as one JSON argument on its command line. */
export interface ChildConfig {
  readonly kind: ServerKind;
  /** Base URL of the upstream app, for the gateway. */
  readonly upstream?: string;
  /** Largest batch the run sends: raises the Batchwire limits (100,000 for the streaming run). */
  readonly maxBatch: number;
}

/** Messages a parent sends to a child. */
export type ParentMessage =
  | { readonly type: 'window-start'; readonly seq: number }
  | { readonly type: 'window-stop'; readonly seq: number }
  | { readonly type: 'shutdown' };

/** What the child measured between window-start and window-stop. */
export interface WindowReport {
  /** CPU time (user + system) the server process spent in the window, in microseconds. */
  readonly cpuUs: number;
  /** Highest resident set size sampled during the window, in bytes. */
  readonly peakRssBytes: number;
  /** Highest resident set size of the process's whole life so far (getrusage maxrss), in bytes. */
  readonly lifetimeMaxRssBytes: number;
}

/** Messages a child sends to its parent. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'window-started'; readonly seq: number }
  | ({ readonly type: 'window'; readonly seq: number } & WindowReport);
