import type { ServerResponse } from 'node:http';
import type { Journal } from '../journal/journal.js';

/** Bytes an SSE client may leave unread before it is dropped (a stalled tab must not grow memory). */
export const MAX_SSE_BACKLOG = 1_048_576;

const FLUSH_MS = 50;
const HEARTBEAT_MS = 15_000;

/**
 * Streams journal changes to one client as Server-Sent Events: `batch` with a batch's summary when
 * it starts, progresses or ends (coalesced every 50 ms), `evicted` when it leaves the journal.
 */
export function streamJournal(journal: Journal, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 1000\n\n');
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const send = (event: string, data: unknown) => {
    if (res.writableLength > MAX_SSE_BACKLOG) {
      res.destroy();
      return;
    }
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const flush = () => {
    timer = undefined;
    const summaries = new Map(journal.list().map((summary) => [summary.batchId, summary]));
    for (const batchId of pending) {
      const summary = summaries.get(batchId);
      if (summary === undefined) send('evicted', { batchId });
      else send('batch', summary);
    }
    pending.clear();
  };

  const unsubscribe = journal.subscribe((batchId) => {
    pending.add(batchId);
    timer ??= setTimeout(flush, FLUSH_MS);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    if (timer !== undefined) clearTimeout(timer);
  });
}
