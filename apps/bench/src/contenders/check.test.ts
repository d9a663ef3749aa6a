import { describe, expect, it } from 'vitest';
import { batchwireInProcess } from './batchwire.js';
import { batchRequest, expressBatch, multifetch } from './peers.js';

const keyed = (n: number, entry: (i: number) => unknown, order = (i: number) => i) => {
  const value: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) value[`k${order(i)}`] = entry(order(i));
  return JSON.stringify(value);
};

describe('answer checks', () => {
  it('accept a right express-batch answer and reject a reordered or short one', () => {
    const right = keyed(3, (i) => ({ status: 200, result: { id: String(i) } }));
    expect(expressBatch.check(200, right, 3, 'get')).toBeUndefined();
    const reordered = keyed(
      3,
      (i) => ({ status: 200, result: { id: String(i) } }),
      (i) => 2 - i,
    );
    expect(expressBatch.check(200, reordered, 3, 'get')).toMatch(/order/);
    expect(expressBatch.check(200, right, 4, 'get')).toMatch(/3 results instead of 4/);
  });

  it('reject a wrong body, a wrong inner status and a non-200 batch', () => {
    const wrongBody = keyed(2, (i) => ({ statusCode: 200, body: { id: String(i + 1) } }));
    expect(batchRequest.check(200, wrongBody, 2, 'get')).toMatch(/item 0: body/);
    const failed = keyed(2, () => ({ statusCode: 500, headers: {}, body: null }));
    expect(multifetch.check(200, failed, 2, 'get')).toMatch(/status 500/);
    expect(expressBatch.check(431, '', 2, 'get')).toMatch(/HTTP 431/);
  });

  it("ignore multifetch's _error key but nothing else", () => {
    const value = JSON.parse(keyed(2, (i) => ({ statusCode: 200, headers: {}, body: { id: String(i) } })));
    expect(multifetch.check(200, JSON.stringify({ ...value, _error: false }), 2, 'get')).toBeUndefined();
    expect(multifetch.check(200, JSON.stringify({ ...value, extra: 1 }), 2, 'get')).toMatch(/3 results/);
  });

  it('check a Batchwire answer by id order, status and echoed POST body', () => {
    const responses = [0, 1].map((i) => ({
      id: `r${i}`,
      status: 200,
      headers: {},
      body: { echo: { n: i, name: `item-${i}` } },
    }));
    const summary = { total: 2, succeeded: 2, failed: 0, skipped: 0 };
    expect(batchwireInProcess.check(200, JSON.stringify({ responses, summary }), 2, 'post')).toBeUndefined();
    const swapped = JSON.stringify({ responses: [responses[1], responses[0]], summary });
    expect(batchwireInProcess.check(200, swapped, 2, 'post')).toMatch(/expected r0/);
    expect(batchwireInProcess.check(200, JSON.stringify({ responses }), 2, 'post')).toMatch(
      /not a Batchwire/,
    );
  });
});
