import type { JournalBatch } from '../../src/journal/types.js';
import { ConcurrencyLane } from './concurrency-lane.js';
import { timelineModel } from './timeline-model.js';

const ROW_HEIGHT = 30;

const pct = (value: number, axis: number) => `${((value / axis) * 100).toFixed(3)}%`;

/** The rows of a batch on one time axis, edges between dependent rows, the concurrency bound. */
export function Timeline({
  batch,
  selected,
  onSelect,
}: {
  readonly batch: JournalBatch;
  readonly selected: number | undefined;
  readonly onSelect: (index: number) => void;
}) {
  const model = timelineModel(batch);
  const height = model.rows.length * ROW_HEIGHT;
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      <p data-testid="concurrency">
        Peak concurrency <strong>{model.peakConcurrency}</strong>
        {model.maxConcurrency === undefined ? '' : ` of at most ${model.maxConcurrency}`} · axis{' '}
        {model.axisMs.toFixed(0)} ms · <span class="legend ok">2xx</span>{' '}
        <span class="legend redirect">3xx</span> <span class="legend client">4xx</span>{' '}
        <span class="legend server">5xx</span> <span class="legend never">not run</span>
      </p>
      <ConcurrencyLane model={model} />
      <div class="timeline">
        <ol class="rows" aria-label="Inner requests in request order">
          {model.rows.map((row) => (
            <li key={row.item.index}>
              <button
                type="button"
                class={`row${selected === row.item.index ? ' selected' : ''}`}
                aria-pressed={selected === row.item.index}
                data-testid="timeline-row"
                onClick={() => onSelect(row.item.index)}
              >
                <span class="label">
                  <code>{row.item.id}</code> {row.item.method} {row.item.url}
                </span>
                <span class="track">
                  {row.start !== undefined && row.end !== undefined ? (
                    <span
                      class={`bar ${row.statusClass}`}
                      data-testid="bar"
                      data-start={row.start}
                      data-end={row.end}
                      style={{
                        left: pct(row.start, model.axisMs),
                        width: pct(Math.max(row.end - row.start, 0), model.axisMs),
                      }}
                      title={`${row.item.response?.status ?? ''} · ${(row.end - row.start).toFixed(1)} ms`}
                    >
                      {row.item.response?.status}
                    </span>
                  ) : row.statusClass === 'never' ? (
                    <span class="never-ran" data-testid="never-ran">
                      {row.item.response?.status} not run: {row.reason ?? 'the engine answered it'}
                    </span>
                  ) : (
                    <span class="muted">running…</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <svg
          class="edges"
          viewBox={`0 0 1000 ${height}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          style={{ height }}
        >
          {model.edges.map((edge) => {
            const from = model.rows[edge.from];
            const to = model.rows[edge.to];
            const x1 = ((from?.end ?? 0) / model.axisMs) * 1000;
            const x2 = ((to?.start ?? to?.end ?? from?.end ?? 0) / model.axisMs) * 1000;
            return (
              <line
                key={`${edge.from}-${edge.to}`}
                class={`edge ${edge.kind}`}
                x1={x1}
                y1={edge.from * ROW_HEIGHT + ROW_HEIGHT / 2}
                x2={x2}
                y2={edge.to * ROW_HEIGHT + ROW_HEIGHT / 2}
                vector-effect="non-scaling-stroke"
              />
            );
          })}
        </svg>
      </div>
      <p class="muted">Edges: solid for dependsOn, dashed for references.</p>
    </section>
  );
}
