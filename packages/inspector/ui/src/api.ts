import type { JournalBatch, JournalBatchSummary } from '../../src/journal/types.js';

/** The settings the inspector handler serves at `api/config`. */
export interface InspectorConfig {
  readonly batchPath: string;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The playground's settings. */
export const loadConfig = () => getJson<InspectorConfig>('api/config');
/** The journal, newest first. */
export const loadBatches = () => getJson<JournalBatchSummary[]>('api/batches');
/** One batch with its items. */
export const loadBatch = (batchId: string) =>
  getJson<JournalBatch>(`api/batches/${encodeURIComponent(batchId)}`);

/** Live journal changes: `batch` with a summary, `evicted` with an id. Returns the closer. */
export function watchJournal(
  onBatch: (summary: JournalBatchSummary) => void,
  onEvicted: (batchId: string) => void,
): () => void {
  const source = new EventSource('api/events');
  source.addEventListener('batch', (event) => onBatch(JSON.parse((event as MessageEvent<string>).data)));
  source.addEventListener('evicted', (event) =>
    onEvicted((JSON.parse((event as MessageEvent<string>).data) as { batchId: string }).batchId),
  );
  return () => source.close();
}
