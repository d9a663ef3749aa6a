import { parseBatch } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { batchPathProblem, routeKey } from './batch-path.js';

const parsed = (...urls: string[]) => {
  const result = parseBatch({
    requests: urls.map((url, i) => ({ id: `r${i}`, method: 'POST', url, body: {} })),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result;
};

describe('batch endpoint spellings', () => {
  it('compares paths the way a lenient router routes them', () => {
    expect(routeKey('/Batch/')).toBe('/batch');
    expect(routeKey('/api//batch')).toBe('/api/batch');
    expect(routeKey('/%62atch')).toBe('/batch');
    expect(routeKey('/%zz')).toBe('/%zz');
  });

  it('rejects every visible spelling of the endpoint, naming each url', () => {
    const problem = batchPathProblem(
      parsed('/ok', '/batch', '/BATCH', '/batch/', '/Batch?x=1', '/%62atch'),
      '',
      '/batch',
    );
    expect(problem?.status).toBe(400);
    expect(problem?.errors?.map((e) => [e.pointer, e.rule])).toEqual([
      ['/requests/1/url', 'url.recursion'],
      ['/requests/2/url', 'url.recursion'],
      ['/requests/3/url', 'url.recursion'],
      ['/requests/4/url', 'url.recursion'],
      ['/requests/5/url', 'url.recursion'],
    ]);
  });

  it('resolves urls against the service path before comparing', () => {
    expect(batchPathProblem(parsed('/batch'), '/api', '/api/batch')?.errors).toHaveLength(1);
    expect(batchPathProblem(parsed('/batch'), '/api', '/batch')).toBeUndefined();
  });

  it('leaves other routes and reference-built urls to run time', () => {
    const result = parseBatch({
      requests: [
        { id: 'a', method: 'GET', url: '/batches' },
        { id: 'b', method: 'GET', url: '/batch/items' },
        { id: 'c', method: 'GET', url: '/${a#/body/next}' },
      ],
    });
    if (!result.ok) throw new Error('unexpected');
    expect(batchPathProblem(result, '', '/batch')).toBeUndefined();
  });
});
