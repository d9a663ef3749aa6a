import { concurrencySteps } from '../../src/journal/overlap.js';
import type { JournalBatch, JournalItem } from '../../src/journal/types.js';

/** The status classes bars are coloured by; `never` is an item the engine did not run. */
export type StatusClass = 'ok' | 'redirect' | 'client' | 'server' | 'never' | 'pending';

/** One row of the timeline: an inner request in request order and its bar on the shared axis. */
export interface TimelineRow {
  readonly item: JournalItem;
  readonly statusClass: StatusClass;
  /** Start and end in ms from the batch start (undefined when the item never ran or is running). */
  readonly start: number | undefined;
  readonly end: number | undefined;
  /** Why an item never ran, from its problem body. */
  readonly reason: string | undefined;
}

/** A dependency edge from an earlier row to a later one. */
export interface TimelineEdge {
  readonly from: number;
  readonly to: number;
  readonly kind: 'dependsOn' | 'reference';
}

/** Everything the timeline draws. */
export interface TimelineModel {
  readonly rows: readonly TimelineRow[];
  readonly edges: readonly TimelineEdge[];
  /** Length of the shared time axis in ms. */
  readonly axisMs: number;
  /** Most bars overlapping at one instant. */
  readonly peakConcurrency: number;
  /** How many ran from each instant on, for the concurrency lane. */
  readonly steps: readonly { readonly at: number; readonly open: number }[];
  /** The bound the server applied. */
  readonly maxConcurrency: number | undefined;
}

/** The class of a status: 2xx ok, 3xx redirect, 4xx client, 5xx server. */
export function statusClassOf(status: number): StatusClass {
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  if (status >= 300) return 'redirect';
  return 'ok';
}

function reasonOf(item: JournalItem): string | undefined {
  const body = item.response?.body;
  if (body?.kind !== 'json') return undefined;
  try {
    const value = JSON.parse(body.text) as { detail?: unknown; title?: unknown };
    if (typeof value.detail === 'string') return value.detail;
    return typeof value.title === 'string' ? value.title : undefined;
  } catch {
    return undefined;
  }
}

function rowOf(item: JournalItem): TimelineRow {
  const response = item.response;
  if (response === undefined) {
    const start = item.startMs;
    return { item, statusClass: 'pending', start, end: undefined, reason: undefined };
  }
  if (!response.executed)
    return { item, statusClass: 'never', start: undefined, end: undefined, reason: reasonOf(item) };
  const start = item.startMs ?? 0;
  return {
    item,
    statusClass: statusClassOf(response.status),
    start,
    end: start + (item.durationMs ?? 0),
    reason: undefined,
  };
}

/** Builds the timeline of a batch: rows in request order, edges, axis length and concurrency. */
export function timelineModel(batch: JournalBatch): TimelineModel {
  const rows = batch.items.map(rowOf);
  const positions = new Map(batch.items.map((item) => [item.id, item.index]));
  const edges: TimelineEdge[] = [];
  for (const item of batch.items) {
    for (const id of item.dependsOn) {
      const from = positions.get(id);
      if (from !== undefined) edges.push({ from, to: item.index, kind: 'dependsOn' });
    }
    for (const id of item.references) {
      const from = positions.get(id);
      if (from !== undefined && !item.dependsOn.includes(id))
        edges.push({ from, to: item.index, kind: 'reference' });
    }
  }
  const ran = rows.flatMap((row) =>
    row.start !== undefined && row.end !== undefined ? [{ start: row.start, end: row.end }] : [],
  );
  const lastEnd = Math.max(0, ...ran.map((interval) => interval.end));
  const steps = concurrencySteps(ran);
  return {
    rows,
    edges,
    axisMs: Math.max(1, lastEnd, batch.durationMs ?? 0),
    peakConcurrency: Math.max(0, ...steps.map((step) => step.open)),
    steps,
    maxConcurrency: batch.maxConcurrency,
  };
}
