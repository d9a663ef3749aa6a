import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Handle } from './handle.js';
import { type PathOf, type Reference, ref } from './ref.js';

interface Entry {
  id: number;
  tags: string[];
  author: { name: string };
}

const handleOf = <T>(id: string): Handle<T> => ({
  id,
  index: 0,
  // biome-ignore lint/suspicious/noThenProperty: a handle is awaitable.
  then: () => Promise.reject(new Error('not sent')),
  json: () => Promise.reject(new Error('not sent')),
});

describe('ref', () => {
  it('writes the spec token ${id#pointer}', () => {
    expect(ref(handleOf('create'), '/body/id')).toBe('${create#/body/id}');
    expect(ref(handleOf('a.b'), '/headers/Location')).toBe('${a.b#/headers/Location}');
    expect(ref(handleOf('1'), '')).toBe('${1#}');
    expect(ref(handleOf('1'), '/status')).toBe('${1#/status}');
  });

  it('interpolates into urls as a string', () => {
    const url = `/blogs/entries/${ref(handleOf<Entry>('create'), '/body/id')}`;
    expect(url).toBe('/blogs/entries/${create#/body/id}');
    expectTypeOf(ref(handleOf('x'), '/body')).toEqualTypeOf<Reference>();
  });

  it('accepts only real paths of a typed body', () => {
    const entry = handleOf<Entry>('e');
    expect(ref(entry, '/body/author/name')).toBe('${e#/body/author/name}');
    expect(ref(entry, '/body/tags/0')).toBe('${e#/body/tags/0}');
    // @ts-expect-error: Entry has no member "titel"
    expect(ref(entry, '/body/titel')).toBe('${e#/body/titel}');
    // @ts-expect-error: a pointer starts with "/"
    expect(() => ref(entry, 'body/id')).toThrow(TypeError);
    // @ts-expect-error: the response has only status, headers and body
    expect(ref(entry, '/data/id')).toBe('${e#/data/id}');
    expectTypeOf<PathOf<Entry>>().toEqualTypeOf<
      '/id' | '/tags' | `/tags/${number}` | '/author' | '/author/name'
    >();
  });

  it('accepts any body pointer when the body type is unknown', () => {
    expect(ref(handleOf('u'), '/body/anything/0/deep')).toBe('${u#/body/anything/0/deep}');
  });
});
