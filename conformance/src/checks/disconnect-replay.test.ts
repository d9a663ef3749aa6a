import { describe, expect, it } from 'vitest';
import { problemEntryFault } from './disconnect-replay.js';

const problemHeaders = { 'Content-Type': 'application/problem+json' };
const abandoned = {
  id: 'slow',
  status: 503,
  headers: problemHeaders,
  body: { type: 'about:blank', title: 'Service Unavailable', status: 503 },
};

describe('problemEntryFault', () => {
  it('accepts a problem entry with type, title and its own status', () => {
    expect(problemEntryFault(abandoned)).toBeUndefined();
  });

  it('reads the media type case-insensitively, parameters aside', () => {
    const headers = { 'content-type': 'Application/Problem+JSON; charset=utf-8' };
    expect(problemEntryFault({ ...abandoned, headers })).toBeUndefined();
  });

  it('leaves entries that are no problem alone', () => {
    expect(problemEntryFault({ id: 'a', status: 200, headers: {}, body: {} })).toBeUndefined();
    expect(problemEntryFault({ id: 'b', status: 500, headers: {}, body: 'oops' })).toBeUndefined();
  });

  it.each([
    ['an empty body', {}, 'no string type or title'],
    ['a body that is no object', 'gone', 'its body is no object'],
    ['a missing title', { type: 'about:blank', status: 503 }, 'no string title'],
    ['a status that is not the entry status', { type: 'about:blank', title: 'x', status: 500 }, 'status 500'],
    ['no status', { type: 'about:blank', title: 'x' }, 'status undefined'],
  ])('reports %s', (_name, body, reason) => {
    expect(problemEntryFault({ ...abandoned, body })).toContain(reason);
  });
});
