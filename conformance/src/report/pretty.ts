import type { CaseResult, Report } from './report.js';

const MARK: Record<CaseResult['status'], string> = {
  passed: 'ok  ',
  failed: 'FAIL',
  warned: 'warn',
  skipped: 'skip',
  errored: 'ERR ',
};

/** One progress line for a finished case: `[12/90] FAIL order.request-order (MUST): reason`. */
export function renderProgressLine(result: CaseResult, done: number, total: number): string {
  const width = String(total).length;
  const note = result.expectedFailure ? ' [expected failure]' : '';
  const reason = result.status === 'passed' || !result.reason ? '' : `: ${result.reason}`;
  return `[${String(done).padStart(width)}/${total}] ${MARK[result.status]} ${result.id} (${result.level})${note}${reason}`;
}

/** The closing lines of a pretty run: counts, stale baseline entries and the verdict. */
export function renderPrettySummary(report: Report): string {
  const s = report.summary;
  const lines = [
    '',
    `${s.total} cases: ${s.passed} passed, ${s.failed} failed, ${s.warned} warned, ${s.skipped} skipped, ${s.errored} errored (${report.durationMs} ms)`,
  ];
  if (report.staleExpectedFailures.length > 0) {
    lines.push(
      `stale expected failures (they pass or do not exist; remove them): ${report.staleExpectedFailures.join(', ')}`,
    );
  }
  lines.push(report.conformant ? `CONFORMANT: ${report.target}` : `NOT CONFORMANT: ${report.target}`);
  return `${lines.join('\n')}\n`;
}
