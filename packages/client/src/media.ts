/**
 * The protocol's media types and header names, as the client sends and reads them. They are the
 * constants of `@batchwire/schema` (`media.test.ts` checks that), kept here so the client loads
 * nothing of the schema package at run time.
 */

/** The media type of envelopes and consolidated answers. */
export const JSON_MEDIA_TYPE = 'application/json';

/** The media type of RFC 9457 problem bodies. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The media type of streamed answers. */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/** The header that makes a batch safe to send again. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The media type of a Content-Type value, lower case, without parameters (`""` when absent). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** Whether a Content-Type is JSON: `application/json` or any `application/*+json`. */
export function isJsonMediaType(contentType: string | null | undefined): boolean {
  const type = mediaTypeOf(contentType);
  return type === JSON_MEDIA_TYPE || (type.startsWith('application/') && type.endsWith('+json'));
}
