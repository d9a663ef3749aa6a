import type {
  BatchEndEvent,
  BatchObserver,
  BatchStartEvent,
  ItemEndEvent,
  ItemStartEvent,
} from '@batchwire/server';
import { bodySize, dispatchBody, responseBody, withinBudget } from './body.js';
import { maskHeaders } from './mask.js';
import { referencedIds } from './references.js';
import type { JournalBatch, JournalBatchSummary, JournalBody, JournalItem } from './types.js';

/** Options of {@link createJournal}. */
export interface JournalOptions {
  /** Most batches kept, newest first (default 50). */
  readonly maxBatches?: number;
  /** Most characters of recorded data kept over all batches (default 8 MiB). */
  readonly maxBytes?: number;
  /** Most characters kept of one body (default 64 KiB); longer ones are cut and marked. */
  readonly maxBodyChars?: number;
}

/** Called with the id of a batch whose record changed (started, item ended, ended or evicted). */
export type JournalListener = (batchId: string) => void;

/** The recent batches of one server, fed by the server's observer callbacks. */
export interface Journal {
  /** Pass it to the batch endpoint's `observers` option. */
  readonly observer: Required<BatchObserver>;
  /** Summaries of the kept batches, newest first. */
  list(): JournalBatchSummary[];
  /** One kept batch with its items, or undefined when unknown or evicted. */
  get(batchId: string): JournalBatch | undefined;
  /** Characters the kept batches hold (what `maxBytes` bounds). */
  bytes(): number;
  /** Registers a change listener; returns the function that removes it. */
  subscribe(listener: JournalListener): () => void;
  /** Forgets every batch. */
  clear(): void;
}

interface Entry {
  batch: MutableBatch;
  bytes: number;
}

type MutableBatch = { -readonly [K in keyof JournalBatch]: JournalBatch[K] };

const OVERHEAD_PER_ITEM = 200;

function summaryOf(batch: JournalBatch): JournalBatchSummary {
  const { headers: _h, onError: _o, items: _i, problem: _p, ...summary } = batch;
  return summary;
}

function headersSize(headers: Readonly<Record<string, string>>): number {
  let size = 0;
  for (const [name, value] of Object.entries(headers)) size += name.length + value.length + 6;
  return size;
}

function startRecord(event: BatchStartEvent): MutableBatch {
  const items: JournalItem[] = event.envelope.requests.map((request, index) => ({
    index,
    id: request.id,
    method: request.method,
    url: request.url,
    dependsOn: request.dependsOn ?? [],
    references: referencedIds(request),
    dispatched: undefined,
    response: undefined,
    startMs: undefined,
    durationMs: undefined,
  }));
  return {
    batchId: event.batchId,
    receivedAt: event.receivedAt,
    state: 'running',
    status: undefined,
    itemCount: items.length,
    durationMs: undefined,
    summary: undefined,
    streaming: event.streaming,
    replayed: event.replayed,
    disconnected: false,
    maxConcurrency: event.maxConcurrency,
    problemTitle: undefined,
    headers: maskHeaders(event.headers),
    onError: event.envelope.options?.onError,
    items,
    problem: undefined,
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1)
    throw new TypeError(`journal: ${name} must be an integer >= 1, got ${n}`);
  return n;
}

/**
 * Creates a journal of the last batches a server ran. It keeps at most `maxBatches` batches and
 * `maxBytes` characters: the oldest batches go first, and a single batch may spend at most half
 * the budget on bodies (later ones are marked omitted), so memory stays bounded whatever clients send.
 */
