import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { JournalBatch, JournalBatchSummary } from '../../src/journal/types.js';
import { loadBatch, loadBatches, loadConfig, watchJournal } from './api.js';
import { BatchView } from './batch-view.js';
import { JournalList } from './journal-list.js';
import { Playground } from './playground.js';
import './styles.css';

type View = 'playground' | 'batch';

function upsert(list: readonly JournalBatchSummary[], summary: JournalBatchSummary): JournalBatchSummary[] {
  const rest = list.filter((batch) => batch.batchId !== summary.batchId);
  return [...rest, summary].sort((a, b) => b.receivedAt - a.receivedAt);
}

function App() {
  const [batchPath, setBatchPath] = useState('/batch');
  const [batches, setBatches] = useState<JournalBatchSummary[]>([]);
  const [view, setView] = useState<View>('playground');
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [batch, setBatch] = useState<JournalBatch | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState('');

  useEffect(() => {
    loadConfig()
      .then((config) => setBatchPath(config.batchPath))
      .catch((e: unknown) => setError(String(e)));
    loadBatches()
      .then((list) => setBatches((current) => list.reduce(upsert, current)))
      .catch((e: unknown) => setError(String(e)));
    return watchJournal(
      (summary) => {
        setBatches((current) => upsert(current, summary));
        setRevision((r) => r + 1);
      },
      (batchId) => setBatches((current) => current.filter((b) => b.batchId !== batchId)),
    );
  }, []);

  // Re-read the open batch whenever the journal reports progress, so a running batch fills in live.
  useEffect(() => {
    if (selectedId === undefined) return;
    let live = true;
    loadBatch(selectedId)
      .then((loaded) => {
        if (live) setBatch(loaded);
      })
      .catch(() => {
        if (live) setBatch(undefined);
      });
    return () => {
      live = false;
    };
  }, [selectedId, revision]);

  // Until the chosen batch has loaded, the previous one is not shown in its place.
  const shown = batch?.batchId === selectedId ? batch : undefined;

  const open = (batchId: string) => {
    setSelectedId(batchId);
    setView('batch');
  };

  return (
    <>
      <header class="top">
        <h1>Batchwire inspector</h1>
        <nav aria-label="Views">
          <button type="button" aria-pressed={view === 'playground'} onClick={() => setView('playground')}>
            Playground
          </button>
          <button
            type="button"
            aria-pressed={view === 'batch'}
            disabled={selectedId === undefined}
            onClick={() => setView('batch')}
          >
            Batch
          </button>
          <a href="openapi.json">OpenAPI</a>
        </nav>
      </header>
      {error === '' ? null : <p role="alert">{error}</p>}
      <div class="layout">
        <JournalList batches={batches} selected={selectedId} onSelect={open} />
        <main>
          {view === 'playground' ? (
            <Playground
              batchPath={batchPath}
              onOpenNewest={() => {
                if (batches[0] !== undefined) open(batches[0].batchId);
              }}
            />
          ) : shown === undefined ? (
            <p class="muted">Loading…</p>
          ) : (
            <BatchView key={shown.batchId} batch={shown} />
          )}
        </main>
      </div>
    </>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
