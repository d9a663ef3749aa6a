import { useState } from 'preact/hooks';
import type { JournalBatch } from '../../src/journal/types.js';
import { HeadersView } from './body-view.js';
import { ItemDetail } from './item-detail.js';
import { Timeline } from './timeline.js';

/** One batch: outer answer, timeline and the detail of the chosen item. */
export function BatchView({ batch }: { readonly batch: JournalBatch }) {
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const item = selected === undefined ? undefined : batch.items[selected];
  return (
    <section class="batch" aria-labelledby="batch-title">
      <h2 id="batch-title">
        Batch <code>{batch.batchId}</code>: {batch.status ?? 'running'}
      </h2>
      <p>
        {batch.itemCount} inner requests · {batch.streaming ? 'streamed (NDJSON)' : 'consolidated JSON'}
        {batch.replayed ? ' · idempotent replay' : ''}
        {batch.onError === 'stop' ? ' · onError: stop' : ''}
        {batch.durationMs === undefined ? '' : ` · ${batch.durationMs.toFixed(1)} ms`}
      </p>
      {batch.problem === undefined ? null : (
        <div class="problem">
          <p>
            <strong>{batch.problem.title}</strong>: {batch.problem.detail}
          </p>
          <ul>
            {(batch.problem.errors ?? []).map((error) => (
              <li key={`${error.pointer}${error.rule}`}>
                <code>{error.pointer || '(root)'}</code> {error.rule ? <code>{error.rule}</code> : null}{' '}
                {error.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary>Outer request headers</summary>
        <HeadersView headers={batch.headers} />
      </details>
      {batch.replayed ? (
        <p data-testid="replayed">
          Idempotent replay: the answer stored for this Idempotency-Key was sent again; no inner request ran.
        </p>
      ) : batch.items.length === 0 ? null : (
        <Timeline batch={batch} selected={selected} onSelect={setSelected} />
      )}
      {item === undefined ? (
        batch.items.length === 0 ? null : (
          <p class="muted">Choose a row to see the request as dispatched and its response.</p>
        )
      ) : (
        <ItemDetail item={item} />
      )}
    </section>
  );
}
