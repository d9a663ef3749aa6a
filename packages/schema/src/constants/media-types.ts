/** Media type of a batch envelope and of its consolidated response. */
export const JSON_MEDIA_TYPE = 'application/json';

/** Media type of every envelope-level error (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Media type of a streamed batch response: one JSON record per line. */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * Whether a Content-Type header value denotes JSON: case-insensitive, parameters allowed,
 * `+json` structured suffixes included (`Application/JSON; charset=utf-8` is JSON).
 */
export function isJsonMediaType(contentType: string | undefined | null): boolean {
  if (typeof contentType !== 'string') return false;
  const essence = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return essence === JSON_MEDIA_TYPE || (essence.startsWith('application/') && essence.endsWith('+json'));
}

/** Whether a Content-Type header value is exactly `application/json` (any case, any parameters). */
export function isEnvelopeMediaType(contentType: string | undefined | null): boolean {
  if (typeof contentType !== 'string') return false;
  return contentType.split(';', 1)[0]!.trim().toLowerCase() === JSON_MEDIA_TYPE;
}
