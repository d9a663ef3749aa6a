/** One way an actual value differs from what a matcher asked for. */
export interface Mismatch {
  /** JSON Pointer of the value inside the matched document. */
  readonly path: string;
  /** What was expected, for a person. */
  readonly expected: string;
  /** What was found, for a person. */
  readonly actual: string;
}

/** Renders mismatches as one line each: `at /path: expected X, got Y`. */
export function describeMismatches(mismatches: readonly Mismatch[], max = 5): string {
  const lines = mismatches
    .slice(0, max)
    .map((m) => `at ${m.path || '(root)'}: expected ${m.expected}, got ${m.actual}`);
  if (mismatches.length > max) lines.push(`…and ${mismatches.length - max} more`);
  return lines.join('; ');
}