export function createJournal(options: JournalOptions = {}): Journal {
  const maxBatches = positive('maxBatches', options.maxBatches, 50);
  const maxBytes = positive('maxBytes', options.maxBytes, 8 * 1_048_576);
  const maxBodyChars = positive('maxBodyChars', options.maxBodyChars, 65_536);
  // Insertion order is arrival order, so the first key is always the oldest batch.
  const entries = new Map<string, Entry>();
  const listeners = new Set<JournalListener>();
  let total = 0;

  const notify = (batchId: string) => {
    for (const listener of listeners) {
      try {
        listener(batchId);
      } catch {
        // A failing listener (a closed SSE client) must not stop the others or the batch.
      }
    }
  };

  const grow = (entry: Entry, size: number) => {
    entry.bytes += size;
    total += size;
  };

  // One batch may spend at most half the budget, so a huge batch cannot push out every other one.
  const affordable = (entry: Entry, body: JournalBody) =>
    withinBudget(body, entry.bytes + bodySize(body) <= maxBytes / 2);

  const evict = () => {
    for (const [batchId, entry] of entries) {
      if (entries.size <= maxBatches && total <= maxBytes) break;
      entries.delete(batchId);
      total -= entry.bytes;
      notify(batchId);
    }
  };

  const add = (batch: MutableBatch) => {
    const entry: Entry = { batch, bytes: 0 };
    grow(entry, headersSize(batch.headers) + batch.items.length * OVERHEAD_PER_ITEM);
    for (const item of batch.items) grow(entry, item.url.length + item.id.length);
    entries.set(batch.batchId, entry);
    evict();
  };

  const itemOf = (batchId: string, index: number) => {
    const entry = entries.get(batchId);
    const item = entry?.batch.items[index];
    return entry === undefined || item === undefined ? undefined : { entry, item };
  };

  const onBatchStart = (event: BatchStartEvent) => {
    add(startRecord(event));
    notify(event.batchId);
  };

  const onItemStart = (event: ItemStartEvent) => {
    const found = itemOf(event.batchId, event.index);
    if (found === undefined) return;
    const { entry, item } = found;
    const headers = maskHeaders(event.headers);
    const body = affordable(entry, dispatchBody(event.body, maxBodyChars));
    item.dispatched = {
      method: event.method,
      url: event.url,
      headers,
      body,
      contentType: event.body.kind === 'bytes' ? event.body.contentType : undefined,
    };
    item.startMs = event.startMs;
    grow(entry, event.url.length + headersSize(headers) + bodySize(body));
    evict();
  };

  const onItemEnd = (event: ItemEndEvent) => {
    const { outcome } = event;
    const found = itemOf(event.batchId, outcome.index);
    if (found === undefined) return;
    const { entry, item } = found;
    const headers = maskHeaders(outcome.headers);
    const body = affordable(entry, responseBody(outcome.body, maxBodyChars));
    item.response = { status: outcome.status, headers, body, executed: outcome.executed };
    item.startMs = outcome.startMs;
    item.durationMs = outcome.durationMs;
    grow(entry, headersSize(headers) + bodySize(body));
    evict();
    notify(event.batchId);
  };

  const onBatchEnd = (event: BatchEndEvent) => {
    let entry = entries.get(event.batchId);
    if (entry === undefined) {
      // A rejected envelope never started: it is recorded with its problem and no items.
      add({
        batchId: event.batchId,
        receivedAt: event.receivedAt,
        state: 'running',
        status: undefined,
        itemCount: 0,
        durationMs: undefined,
        summary: undefined,
        streaming: event.streaming,
        replayed: event.replayed,
        disconnected: false,
        maxConcurrency: undefined,
        problemTitle: undefined,
        headers: Object.create(null),
        onError: undefined,
        items: [],
        problem: undefined,
      });
      entry = entries.get(event.batchId);
      if (entry === undefined) return;
    }
    const { batch } = entry;
    batch.state = 'done';
    batch.status = event.status;
    batch.durationMs = event.durationMs;
    batch.summary = event.summary === undefined ? undefined : { ...event.summary };
    batch.disconnected = event.disconnected;
    batch.problem = event.problem;
    batch.problemTitle = event.problem?.title;
    if (event.problem !== undefined) grow(entry, JSON.stringify(event.problem).length);
    evict();
    notify(event.batchId);
  };

  return {
    observer: { onBatchStart, onItemStart, onItemEnd, onBatchEnd },
    list: () => [...entries.values()].reverse().map((entry) => summaryOf(entry.batch)),
    get: (batchId) => {
      const batch = entries.get(batchId)?.batch;
      return batch === undefined ? undefined : structuredClone(batch);
    },
    bytes: () => total,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => {
      const ids = [...entries.keys()];
      entries.clear();
      total = 0;
      for (const id of ids) notify(id);
    },
  };
}
