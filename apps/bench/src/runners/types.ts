import type { Workload } from '../workload.js';

/** One timed round trip of N inner requests, and whether its answers were right. */
export interface OnceResult {
  readonly elapsedMs: number;
  /** Why the answer was wrong (count, order, bodies), when it was. */
  readonly error?: string;
}

/** Sustained load: sub-requests answered 2xx per second of the run. */
export interface ThroughputResult {
  readonly subRequests: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Transport errors, timeouts or non-2xx answers seen by the load generator. */
  readonly failures: number;
}

/** Drives one contender from the client side. */
export interface Runner {
  /** Sends N inner requests once (one batch, or N separate requests) and checks every answer. */
  once(n: number, workload: Workload): Promise<OnceResult>;
  /** Keeps 10 connections busy for `seconds` with batches (or requests) of N. */
  throughput(n: number, workload: Workload, seconds: number): Promise<ThroughputResult>;
  close(): Promise<void>;
}

/** Load generators keep this many connections (or HTTP/2 sessions) busy. */
export const LOAD_CONNECTIONS = 10;

/** Milliseconds since `start` (a process.hrtime.bigint() reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
