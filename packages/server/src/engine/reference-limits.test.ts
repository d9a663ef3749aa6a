import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, recording, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import { toBatchResponse } from './serialize.js';

describe('runBatch: what references may insert', () => {
  const big = 'x'.repeat(10_000);
  const answer = () =>
    recording((r) =>
      r.id === 'src' ? jsonResult(200, { big, odd: '\ud800' }) : jsonResult(200, { ok: true }),
    );

  it('refuses (413, not executed) a request whose references would insert more than the budget', async () => {
    const { dispatch, seen } = answer();
    const tokens = '${src#/body/big}'.repeat(300);
    const outcome = await runBatch(
      accepted({
        requests: [
          { id: 'src', method: 'GET', url: '/src' },
          { id: 'header', method: 'GET', url: '/h', headers: { 'X-A': tokens } },
          { id: 'body', method: 'POST', url: '/b', body: { v: tokens } },
          {
            id: 'members',
            method: 'POST',
            url: '/m',
            body: Array.from({ length: 300 }, () => '${src#/body}'),
          },
          { id: 'small', method: 'POST', url: '/s', body: { v: '${src#/body/big}' } },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS, maxResolvedBytes: 100_000 },
    );
    const [, header, body, members, small] = toBatchResponse(outcome).responses;
    for (const [item, pointer] of [
      [header, '/requests/1/headers/X-A'],
      [body, '/requests/2/body'],
      [members, '/requests/3/body'],
    ] as const) {
      expect(item).toMatchObject({
        status: 413,
        body: { type: PROBLEM_TYPES.limitExceeded, limit: { name: 'maxBodyBytes', value: 100_000 } },
      });
      expect((item!.body as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe(pointer);
    }
    expect(small?.status).toBe(200);
    expect(seen.map((r) => r.id)).toEqual(['src', 'small']);
    expect(outcome.summary).toEqual({ total: 5, succeeded: 2, failed: 0, skipped: 3 });
  });

  it('answers 400 invalid-resolved-url when a referenced string cannot be encoded in a url', async () => {
    const { dispatch, seen } = answer();
    const outcome = await runBatch(
      accepted({
        requests: [
          { id: 'src', method: 'GET', url: '/src' },
          { id: 'use', method: 'GET', url: '/items/${src#/body/odd}' },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const use = toBatchResponse(outcome).responses[1];
    expect(use).toMatchObject({ status: 400, body: { type: PROBLEM_TYPES.invalidResolvedUrl } });
    expect((use!.body as { errors: { rule: string }[] }).errors[0]?.rule).toBe('url.encoding');
    expect(seen.map((r) => r.id)).toEqual(['src']);
  });
});
