import type { Level } from '../case/level.js';
import type { ResultStatus } from '../report/report.js';
import type { Verdict } from './verdict.js';

/** Turns a verdict into a reported status: a failed MUST fails, a failed SHOULD warns (fails with strict), a failed MAY warns. */
export function statusOf(verdict: Verdict, level: Level, strict: boolean): ResultStatus {
  if (verdict.kind === 'pass') return 'passed';
  if (verdict.kind === 'skip') return 'skipped';
  if (level === 'MUST' || (level === 'SHOULD' && strict)) return 'failed';
  return 'warned';
}
