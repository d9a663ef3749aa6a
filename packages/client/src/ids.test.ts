import { describe, expect, it } from 'vitest';
import { createIdAllocator } from './ids.js';

describe('createIdAllocator', () => {
  it('generates "1", "2", ... in call order', () => {
    const ids = createIdAllocator();
    expect([ids.take(), ids.take(), ids.take()]).toEqual(['1', '2', '3']);
  });

  it('keeps given ids and skips them when generating', () => {
    const ids = createIdAllocator();
    expect(ids.take('2')).toBe('2');
    expect(ids.take()).toBe('1');
    expect(ids.take()).toBe('3');
    expect(ids.take('create-entry')).toBe('create-entry');
  });

  it('refuses a duplicate id, case-sensitively', () => {
    const ids = createIdAllocator();
    ids.take('a');
    expect(ids.take('A')).toBe('A');
    expect(() => ids.take('a')).toThrow(/Duplicate request id "a"/);
  });

  it.each(['', 'with space', 'slash/id', 'x'.repeat(129), 'ünïcode'])('refuses the invalid id %j', (id) => {
    expect(() => createIdAllocator().take(id)).toThrow(TypeError);
  });
});
