import * as schema from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import * as media from './media.js';

describe('media types and headers', () => {
  it('are the constants of @batchwire/schema', () => {
    expect(media.JSON_MEDIA_TYPE).toBe(schema.JSON_MEDIA_TYPE);
    expect(media.PROBLEM_MEDIA_TYPE).toBe(schema.PROBLEM_MEDIA_TYPE);
    expect(media.NDJSON_MEDIA_TYPE).toBe(schema.NDJSON_MEDIA_TYPE);
    expect(media.IDEMPOTENCY_KEY_HEADER).toBe(schema.IDEMPOTENCY_KEY_HEADER);
  });

  it('tell JSON content types apart exactly as the schema package does', () => {
    const samples = [
      'application/json',
      'Application/JSON; charset=utf-8',
      ' application/json ;charset=UTF-8',
      'application/problem+json',
      'application/vnd.api+json; q=1',
      'text/plain',
      'application/jsonx',
      'text/x+json',
      'multipart/mixed; boundary=x',
      'application/x-ndjson',
      '',
      undefined,
      null,
    ];
    for (const sample of samples)
      expect(media.isJsonMediaType(sample), String(sample)).toBe(schema.isJsonMediaType(sample));
  });
});
