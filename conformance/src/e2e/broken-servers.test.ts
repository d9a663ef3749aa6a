import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/program.js';
import type { Report } from '../report/report.js';
import { startBrokenBatch } from '../test-support/batch-proxy.js';
import { BROKEN_SERVERS, type BrokenServer } from '../test-support/broken-servers.js';
import { collectingIo } from '../test-support/silent-io.js';
import { type SpawnedServer, spawnReference } from '../test-support/spawn-reference.js';
import { startUpstreamProxy } from '../test-support/upstream-proxy.js';

let upstream: SpawnedServer;
let gateway: SpawnedServer;
let upstreamProxy: Awaited<ReturnType<typeof startUpstreamProxy>>;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  upstream = await spawnReference();
  upstreamProxy = await startUpstreamProxy(upstream.origin);
  gateway = await spawnReference(['--upstream', upstreamProxy.origin, '--no-fixtures']);
}, 40_000);

afterAll(async () => {
  await Promise.all([
    ...closers.map((close) => close()),
    upstreamProxy?.close(),
    gateway?.close(),
    upstream?.close(),
  ]);
});

async function endpointOf(broken: BrokenServer): Promise<string> {
  if (broken.hooks) {
    const server = await startBrokenBatch(upstream.url, broken.hooks(upstream.url));
    closers.push(server.close);
    return server.url;
  }
  upstreamProxy.setFault(broken.upstream ?? {});
  return gateway.url;
}

async function run(
  url: string,
  only: readonly string[],
  extra: readonly string[] = [],
): Promise<{ code: number; report: Report }> {
  const out = mkdtempSync(join(tmpdir(), 'bw-broken-'));
  const io = collectingIo();
  const code = await main(
    ['run', '--url', url, '--only', only.join(','), '--reporter', 'json', '--out', out, ...extra],
    io,
  );
  return { code, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report };
}

describe('the suite reports deliberately broken servers as non-conformant', () => {
  it.each(BROKEN_SERVERS.map((b) => [b.name, b] as const))(
    '%s',
    async (_name, broken) => {
      const url = await endpointOf(broken);
      const { code, report } = await run(url, [broken.catchBy], broken.strict ? ['--strict'] : []);
      expect(report.results.find((r) => r.id === broken.catchBy)?.status).toBe('failed');
      expect(code).toBe(1);
    },
    30_000,
  );

  it('passes the same cases when the faults are removed (control)', async () => {
    upstreamProxy.setFault({});
    const ids = [...new Set(BROKEN_SERVERS.map((b) => b.catchBy))];
    for (const url of [upstream.url, gateway.url]) {
      const { code, report } = await run(url, ids, ['--strict']);
      expect(report.results.filter((r) => r.status !== 'passed').map((r) => `${r.id}: ${r.reason}`)).toEqual(
        [],
      );
      expect(code).toBe(0);
    }
  }, 30_000);
});

describe('expected-failures baselines', () => {
  const broken = BROKEN_SERVERS.find(
    (b) => b.catchBy === 'depends.failed-424' && b.name === 'dependsOn ignored',
  )!;

  it('exit 0 when every failure is listed, and the result is marked as expected', async () => {
    const url = await endpointOf(broken);
    const file = join(mkdtempSync(join(tmpdir(), 'bw-baseline-')), 'baseline.txt');
    writeFileSync(file, `# known failures\n${broken.catchBy}\n`);
    const { code, report } = await run(url, [broken.catchBy], ['--expected-failures', file]);
    expect(report.results[0]).toMatchObject({ id: broken.catchBy, status: 'failed', expectedFailure: true });
    expect(code).toBe(0);
  }, 30_000);

  it('exit 1 when a listed case passes (stale baseline)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bw-baseline-')), 'baseline.json');
    writeFileSync(
      file,
      JSON.stringify({ expectedFailures: [{ id: broken.catchBy, reason: 'fixed since' }] }),
    );
    const { code, report } = await run(upstream.url, [broken.catchBy], ['--expected-failures', file]);
    expect(report.staleExpectedFailures).toEqual([broken.catchBy]);
    expect(code).toBe(1);
  }, 30_000);
});
