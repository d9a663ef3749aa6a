import { runScript, type Send } from './scripts.js';

/** A lease that could not be renewed. */
export type LeaseEvent =
  | { readonly kind: 'lease-lost' | 'run-too-long'; readonly key: string }
  | { readonly kind: 'renew-failed'; readonly key: string; readonly error: unknown };

/** A claim being renewed on a timer until `stop`. */
export interface RunningLease {
  stop(): void;
}

/** What {@link startLease} needs. */
export interface LeaseOptions {
  readonly send: Send;
  /** The store's key (for events). */
  readonly key: string;
  readonly redisKey: string;
  /** The exact value of the claim, compared before each renewal. */
  readonly claim: string;
  readonly leaseMs: number;
  /** Renewal stops after this long, so a run that never ends cannot hold its key for ever. */
  readonly maxRunMs: number;
  readonly report: (event: LeaseEvent) => void;
}

/**
 * Renews a claim every third of its lease while the run lasts, so a live holder never loses it
 * to two missed renewals, and a dead one loses it within one lease.
 */
export function startLease(options: LeaseOptions): RunningLease {
  const { send, key, redisKey, claim, leaseMs, maxRunMs, report } = options;
  const startedAt = Date.now();
  let stopped = false;
  let inFlight = false;
  const renew = async () => {
    if (Date.now() - startedAt >= maxRunMs) {
      stop();
      report({ kind: 'run-too-long', key });
      return;
    }
    if (inFlight) return;
    inFlight = true;
    try {
      const renewed = await runScript(send, 'renew', redisKey, [claim, String(leaseMs)]);
      // A reply after stop() may see the finished answer instead of the claim: not a loss.
      if (renewed !== 1 && !stopped) {
        stop();
        report({ kind: 'lease-lost', key });
      }
    } catch (error) {
      if (!stopped) report({ kind: 'renew-failed', key, error });
    } finally {
      inFlight = false;
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1, Math.floor(leaseMs / 3)));
  // A pending renewal never keeps a process alive on its own.
  timer.unref?.();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return { stop };
}
