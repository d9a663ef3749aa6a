import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import type { Scheduler } from './scheduler.js';

/** A scheduler whose timers and yields run only when the test says so. */
function manualScheduler() {
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  const yields: (() => void)[] = [];
  const scheduler: Scheduler = {
    setTimer(callback, ms) {
      const timer = { callback, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    yieldTurn: (callback) => yields.push(callback),
  };
  return { scheduler, timers, yields };
}

const envelope = (n: number) =>
  accepted({
    requests: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/x/${i}` })),
  });

describe('runBatch with an injected scheduler', () => {
  it('takes its deadline and request timeouts from the scheduler, and cancels them when done', async () => {
    const { scheduler, timers } = manualScheduler();
    const run = runBatch(envelope(2), () => new Promise(() => {}), {
      limits: { ...TEST_LIMITS, requestTimeoutMs: 50, batchTimeoutMs: 5_000 },
      scheduler,
    });
    expect(timers.map((t) => t.ms)).toEqual([5_000, 50]);
    // Fire the sweep once the items are overdue, as a runtime's clock would.
    await new Promise((done) => setTimeout(done, 60));
    timers[1]!.callback();
    const outcome = await run;
    expect(outcome.items.map((item) => item.status)).toEqual([504, 504]);
    expect(timers[0]!.cancelled).toBe(true);
  });

  it('yields through the scheduler when synchronous handlers hold the loop past a slice', async () => {
    const { scheduler, yields } = manualScheduler();
    const busy = () => {
      const until = performance.now() + 1;
      while (performance.now() < until) {
        // A synchronous handler doing real work.
      }
      return jsonResult(200, {});
    };
    const run = runBatch(envelope(200), busy, { limits: { ...TEST_LIMITS, maxConcurrency: 200 }, scheduler });
    let turns = 0;
    while (yields.length > 0) {
      turns++;
      yields.shift()!();
    }
    const outcome = await run;
    expect(turns).toBeGreaterThan(0);
    expect(outcome.summary.succeeded).toBe(200);
  });
});
