import type { ServerKind } from '../ipc.js';
import type { Workload } from '../workload.js';

/** One HTTP request as the client sends it. */
export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Names of the contenders, as they appear in results/latest.json. */
export type ContenderId =
  | 'batchwire'
  | 'batchwire-gateway'
  | 'express-batch'
  | 'batch-request'
  | 'multifetch'
  | 'separate-keepalive'
  | 'http2'
  | 'batchwire-express4'
  | 'batchwire-fastify'
  | 'fastify-separate'
  | 'fastify-inject'
  | 'batchwire-hono'
  | 'hono-separate';

interface ContenderBase {
  readonly id: ContenderId;
  readonly label: string;
  /** The server process the client talks to. */
  readonly server: ServerKind;
  /** Every server process whose CPU the contender's inner requests cost (gateway: gateway + upstream). */
  readonly cpuServers: readonly ServerKind[];
  readonly workloads: readonly Workload[];
}

/** A contender that sends the N inner requests as one batch request. */
export interface BatchContender extends ContenderBase {
  readonly style: 'batch';
  /** The one request that carries N inner requests. */
  encode(n: number, workload: Workload): HttpCall;
  /** Why the answer is wrong (count, order, ids, bodies), or undefined when it is right. */
  check(status: number, text: string, n: number, workload: Workload): string | undefined;
}

/** A contender that sends the N inner requests as N requests: HTTP/1.1 keep-alive or HTTP/2 streams. */
export interface SeparateContender extends ContenderBase {
  readonly style: 'separate-h1' | 'separate-h2';
}

/** Anything the bench measures side by side. */
export type Contender = BatchContender | SeparateContender;
