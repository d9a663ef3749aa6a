import type { Capabilities } from '@batchwire/schema';
import type { Feature } from '../case/feature.js';
import type { Level } from '../case/level.js';
import type { Evidence } from '../run/evidence.js';

/** How one case ended: a failed MUST (or SHOULD with --strict), a warning, a skip, or a harness error. */
export type ResultStatus = 'passed' | 'failed' | 'warned' | 'skipped' | 'errored';

/** The result of one case in a report. */
export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly requirements: readonly string[];
  readonly level: Level;
  readonly feature: Feature | null;
  readonly status: ResultStatus;
  /** Why it did not pass (or a note on a pass). */
  readonly reason?: string;
  readonly durationMs: number;
  /** Requests sent and responses received, for failures and warnings (volatile headers masked). */
  readonly evidence?: readonly Evidence[];
  /** Listed in the expected-failures baseline: reported, but it does not make the run fail. */
  readonly expectedFailure?: boolean;
}

/** Counts over the results of a run. */
export interface ReportSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly warned: number;
  readonly skipped: number;
  readonly errored: number;
}

/** The whole report of a run, as written to report.json and returned by runConformance. */
export interface Report {
  readonly suiteVersion: string;
  readonly specVersion: string;
  /** The batch endpoint tested. */
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly options: {
    readonly level: 'must' | 'should' | 'may';
    readonly strict: boolean;
    readonly fixtures: string;
    /** The endpoint was run as a gateway (its service root on another origin). */
    readonly gateway?: boolean;
    /** The service path inner urls were resolved under (`--service-path`). */
    readonly servicePath?: string;
  };
  /** The capabilities document the server returned, when it was valid. */
  readonly capabilities?: Capabilities;
  readonly summary: ReportSummary;
  /** Whether the server conforms: no failure outside the baseline, no stale baseline entry, no harness error. */
  readonly conformant: boolean;
  /** Baseline ids that passed or do not exist: the baseline must be updated. */
  readonly staleExpectedFailures: readonly string[];
  readonly results: readonly CaseResult[];
}

/** Counts results by status. */
export function summarize(results: readonly CaseResult[]): ReportSummary {
  const count = (status: ResultStatus) => results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    warned: count('warned'),
    skipped: count('skipped'),
    errored: count('errored'),
  };
}
