/**
 * The most intervals open at one instant. An interval ending exactly when another starts does not
 * overlap it (the engine starts the next item in the same tick the previous one ends).
 */
export function peakOverlap(intervals: readonly { readonly start: number; readonly end: number }[]): number {
  return Math.max(0, ...concurrencySteps(intervals).map((step) => step.open));
}

/** How many intervals are open from each instant on (a step function, in time order). */
export function concurrencySteps(
  intervals: readonly { readonly start: number; readonly end: number }[],
): { at: number; open: number }[] {
  const points = intervals.flatMap(({ start, end }) => [
    { at: start, delta: 1 },
    { at: end, delta: -1 },
  ]);
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const steps: { at: number; open: number }[] = [];
  let open = 0;
  for (const point of points) {
    open += point.delta;
    const last = steps.at(-1);
    if (last !== undefined && last.at === point.at) last.open = open;
    else steps.push({ at: point.at, open });
  }
  return steps;
}
