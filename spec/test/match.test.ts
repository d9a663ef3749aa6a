import { describe, expect, it } from 'vitest';
import { matchJson } from './support/match.js';

describe('example placeholder convention', () => {
  it('"..." matches any present value but not a missing member', () => {
    expect(matchJson({ a: '...' }, { a: { deep: [1] } })).toEqual([]);
    expect(matchJson({ a: '...' }, {})).toEqual(['/a: missing (expected "...")']);
  });

  it('a "...": "..." member allows unlisted members; without it they are reported', () => {
    expect(matchJson({ a: 1, '...': '...' }, { a: 1, b: 2 })).toEqual([]);
    expect(matchJson({ a: 1 }, { a: 1, b: 2 })).toEqual(['/b: unexpected member 2']);
  });

  it('a string ending in ... matches by prefix only', () => {
    expect(matchJson('application/json...', 'application/json; charset=utf-8')).toEqual([]);
    expect(matchJson('application/json...', 'text/plain')).toHaveLength(1);
  });

  it('arrays must match in length and element by element, numbers exactly', () => {
    expect(matchJson([1, '...'], [1, 'x'])).toEqual([]);
    expect(matchJson([1], [1, 2])).toHaveLength(1);
    expect(matchJson({ n: 3 }, { n: '3' })).toEqual(['/n: expected 3, got "3"']);
  });
});
