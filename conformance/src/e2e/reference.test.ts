import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../report/report.js';
import { runConformance } from '../run/run-conformance.js';
import { KNOWN_REFERENCE_BUGS } from '../test-support/known-reference-bugs.js';
import { type SpawnedServer, spawnReference } from '../test-support/spawn-reference.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let plain: SpawnedServer;
let gateway: SpawnedServer;

beforeAll(async () => {
  // Short time limits let the timeout checks run instead of being skipped as too slow to probe;
  // 1500 ms leaves room for a loaded 2-core machine without pushing ordinary items past it.
  plain = await spawnReference(['--batch-timeout', '1500']);
  gateway = await spawnReference(['--upstream', plain.origin, '--no-fixtures', '--request-timeout', '1500']);
}, 40_000);

afterAll(async () => {
  await Promise.all([plain?.close(), gateway?.close()]);
});

function unexpectedProblems(report: Report) {
  const stale = report.staleExpectedFailures;
  if (stale.length > 0)
    console.warn(`known reference-server bugs now fixed (remove them): ${stale.join(', ')}`);
  return report.results
    .filter(
      (r) => (r.status === 'failed' && !r.expectedFailure) || r.status === 'errored' || r.status === 'warned',
    )
    .map((r) => `${r.id}: ${r.reason}`);
}

describe('the suite against the reference server', () => {
  it('passes every MUST and SHOULD in-process (strict), timeouts probed', async () => {
    const report = await runConformance({
      url: plain.url,
      strict: true,
      expectedFailures: Object.keys(KNOWN_REFERENCE_BUGS),
    });
    expect(unexpectedProblems(report)).toEqual([]);
    expect(report.summary.total).toBeGreaterThanOrEqual(80);
    expect(report.results.find((r) => r.id === 'exec.batch-timeout')?.status).toBe('passed');
    expect(report.results.find((r) => r.id === 'exec.disconnect')?.status).toBe('passed');
  }, 60_000);

  it('passes every MUST and SHOULD in gateway mode (strict), timeouts probed', async () => {
    const report = await runConformance({
      url: gateway.url,
      strict: true,
      expectedFailures: Object.keys(KNOWN_REFERENCE_BUGS),
    });
    expect(unexpectedProblems(report)).toEqual([]);
    expect(report.results.find((r) => r.id === 'exec.request-timeout')?.status).toBe('passed');
    expect(report.results.find((r) => r.id === 'security.recursion-encoded')?.status).toBe('passed');
    expect(report.results.find((r) => r.id === 'security.recursion-up-front')?.status).toBe('passed');
  }, 60_000);

  it('skips, with --gateway, the cases that need inner urls to reach the endpoint itself', async () => {
    const report = await runConformance({ url: gateway.url, gateway: true, only: ['security.recursion-*'] });
    expect(report.options.gateway).toBe(true);
    const skipped = report.results.filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => [r.id, r.reason])).toEqual([
      ['security.recursion-reference-after-path', expect.stringContaining('--gateway')],
      ['security.recursion-up-front', expect.stringContaining('--gateway')],
    ]);
    expect(report.summary.passed).toBe(report.summary.total - 2);
  }, 30_000);

  it('passes every MUST and SHOULD (strict) mounted OData/Graph style: /v1.0/$batch under --service-path /v1.0', async () => {
    const mounted = await spawnReference(['--path', '/v1.0/$batch', '--service-path', '/v1.0']);
    try {
      expect(mounted.url).toMatch(/\/v1\.0\/\$batch$/);
      const report = await runConformance({ url: mounted.url, strict: true, servicePath: '/v1.0' });
      expect(unexpectedProblems(report)).toEqual([]);
      expect(report.options.servicePath).toBe('/v1.0');
      expect(report.results.find((r) => r.id === 'security.recursion-up-front')?.status).toBe('passed');
    } finally {
      await mounted.close();
    }
  }, 60_000);

  it('prints progress on stderr and only the report on stdout with a non-pretty reporter', () => {
    const run = spawnSync(
      process.execPath,
      [CLI, 'run', '--url', plain.url, '--only', 'envelope.requests-*', '--reporter', 'json'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.results.length).toBeGreaterThanOrEqual(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(report.results.length);
    expect(run.stderr).toMatch(/^\[ ?1\/\d+\] ok {3}envelope\.requests-/);
  }, 30_000);

  it('passes every MUST and SHOULD (strict) with --max-concurrency 1: no MUST case needs concurrency, a SHOULD', async () => {
    const serial = await spawnReference(['--max-concurrency', '1']);
    try {
      const report = await runConformance({
        url: serial.url,
        strict: true,
        expectedFailures: Object.keys(KNOWN_REFERENCE_BUGS),
      });
      expect(unexpectedProblems(report)).toEqual([]);
      const skipped = report.results.filter((r) => r.status === 'skipped').map((r) => r.id);
      expect(skipped).toEqual(
        expect.arrayContaining(['exec.concurrent', 'stop.running-finish', 'stream.completion-order']),
      );
      expect(report.results.find((r) => r.id === 'stop.skipped-over-dependency-failed')?.status).toBe(
        'passed',
      );
      expect(report.results.find((r) => r.id === 'stream.incremental')?.status).toBe('passed');
    } finally {
      await serial.close();
    }
  }, 60_000);

  it('runs through an injected fetch, with a custom fixture prefix spelled with a trailing slash', async () => {
    const report = await runConformance({
      url: plain.url,
      fetch,
      fixtures: '/_conformance/',
      only: ['depends.*', 'ref.*'],
    });
    expect(unexpectedProblems(report)).toEqual([]);
    expect(report.summary.passed).toBeGreaterThan(20);
  }, 30_000);

  it('exits 0 through the CLI and writes report.json, junit.xml and report.md', () => {
    const out = mkdtempSync(join(tmpdir(), 'bw-conformance-'));
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'run',
        '--url',
        plain.url,
        '--only',
        'envelope.*,depends.*,cred.*',
        '--reporter',
        'json,junit,markdown',
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report).toMatchObject({
      suiteVersion: expect.any(String),
      specVersion: '1',
      target: plain.url,
      conformant: true,
    });
    expect(Object.keys(report.summary).sort()).toEqual([
      'errored',
      'failed',
      'passed',
      'skipped',
      'total',
      'warned',
    ]);
    expect(
      report.results.every(
        (r) => r.id.startsWith('envelope.') || r.id.startsWith('depends.') || r.id.startsWith('cred.'),
      ),
    ).toBe(true);
    expect(report.summary.passed).toBeGreaterThan(20);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain(
      '<testsuites name="batchwire-conformance"',
    );
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  }, 40_000);
});
