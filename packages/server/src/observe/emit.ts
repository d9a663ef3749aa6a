import { type BatchRequest, IDEMPOTENCY_KEY_HEADER, type Problem } from '@batchwire/schema';
import { type BatchLogger, safeLog } from '../core/logger.js';
import type { OuterHeaders } from '../core/types.js';
import type { DispatchRequest, HeaderRecord, ItemOutcome, SummaryCounts } from '../engine/types.js';
import { type BatchObserver, MASKED_HEADER_VALUE } from './events.js';

const MASKED = new Set([
  'authorization',
  'cookie',
  'proxy-authorization',
  IDEMPOTENCY_KEY_HEADER.toLowerCase(),
]);

/** A header record safe to hand to an observer: credentials, cookies and the idempotency key masked. */
export function maskHeaders(headers: OuterHeaders | HeaderRecord): HeaderRecord {
  const out: HeaderRecord = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = MASKED.has(lower)
      ? MASKED_HEADER_VALUE
      : typeof value === 'string'
        ? value
        : value.join(', ');
  }
  return out;
}

/** How a batch ended, as the outer answer says. */
export interface BatchEnd {
  readonly status: number;
  readonly summary?: SummaryCounts | undefined;
  readonly streaming?: boolean;
  readonly replayed?: boolean;
  readonly disconnected?: boolean;
  readonly problem?: Problem | undefined;
}

/** One outer POST as the observers see it; every call is safe (observer throws are logged). */
export interface BatchTrace {
  start(envelope: BatchRequest, streaming: boolean, replayed: boolean, maxConcurrency: number): void;
  itemStart(request: DispatchRequest): void;
  itemEnd(outcome: ItemOutcome): void;
  end(end: BatchEnd): void;
}

// Unique within the process without a clock or a random source on the hot path.
const prefix = Math.floor(Math.random() * 0xffffffff).toString(36);
let sequence = 0;

/** Starts the trace of one outer POST, or `undefined` when nobody observes (nothing is masked or copied). */
export function traceBatch(
  observers: readonly BatchObserver[],
  logger: BatchLogger | undefined,
  headers: OuterHeaders,
): BatchTrace | undefined {
  if (observers.length === 0) return undefined;
  const batchId = `${prefix}-${(++sequence).toString(36)}`;
  const receivedAt = Date.now();
  const t0 = performance.now();
  const call = <E>(pick: (observer: BatchObserver) => ((event: E) => void) | undefined, event: E) => {
    for (const observer of observers) {
      const callback = pick(observer);
      if (callback === undefined) continue;
      try {
        callback.call(observer, event);
      } catch (error) {
        safeLog(logger, 'error', { err: error, batchId }, 'batch observer failed');
      }
    }
  };
  let started: { streaming: boolean; replayed: boolean } | undefined;
  return {
    start(envelope, streaming, replayed, maxConcurrency) {
      started = { streaming, replayed };
      call((o) => o.onBatchStart, {
        batchId,
        receivedAt,
        headers: maskHeaders(headers),
        envelope,
        streaming,
        replayed,
        maxConcurrency,
      });
    },
    itemStart(request) {
      call((o) => o.onItemStart, {
        batchId,
        index: request.index,
        id: request.id,
        method: request.method,
        url: request.url,
        headers: maskHeaders(request.headers),
        body: request.body,
        startMs: performance.now() - t0,
      });
    },
    itemEnd(outcome) {
      call((o) => o.onItemEnd, { batchId, outcome });
    },
    end(end) {
      call((o) => o.onBatchEnd, {
        batchId,
        receivedAt,
        status: end.status,
        summary: end.summary,
        durationMs: performance.now() - t0,
        streaming: end.streaming ?? started?.streaming ?? false,
        replayed: end.replayed ?? started?.replayed ?? false,
        disconnected: end.disconnected ?? false,
        problem: end.problem,
      });
    },
  };
}
