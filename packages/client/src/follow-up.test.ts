import type { BatchRequest } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up.js';
import type { BatchResult } from './result.js';

const result = (id: string, status: number, body: unknown = null): BatchResult => ({
  id,
  status,
  headers: { ETag: '"v1"' },
  body,
  ok: status >= 200 && status < 300,
  attempts: 1,
});

describe('followUp', () => {
  const original: BatchRequest = {
    requests: [
      { id: 'made', method: 'POST', url: '/items', body: { name: 'lamp shade' } },
      { id: 'limited', method: 'GET', url: '/limited' },
      {
        id: 'uses-both',
        method: 'PUT',
        url: '/items/${made#/body/id}/${limited#/body/slot}',
        headers: { 'If-Match': '${made#/headers/ETag}' },
        body: {
          whole: '${made#/body/id}',
          text: 'for ${made#/body/name}',
          kept: '${limited#/body}',
          lit: '$${made#/x}',
        },
        dependsOn: ['made', 'limited'],
      },
      { id: 'after', method: 'GET', url: '/after', dependsOn: ['uses-both'] },
    ],
    options: { onError: 'continue' },
  };
  const results = [
    result('made', 201, { id: 7, name: 'lamp shade' }),
    result('limited', 429),
    result('uses-both', 424),
    result('after', 424),
  ];

  it('keeps ids, drops succeeded dependencies and writes their values in place of their references', () => {
    const next = followUp(original, [1, 2, 3], results);
    expect(next.indices).toEqual([1, 2, 3]);
    expect(next.stuck).toEqual([]);
    expect(next.envelope.options).toEqual({ onError: 'continue' });
    expect(next.envelope.requests).toEqual([
      { id: 'limited', method: 'GET', url: '/limited' },
      {
        id: 'uses-both',
        method: 'PUT',
        url: '/items/7/${limited#/body/slot}',
        headers: { 'If-Match': '"v1"' },
        body: { whole: 7, text: 'for lamp shade', kept: '${limited#/body}', lit: '$${made#/x}' },
        dependsOn: ['limited'],
      },
      { id: 'after', method: 'GET', url: '/after', dependsOn: ['uses-both'] },
    ]);
  });

  it('percent-encodes a value written into a url, as the server does', () => {
    const envelope: BatchRequest = {
      requests: [original.requests[0]!, { id: 'n', method: 'GET', url: '/echo/${made#/body/name}' }],
    };
    expect(followUp(envelope, [1], results).envelope.requests[0]!.url).toBe('/echo/lamp%20shade');
  });

  it('leaves out a call that depends on one that failed for good, and every call waiting for it', () => {
    const failed = [result('made', 500), ...results.slice(1)];
    const next = followUp(original, [1, 2, 3], failed);
    expect(next.indices).toEqual([1]);
    expect(next.stuck).toEqual([2, 3]);
  });

  it('leaves out a call whose reference finds nothing in the earlier answer', () => {
    const envelope: BatchRequest = {
      requests: [original.requests[0]!, { id: 'n', method: 'GET', url: '/x/${made#/body/missing}' }],
    };
    expect(followUp(envelope, [1], results).stuck).toEqual([1]);
  });
});
