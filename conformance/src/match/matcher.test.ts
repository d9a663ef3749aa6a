import { describe, expect, it } from 'vitest';
import { match, validateMatcher } from './matcher.js';
import { describeMismatches } from './mismatch.js';

const holds = (actual: unknown, matcher: unknown) => match(actual, matcher).length === 0;

describe('match', () => {
  it('compares literals strictly and objects as subsets', () => {
    expect(holds({ a: 1, b: 2 }, { a: 1 })).toBe(true);
    expect(holds({ a: '1' }, { a: 1 })).toBe(false);
    expect(holds({ a: 1 }, { b: 1 })).toBe(false);
    expect(holds(null, null)).toBe(true);
  });

  it('compares arrays element by element with the same length', () => {
    expect(holds([1, { x: 2, y: 3 }], [1, { x: 2 }])).toBe(true);
    expect(holds([1, 2, 3], [1, 2])).toBe(false);
  });

  it('applies operators', () => {
    expect(holds(404, { $between: [400, 499] })).toBe(true);
    expect(holds(200, { $oneOf: [400, 413] })).toBe(false);
    expect(holds(3, { $type: 'integer', $gte: 1 })).toBe(true);
    expect(holds(1.5, { $type: 'integer' })).toBe(false);
    expect(holds('application/JSON; charset=utf-8', { $mediaType: 'application/json' })).toBe(true);
    expect(holds('AQID', { $base64: true, $length: 4 })).toBe(true);
    expect(holds('a/b', { $regex: '^a/', $endsWith: 'b', $startsWith: 'a', $contains: '/' })).toBe(true);
    expect(
      holds([{ p: '/a' }, { p: '/b' }], {
        $some: { p: '/b' },
        $every: { p: { $startsWith: '/' } },
        $none: { p: '/c' },
      }),
    ).toBe(true);
    expect(holds(200, { $not: { $between: [200, 299] } })).toBe(false);
    expect(holds(5, { $any: [4, 5] })).toBe(true);
    expect(holds(5, { $all: [{ $gt: 4 }, { $lt: 5 }] })).toBe(false);
    expect(holds({ a: { x: 1 } }, { a: { $eq: { x: 1 } } })).toBe(true);
    expect(holds({ a: { x: 1, y: 2 } }, { a: { $eq: { x: 1 } } })).toBe(false);
  });

  it('treats a missing member as absent, and fails other operators on it', () => {
    expect(holds({}, { a: { $absent: true } })).toBe(true);
    expect(holds({ a: 0 }, { a: { $absent: true } })).toBe(false);
    expect(holds({}, { a: { $type: 'string' } })).toBe(false);
    expect(holds({}, { a: { $exists: false } })).toBe(true);
  });

  it('matches header objects case-insensitively with $headers', () => {
    expect(
      holds({ 'Content-Type': 'text/plain' }, { $headers: { 'content-type': { $mediaType: 'text/plain' } } }),
    ).toBe(true);
    expect(holds({ 'Content-Type': 'text/plain' }, { 'content-type': { $exists: true } })).toBe(false);
  });

  it('reports where and how a value differs', () => {
    const mismatches = match({ responses: [{ status: 500 }] }, { responses: [{ status: 200 }] });
    expect(describeMismatches(mismatches)).toBe('at /responses/0/status: expected 200, got 500');
  });
});

describe('validateMatcher', () => {
  it('accepts well-formed matchers and reports the malformed ones', () => {
    expect(validateMatcher({ a: { $between: [1, 2] }, b: [{ $type: ['string', 'null'] }] })).toEqual([]);
    expect(validateMatcher({ a: { $between: [1] } })).toEqual(['/a: $between needs [low, high]']);
    expect(validateMatcher({ $regex: '(' })).toEqual(['(root): $regex is not a valid regular expression']);
    expect(validateMatcher({ $eq: 1, plain: 2 })).toEqual(['(root): mixes $operators with plain members']);
    expect(validateMatcher({ $some: { $wat: 1 } })).toEqual(['(root): $some (root): unknown operator $wat']);
  });
});
