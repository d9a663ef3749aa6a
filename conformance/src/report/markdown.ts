import type { CaseResult, Report } from './report.js';

const ICON: Record<CaseResult['status'], string> = {
  passed: '✅',
  failed: '❌',
  warned: '⚠️',
  skipped: '⏭️',
  errored: '💥',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as Markdown, for `$GITHUB_STEP_SUMMARY` or a pull request comment. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const verdict = report.conformant ? '✅ **Conformant**' : '❌ **Not conformant**';
  const lines = [
    `# Batchwire v${report.specVersion} conformance`,
    '',
    `${verdict}: \`${report.target}\` (suite ${report.suiteVersion}, ${report.options.strict ? 'strict' : 'not strict'}, level ${report.options.level})`,
    '',
    '| total | passed | failed | warned | skipped | errored |',
    '|---|---|---|---|---|---|',
    `| ${s.total} | ${s.passed} | ${s.failed} | ${s.warned} | ${s.skipped} | ${s.errored} |`,
    '',
  ];
  if (report.staleExpectedFailures.length > 0) {
    lines.push(
      `**Stale baseline entries** (remove them): ${report.staleExpectedFailures.map((id) => `\`${id}\``).join(', ')}`,
      '',
    );
  }
  const notable = report.results.filter((r) => r.status !== 'passed' && r.status !== 'skipped');
  if (notable.length > 0) {
    lines.push('## Problems', '', '| | case | level | requirements | reason |', '|---|---|---|---|---|');
    for (const r of notable) {
      const note = r.expectedFailure ? ' (expected failure)' : '';
      lines.push(
        `| ${ICON[r.status]} | \`${r.id}\`${note} | ${r.level} | ${r.requirements.join(', ')} | ${cell(r.reason ?? '')} |`,
      );
    }
    lines.push('');
  }
  const skipped = report.results.filter((r) => r.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('<details><summary>Skipped cases</summary>', '');
    for (const r of skipped) lines.push(`- \`${r.id}\`: ${r.reason ?? ''}`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
