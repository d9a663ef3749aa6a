import type { JournalBatchSummary } from '../../src/journal/types.js';

function describe(batch: JournalBatchSummary): string {
  const status = batch.status === undefined ? 'running' : String(batch.status);
  const parts = [`${status}`, `${batch.itemCount} item${batch.itemCount === 1 ? '' : 's'}`];
  if (batch.durationMs !== undefined) parts.push(`${batch.durationMs.toFixed(0)} ms`);
  if (batch.summary !== undefined)
    parts.push(
      `${batch.summary.succeeded} ok, ${batch.summary.failed} failed, ${batch.summary.skipped} skipped`,
    );
  if (batch.problemTitle !== undefined) parts.push(batch.problemTitle);
  if (batch.streaming) parts.push('streamed');
  if (batch.replayed) parts.push('replayed');
  if (batch.disconnected) parts.push('client left');
  return parts.join(' · ');
}

/** The journal: the last batches, newest first, each a button that opens its timeline. */
export function JournalList({
  batches,
  selected,
  onSelect,
}: {
  readonly batches: readonly JournalBatchSummary[];
  readonly selected: string | undefined;
  readonly onSelect: (batchId: string) => void;
}) {
  return (
    <nav aria-labelledby="journal-title" class="journal">
      <h2 id="journal-title">Journal</h2>
      {batches.length === 0 ? (
        <p class="muted">No batch yet: send one from the playground or with curl.</p>
      ) : null}
      <ol>
        {batches.map((batch) => (
          <li key={batch.batchId}>
            <button
              type="button"
              data-testid="journal-entry"
              class={`entry ${batch.status === undefined ? 'running' : batch.status < 400 ? 'ok' : 'failed'}${
                selected === batch.batchId ? ' selected' : ''
              }`}
              aria-current={selected === batch.batchId ? 'true' : undefined}
              onClick={() => onSelect(batch.batchId)}
            >
              <time dateTime={new Date(batch.receivedAt).toISOString()}>
                {new Date(batch.receivedAt).toLocaleTimeString()}
              </time>
              <span>{describe(batch)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
