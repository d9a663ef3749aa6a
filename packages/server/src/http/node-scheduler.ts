import type { Scheduler } from '../engine/scheduler.js';

/**
 * The scheduler node:http hosts give the engine: `setImmediate` yields right after pending I/O,
 * where the portable `setTimeout(0)` would idle for at least a millisecond per slice.
 */
export const nodeScheduler: Scheduler = {
  setTimer(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
  yieldTurn(callback) {
    setImmediate(callback);
  },
};
