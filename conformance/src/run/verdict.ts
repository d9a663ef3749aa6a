import type { Evidence } from './evidence.js';

/** What running a case decided, before the level turns it into a reported status. */
export type Verdict =
  | { readonly kind: 'pass'; readonly note?: string }
  | { readonly kind: 'fail'; readonly reason: string; readonly evidence?: readonly Evidence[] }
  | { readonly kind: 'skip'; readonly reason: string };

/** A passing verdict. */
export const PASS: Verdict = { kind: 'pass' };

/** A failing verdict with its reason and the exchanges that show it. */
export function failVerdict(reason: string, ...evidence: Evidence[]): Verdict {
  return evidence.length > 0 ? { kind: 'fail', reason, evidence } : { kind: 'fail', reason };
}
