import { describe, expect, it } from 'vitest';
import { evaluatePointer, parsePointer, toPointer } from './json-pointer.js';

describe('JSON Pointer', () => {
  const doc = { body: { id: 7, 'a/b': 1, 'm~n': 2, list: [10, 20], nil: null }, status: 201 };

  it('evaluates members, escapes and array indices (RFC 6901)', () => {
    expect(evaluatePointer(doc, '/body/id')).toEqual({ found: true, value: 7 });
    expect(evaluatePointer(doc, '/body/a~1b')).toEqual({ found: true, value: 1 });
    expect(evaluatePointer(doc, '/body/m~0n')).toEqual({ found: true, value: 2 });
    expect(evaluatePointer(doc, '/body/list/1')).toEqual({ found: true, value: 20 });
    expect(evaluatePointer(doc, '/body/nil')).toEqual({ found: true, value: null });
    expect(evaluatePointer(doc, '')).toEqual({ found: true, value: doc });
  });

  it('finds nothing for missing members, bad indices and prototype keys', () => {
    for (const pointer of [
      '/body/missing',
      '/body/list/2',
      '/body/list/01',
      '/body/list/-',
      '/status/x',
      'body',
      '/body/~2',
    ]) {
      expect(evaluatePointer(doc, pointer)).toEqual({ found: false });
    }
    expect(evaluatePointer(doc, '/__proto__')).toEqual({ found: false });
    expect(evaluatePointer(doc, '/body/constructor')).toEqual({ found: false });
    expect(evaluatePointer(doc, '/body/list/length')).toEqual({ found: false });
  });

  it('round-trips segments through toPointer and parsePointer', () => {
    const segments = ['a/b', 'c~d', '', '0'];
    expect(parsePointer(toPointer(segments))).toEqual(segments);
    expect(toPointer([])).toBe('');
  });
});
