import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderPrettySummary, renderProgressLine } from './pretty.js';
import { type CaseResult, type Report, summarize } from './report.js';

const result = (id: string, status: CaseResult['status'], extra: Partial<CaseResult> = {}): CaseResult => ({
  id,
  title: `title of ${id}`,
  requirements: ['req-order-1'],
  level: 'MUST',
  feature: null,
  status,
  durationMs: 12,
  ...extra,
});

const results = [
  result('a.pass', 'passed'),
  result('a.fail', 'failed', { reason: 'expected 400, got <500> & "more"\u0001' }),
  result('a.known', 'failed', { reason: 'known', expectedFailure: true }),
  result('a.warn', 'warned', { level: 'SHOULD', reason: 'slow' }),
  result('a.skip', 'skipped', { reason: 'no streaming' }),
  result('a.error', 'errored', { reason: 'harness error: bad case' }),
];
const report: Report = {
  suiteVersion: '0.1.0',
  specVersion: '1',
  target: 'http://127.0.0.1:1/batch',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1234,
  options: { level: 'may', strict: false, fixtures: '/_conformance' },
  summary: summarize(results),
  conformant: false,
  staleExpectedFailures: ['a.gone'],
  results,
};

describe('reporters', () => {
  it('count results by status', () => {
    expect(report.summary).toEqual({ total: 6, passed: 1, failed: 2, warned: 1, skipped: 1, errored: 1 });
  });

  it('write JUnit with failures apart from errors, escaped and without control characters', () => {
    const xml = renderJunit(report);
    expect(xml).toContain('failures="1" errors="1" skipped="2"');
    expect(xml).toContain('<failure message="expected 400, got &lt;500&gt; &amp; &quot;more&quot;?">');
    expect(xml).toContain('<error message="harness error: bad case">');
    expect(xml).toContain('<skipped message="expected failure (baseline): known">');
    expect(xml).not.toContain('\u0001');
  });

  it('write Markdown with the verdict, the counts, the problems and the stale baseline', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('❌ **Not conformant**');
    expect(md).toContain('| 6 | 1 | 2 | 1 | 1 | 1 |');
    expect(md).toContain('`a.known` (expected failure)');
    expect(md).toContain('`a.gone`');
  });

  it('write progress lines and a closing summary', () => {
    expect(renderProgressLine(results[1]!, 2, 6)).toBe(
      '[2/6] FAIL a.fail (MUST): expected 400, got <500> & "more"\u0001',
    );
    expect(renderPrettySummary(report)).toContain('NOT CONFORMANT: http://127.0.0.1:1/batch');
  });
});
