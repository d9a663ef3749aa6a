interface StoredShape {
  readonly responses: readonly Record<string, unknown>[];
  readonly summary: unknown;
}

/** A stored consolidated response as NDJSON text: items in request order with `index`, then the summary. */
export function replayLines(body: string): string {
  const stored = JSON.parse(body) as StoredShape;
  let out = '';
  stored.responses.forEach((response, index) => {
    out += `${JSON.stringify({ ...response, index })}\n`;
  });
  return `${out}${JSON.stringify({ summary: stored.summary })}\n`;
}
