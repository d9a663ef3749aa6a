import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, recording, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import { toBatchResponse } from './serialize.js';
import type { DispatchRequest } from './types.js';

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'GET',
  url,
  ...extra,
});

describe('runBatch: references', () => {
  const created = (r: DispatchRequest) =>
    r.id === 'create'
      ? jsonResult(201, { id: 42, tags: ['x', 'y'], name: 'a b/c', nothing: null }, { Location: '/items/42' })
      : jsonResult(200, { ok: true });

  it('keeps the JSON type of a whole-string body reference and converts to text inside longer strings', async () => {
    const { dispatch, seen } = recording(created);
    await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: { n: 1 } },
          {
            id: 'use',
            method: 'POST',
            url: '/use',
            body: {
              id: '${create#/body/id}',
              tags: '${create#/body/tags}',
              none: '${create#/body/nothing}',
              text: 'id=${create#/body/id} status=${create#/status}',
              literal: 'cost $${price}',
            },
          },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const use = seen.find((r) => r.id === 'use')!;
    expect(use.body.kind === 'bytes' && JSON.parse(use.body.text)).toEqual({
      id: 42,
      tags: ['x', 'y'],
      none: null,
      text: 'id=42 status=201',
      literal: 'cost ${price}',
    });
  });

  it('percent-encodes a value substituted into the url and reads headers case-insensitively', async () => {
    const { dispatch, seen } = recording(created);
    await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: {} },
          get('read', '/things/${create#/body/id}?name=${create#/body/name}&at=${create#/headers/location}'),
          get('slash', '/things/${create#/body/name}'),
          get('hdr', '/h', { headers: { 'X-From': 'item ${create#/body/id}' } }),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.find((r) => r.id === 'read')?.url).toBe('/things/42?name=a%20b%2Fc&at=%2Fitems%2F42');
    // An encoded "/" produced in the path could reach another route: refused for that item.
    expect(seen.find((r) => r.id === 'slash')).toBeUndefined();
    expect(seen.find((r) => r.id === 'hdr')?.headers['x-from']).toBe('item 42');
  });

  it('answers 424 naming the pointer when a reference resolves to nothing, and never runs the request', async () => {
    const { dispatch, seen } = recording(created);
    const outcome = await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: {} },
          get('bad', '/things/${create#/body/missing}'),
          { id: 'bad-body', method: 'POST', url: '/x', body: { v: '${create#/body/tags/7}' } },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.map((r) => r.id)).toEqual(['create']);
    const [, bad, badBody] = toBatchResponse(outcome).responses;
    expect(bad).toMatchObject({
      status: 424,
      body: { type: PROBLEM_TYPES.unresolvedReference, pointer: '/body/missing', dependency: 'create' },
    });
    expect(badBody).toMatchObject({ status: 424, body: { pointer: '/body/tags/7' } });
    expect(outcome.summary.skipped).toBe(2);
  });

  it('re-checks a url and a header value after substitution (400 for that item only)', async () => {
    const { dispatch, seen } = recording((r) =>
      r.id === 'src' ? jsonResult(200, { dots: '..', crlf: 'a\r\nInjected: 1' }) : jsonResult(200, {}),
    );
    const outcome = await runBatch(
      accepted({
        requests: [
          get('src', '/src'),
          get('dots', '/a/${src#/body/dots}/b'),
          get('smuggle', '/h', { headers: { 'X-Value': '${src#/body/crlf}' } }),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.map((r) => r.id)).toEqual(['src']);
    const [, dots, smuggle] = toBatchResponse(outcome).responses;
    expect(dots).toMatchObject({
      status: 400,
      body: { errors: [{ pointer: '/requests/1/url', rule: 'url.dotSegment' }] },
    });
    expect(smuggle).toMatchObject({
      status: 400,
      body: { errors: [{ pointer: '/requests/2/headers/X-Value', rule: 'header.value' }] },
    });
  });

  it('resolves ${ID#} to the whole response and never follows __proto__ into a prototype', async () => {
    const { dispatch, seen } = recording((r) =>
      r.id === 'a' ? jsonResult(200, { v: 1 }) : jsonResult(200, {}),
    );
    const outcome = await runBatch(
      accepted({
        requests: [
          get('a', '/a'),
          JSON.parse(
            '{"id":"whole","method":"POST","url":"/w","body":{"all":"${a#}","__proto__":{"polluted":true}}}',
          ),
          get('proto', '/p/${a#/body/__proto__}'),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const whole = seen.find((r) => r.id === 'whole')!;
    const sent = whole.body.kind === 'bytes' ? JSON.parse(whole.body.text) : undefined;
    expect(sent.all).toMatchObject({ status: 200, body: { v: 1 } });
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(toBatchResponse(outcome).responses[2]?.status).toBe(424);
  });
});
