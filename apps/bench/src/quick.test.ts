import { describe, expect, it } from 'vitest';
import { CONTENDERS } from './contenders/index.js';
import { machineInfo } from './machine.js';
import { QUICK_PLAN } from './plan.js';
import { correctnessFailures, markdownReport } from './report.js';
import { runBench } from './run.js';

// Quick mode end to end: every contender in its own server process on 127.0.0.1, every answer checked
// for count and order. No speed is asserted: figures on shared CI machines mean nothing.
describe('quick mode', () => {
  it('gets a right answer from every contender at every N, streamed batch included', {
    timeout: 90_000,
  }, async () => {
    const result = await runBench(QUICK_PLAN);
    expect(correctnessFailures(result)).toEqual([]);
    for (const contender of CONTENDERS) {
      for (const n of QUICK_PLAN.ns) {
        const found = result.cases.find(
          (c) => c.contender === contender.id && c.n === n && c.workload === 'get',
        );
        expect(found?.latencyMs.samples, `${contender.id} N=${n}`).toBe(1);
      }
      const post = result.cases.find((c) => c.contender === contender.id && c.workload === 'post');
      expect(post !== undefined, `${contender.id} POST`).toBe(contender.workloads.includes('post'));
    }
    const stream = result.streams.find((s) => s.mode === 'ndjson');
    expect(stream?.items).toBe(QUICK_PLAN.streamItems);
    expect(stream?.error).toBeUndefined();
    const table = markdownReport(result, machineInfo(), new Date());
    expect(table).toContain('x express-batch');
    expect(table).not.toContain('| NO');
  });
});
