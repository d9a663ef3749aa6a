import type { TimelineModel } from './timeline-model.js';

const HEIGHT = 40;

/** How many inner requests ran at each instant, on the timeline's axis, with the server's bound. */
export function ConcurrencyLane({ model }: { readonly model: TimelineModel }) {
  // Headroom above the bound, so a lane running at the bound is seen to touch it, not the frame.
  const top = Math.max(1, model.peakConcurrency, model.maxConcurrency ?? 0) * 1.25;
  const x = (at: number) => (at / model.axisMs) * 1000;
  const y = (open: number) => HEIGHT - (open / top) * (HEIGHT - 4);
  let d = `M 0 ${HEIGHT}`;
  let open = 0;
  for (const step of model.steps) {
    d += ` H ${x(step.at).toFixed(1)} V ${y(step.open).toFixed(1)}`;
    open = step.open;
  }
  d += ` H 1000 V ${y(open).toFixed(1)}`;
  const label =
    `At most ${model.peakConcurrency} ran at once` +
    (model.maxConcurrency === undefined ? '.' : `; the bound is ${model.maxConcurrency}.`);
  return (
    <div class="lane">
      <span class="label">running at once</span>
      <svg viewBox={`0 0 1000 ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <title>{label}</title>
        {model.maxConcurrency === undefined ? null : (
          <line
            class="bound"
            x1={0}
            x2={1000}
            y1={y(model.maxConcurrency)}
            y2={y(model.maxConcurrency)}
            vector-effect="non-scaling-stroke"
          />
        )}
        <path class="steps" d={d} vector-effect="non-scaling-stroke" />
      </svg>
    </div>
  );
}
