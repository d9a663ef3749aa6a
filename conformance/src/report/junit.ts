import type { CaseResult, Report } from './report.js';

/** XML 1.0 cannot carry control characters other than tab, line feed and carriage return. */
function dropControls(text: string): string {
  return Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d ? '?' : char;
  }).join('');
}

function xml(text: string): string {
  return dropControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function testcase(result: CaseResult): string {
  const open = `    <testcase classname="batchwire.${xml(result.id.split('.')[0] ?? 'case')}" name="${xml(`${result.id} [${result.level}] ${result.title}`)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
  const detail = xml(
    `${result.reason ?? ''}\nrequirements: ${result.requirements.join(', ')}${result.evidence ? `\nevidence: ${JSON.stringify(result.evidence, null, 2)}` : ''}`,
  );
  switch (result.status) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xml(result.reason ?? '')}"/>\n    </testcase>`;
    case 'errored':
      return `${open}>\n      <error message="${xml(result.reason ?? '')}">${detail}</error>\n    </testcase>`;
    case 'warned':
      return `${open}>\n      <system-out>WARNING (${result.level}): ${detail}</system-out>\n    </testcase>`;
    default: {
      const tag = result.expectedFailure ? 'skipped' : 'failure';
      const message = result.expectedFailure
        ? `expected failure (baseline): ${result.reason ?? ''}`
        : (result.reason ?? '');
      return `${open}>\n      <${tag} message="${xml(message)}">${detail}</${tag}>\n    </testcase>`;
    }
  }
}

/**
 * The report as JUnit XML: a failed case is a `<failure>` (the server's fault), an errored one an
 * `<error>` (the harness's), a skipped one or a baseline-listed failure `<skipped>`, a warning a pass with output.
 */
export function renderJunit(report: Report): string {
  const s = report.summary;
  const failures = report.results.filter((r) => r.status === 'failed' && !r.expectedFailure).length;
  const skipped = s.skipped + report.results.filter((r) => r.status === 'failed' && r.expectedFailure).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="batchwire-conformance" tests="${s.total}" failures="${failures}" errors="${s.errored}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${xml(`Batchwire v${report.specVersion} conformance: ${report.target}`)}" tests="${s.total}" failures="${failures}" errors="${s.errored}" skipped="${skipped}" timestamp="${report.startedAt}">`,
    ...report.results.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
