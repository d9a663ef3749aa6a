import type { ServerResponse } from 'node:http';
import { NDJSON_MEDIA_TYPE } from '@batchwire/schema';

interface StoredShape {
  readonly responses: readonly Record<string, unknown>[];
  readonly summary: unknown;
}

/** Replays a stored consolidated response as NDJSON: items in request order with `index`, then the summary. */
export function replayStream(res: ServerResponse, body: string, headers: Record<string, string>): void {
  const stored = JSON.parse(body) as StoredShape;
  res.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', NDJSON_MEDIA_TYPE);
  let out = '';
  stored.responses.forEach((response, index) => {
    out += `${JSON.stringify({ ...response, index })}\n`;
  });
  res.end(`${out}${JSON.stringify({ summary: stored.summary })}\n`);
}
