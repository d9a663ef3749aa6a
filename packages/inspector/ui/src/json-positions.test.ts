import { describe, expect, it } from 'vitest';
import { lineAndColumn, pointerRanges } from './json-positions.js';

describe('pointerRanges', () => {
  it('finds the text of every value by its JSON Pointer, escaped names included', () => {
    const text = '{\n  "requests": [\n    { "id": "a", "url": "/x", "a/b~c": [1, true, null] }\n  ]\n}';
    const ranges = pointerRanges(text);
    const at = (pointer: string) => {
      const range = ranges.get(pointer);
      return range === undefined ? undefined : text.slice(range.start, range.end);
    };
    expect(at('/requests/0/id')).toBe('"a"');
    expect(at('/requests/0/url')).toBe('"/x"');
    expect(at('/requests/0/a~1b~0c/1')).toBe('true');
    expect(at('/requests/0/a~1b~0c')).toBe('[1, true, null]');
    expect(at('')).toBe(text);
    const range = ranges.get('/requests/0/url');
    expect(range && lineAndColumn(text, range.start)).toEqual({ line: 3, column: 25 });
  });

  it('gives nothing for text that is not JSON', () => {
    expect(pointerRanges('{"a": ').size).toBe(0);
  });
});
