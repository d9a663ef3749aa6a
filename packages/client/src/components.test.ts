import type { InnerRequest } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { components, packComponents } from './components.js';

const get = (id: string, url = '/x', extra: Partial<InnerRequest> = {}): InnerRequest => ({
  id,
  method: 'GET',
  url,
  ...extra,
});

describe('components', () => {
  it('joins requests linked by dependsOn or by a reference in url, header or body', () => {
    const requests: InnerRequest[] = [
      get('a'),
      get('b'),
      get('c', '/items/${a#/body/id}'),
      get('d', '/x', { headers: { 'If-Match': '${b#/headers/etag}' } }),
      { id: 'e', method: 'POST', url: '/y', body: { nested: ['${d#/body}'] } },
      get('f'),
      get('g', '/x', { dependsOn: ['f'] }),
      get('h', '/literal/$${a#/body}'),
    ];
    expect(components(requests)).toEqual([[0, 2], [1, 3, 4], [5, 6], [7]]);
  });

  it('handles a long chain without deep recursion', () => {
    const chain = Array.from({ length: 5000 }, (_, i) =>
      get(`r${i}`, '/x', i === 0 ? {} : { dependsOn: [`r${i - 1}`] }),
    );
    expect(components(chain)).toHaveLength(1);
  });
});

describe('packComponents', () => {
  it('fills batches up to max in order, keeping each component whole', () => {
    expect(packComponents([[0, 2], [1], [3, 4, 5], [6]], 3)).toEqual({
      ok: true,
      batches: [[0, 1, 2], [3, 4, 5], [6]],
    });
  });

  it('names the first component above max', () => {
    expect(packComponents([[0], [1, 2, 3], [4, 5, 6, 7]], 2)).toEqual({ ok: false, group: [1, 2, 3] });
  });
});
