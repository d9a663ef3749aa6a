import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { batchError, isBatchError, isBatchItemError } from './errors.js';
import { headerOf, toResult, unwrap } from './result.js';

describe('toResult', () => {
  it('adds ok from the status, one attempt by default, and keeps bodyEncoding only when present', () => {
    expect(toResult({ id: 'a', status: 204, headers: {} })).toEqual({
      id: 'a',
      status: 204,
      headers: {},
      body: undefined,
      ok: true,
      attempts: 1,
    });
    expect(toResult({ id: 'a', status: 200, headers: {} }, 3).attempts).toBe(3);
    const bytes = toResult({ id: 'b', status: 200, headers: {}, body: 'AAE=', bodyEncoding: 'base64' });
    expect(bytes.bodyEncoding).toBe('base64');
    expect(toResult({ id: 'c', status: 302, headers: {} }).ok).toBe(false);
  });
});

describe('headerOf', () => {
  it('reads header names case-insensitively', () => {
    const result = toResult({
      id: 'a',
      status: 201,
      headers: { Location: '/x', 'Content-Type': 'text/plain' },
    });
    expect(headerOf(result, 'location')).toBe('/x');
    expect(headerOf(result, 'CONTENT-TYPE')).toBe('text/plain');
    expect(headerOf(result, 'etag')).toBeUndefined();
  });
});

describe('unwrap and BatchItemError', () => {
  it('returns the body of a 2xx result', () => {
    expect(unwrap(toResult({ id: 'a', status: 200, headers: {}, body: { n: 1 } }))).toEqual({ n: 1 });
  });

  it('throws a typed error carrying the result and its problem', () => {
    const problem = {
      type: PROBLEM_TYPES.dependencyFailed,
      title: 'Dependency failed',
      status: 424,
      dependency: 'a',
    };
    const result = toResult({ id: 'b', status: 424, headers: {}, body: problem });
    let caught: unknown;
    try {
      unwrap(result);
    } catch (error) {
      caught = error;
    }
    expect(isBatchItemError(caught)).toBe(true);
    expect(isBatchError(caught)).toBe(false);
    expect(caught).toMatchObject({ name: 'BatchItemError', kind: 'item', result, problem });
    expect((caught as Error).message).toBe('Request "b" answered 424 (Dependency failed)');
  });

  it('has no problem when the body is not one', () => {
    expect(() => unwrap(toResult({ id: 'c', status: 500, headers: {}, body: 'boom' }))).toThrow(
      expect.objectContaining({ problem: undefined, message: 'Request "c" answered 500 (non-2xx status)' }),
    );
  });
});

describe('batchError', () => {
  it('is an Error with the failure members and a message saying what happened', () => {
    const cause = new TypeError('fetch failed');
    const network = batchError({ kind: 'network', cause });
    expect(network).toBeInstanceOf(Error);
    expect(network).toMatchObject({ name: 'BatchError', kind: 'network', cause });
    expect(network.message).toMatch(/fetch failed/);
    expect(batchError({ kind: 'http', status: 502, body: '' }).message).toBe(
      'Batch endpoint answered HTTP 502',
    );
    expect(isBatchError(network)).toBe(true);
    expect(isBatchError(new Error('x'))).toBe(false);
  });
});
