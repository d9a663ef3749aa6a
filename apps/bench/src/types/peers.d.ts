// Minimal typings for the untyped peers, covering only what the bench calls.

declare module 'express4' {
  // Express 4 under an npm alias; the Express 5 typings cover the small part of the API used here.
  import express from 'express';
  export default express;
}

declare module 'express-batch' {
  import type { RequestHandler } from 'express';
  /** express-batch 0.2.1: GET ?key=/path&... answered in-process. */
  export default function expressBatch(app: unknown, options?: { separator?: string }): RequestHandler;
}

declare module 'batch-request' {
  import type { RequestHandler } from 'express';
  /** batch-request 0.1.4: JSON body of keyed requests, each sent as real loopback HTTP. */
  export default function batchRequest(params?: { max?: number; localOnly?: boolean }): RequestHandler;
}

declare module 'multifetch' {
  import type { RequestHandler } from 'express';
  /** multifetch 1.1.1: GET ?key=/path&... through a fake socket; sequential unless concurrency is set. */
  export default function multifetch(options?: { concurrency?: number; headers?: boolean }): RequestHandler;
}

declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  /** One request autocannon sends in turn on every connection. */
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  /** The options the bench passes. */
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
  }
  /** The fields of autocannon's result the bench reads. */
  export interface AutocannonResult {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: { average: number; p50: number; p99: number };
  }
  /** A running autocannon job: an event emitter that is also a promise of the result. */
  export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void;
  }
  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
