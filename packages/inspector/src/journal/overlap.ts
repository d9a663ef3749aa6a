/**
 * The most intervals open at one instant. An interval ending exactly when another starts does not
 * overlap it (the engine starts the next item in the same tick the previous one ends).
 */
export function peakOverlap(intervals: readonly { readonly start: number; readonly end: number }[]): number {
  const points = intervals.flatMap(({ start, end }) => [
    { at: start, delta: 1 },
    { at: end, delta: -1 },
  ]);
  points.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let open = 0;
  let peak = 0;
  for (const point of points) {
    open += point.delta;
    peak = Math.max(peak, open);
  }
  return peak;
}
