import { describe, expect, it } from 'vitest';
import { isEnvelopeMediaType, isJsonMediaType } from './media-types.js';

describe('media types', () => {
  it('matches application/json case-insensitively with parameters', () => {
    for (const value of [
      'application/json',
      'Application/JSON; charset=utf-8',
      ' application/json ;charset=UTF-8',
    ]) {
      expect(isEnvelopeMediaType(value), value).toBe(true);
      expect(isJsonMediaType(value), value).toBe(true);
    }
  });

  it('rejects other types and missing values', () => {
    for (const value of [
      'text/plain',
      'application/jsonx',
      'multipart/mixed; boundary=x',
      '',
      undefined,
      null,
    ]) {
      expect(isEnvelopeMediaType(value), String(value)).toBe(false);
    }
  });

  it('treats +json suffixes as JSON bodies but not as envelopes', () => {
    expect(isJsonMediaType('application/problem+json')).toBe(true);
    expect(isEnvelopeMediaType('application/problem+json')).toBe(false);
  });
});
