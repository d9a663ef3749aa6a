import { DEFAULT_LIMITS, PROBLEM_TYPES } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postBatch, refuseBatch, runBatch } from '../test-support/batch.js';
import { MODES, startTopology, type Topology } from '../test-support/topology.js';

const MAX_BODY_BYTES = 2000;

/** An envelope of exactly `size` bytes: one echo request whose body string pads it out. */
function envelopeOfSize(size: number): string {
  const build = (padding: string) =>
    `{"requests":[{"id":"a","method":"POST","url":"/_conformance/echo","body":"${padding}"}]}`;
  return build('x'.repeat(size - build('').length));
}

/** An envelope whose deepest container is at `depth` (root object = 1, body = 4). */
function envelopeOfDepth(depth: number): string {
  const arrays = depth - 3;
  return `{"requests":[{"id":"a","method":"POST","url":"/_conformance/echo","body":${'['.repeat(arrays)}${']'.repeat(arrays)}}]}`;
}

describe.each(MODES)('%s mode: limits are enforced exactly at their advertised values', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode, { limits: { maxBodyBytes: MAX_BODY_BYTES } });
  });
  afterAll(() => t.close());

  it('req-limit-2/3: accepts a body of exactly maxBodyBytes and refuses one byte more with 413', async () => {
    const exact = envelopeOfSize(MAX_BODY_BYTES);
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY_BYTES);
    const accepted = await runBatch(t, exact);
    expect(accepted.responses[0]?.status).toBe(200);
    const problem = await refuseBatch(t, envelopeOfSize(MAX_BODY_BYTES + 1), 413);
    expect(problem.type).toBe(PROBLEM_TYPES.limitExceeded);
    expect(problem.limit).toEqual({ name: 'maxBodyBytes', value: MAX_BODY_BYTES });
  });

  it('req-validate-6: accepts nesting of exactly maxJsonDepth and refuses one level more with 400', async () => {
    const accepted = await runBatch(t, envelopeOfDepth(DEFAULT_LIMITS.maxJsonDepth));
    expect(accepted.responses[0]?.status).toBe(200);
    const problem = await refuseBatch(t, envelopeOfDepth(DEFAULT_LIMITS.maxJsonDepth + 1), 400);
    expect(problem.type).toBe(PROBLEM_TYPES.limitExceeded);
    expect(problem.limit).toEqual({ name: 'maxJsonDepth', value: DEFAULT_LIMITS.maxJsonDepth });
  });

  it('refuses an oversized body that announces no length (chunked) with 413', async () => {
    const res = await fetch(`${t.origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([envelopeOfSize(MAX_BODY_BYTES * 4)]).stream(),
      duplex: 'half',
      signal: AbortSignal.timeout(10_000),
    } as RequestInit & { duplex: 'half' });
    expect(res.status).toBe(413);
    await res.body?.cancel();
    const after = await postBatch(t, {
      requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200' }],
    });
    expect(after.status).toBe(200);
  });
});
