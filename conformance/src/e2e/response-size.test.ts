import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../run/run-conformance.js';
import { startBrokenBatch } from '../test-support/batch-proxy.js';
import { type SpawnedServer, spawnReference } from '../test-support/spawn-reference.js';

// Small limits so both probes fit what /bytes/{n} can answer (the defaults are skipped as too large).
const LIMITS = ['--max-item-response-bytes', '100000', '--max-response-bytes', '400000'];
const CASES = [
  'limits.response-limits-advertised',
  'limits.response-limits-consistent',
  'limits.max-item-response-bytes',
  'limits.max-response-bytes',
];

let plain: SpawnedServer;
let gateway: SpawnedServer;
let defaults: SpawnedServer;

beforeAll(async () => {
  plain = await spawnReference(LIMITS);
  gateway = await spawnReference(['--upstream', plain.origin, '--no-fixtures', ...LIMITS]);
  defaults = await spawnReference();
}, 40_000);

afterAll(async () => {
  await Promise.all([plain?.close(), gateway?.close(), defaults?.close()]);
});

async function statuses(url: string): Promise<Record<string, string>> {
  const report = await runConformance({ url, strict: true, only: CASES });
  return Object.fromEntries(
    report.results.map((r) => [r.id, `${r.status}${r.reason ? `: ${r.reason}` : ''}`]),
  );
}

describe('the answer-size cases against the reference server with small limits', () => {
  it.each([
    ['in-process', () => plain.url],
    ['gateway', () => gateway.url],
  ])(
    'probes and passes every one %s',
    async (_mode, url) => {
      expect(await statuses(url())).toEqual(Object.fromEntries(CASES.map((id) => [id, 'passed'])));
    },
    30_000,
  );
});

describe('a server that advertises answer-size limits it does not enforce', () => {
  it('fails both probes', async () => {
    // The reference server with its defaults (4 MiB / 16 MiB enforced) behind a layer advertising 100000 / 400000.
    const broken = await startBrokenBatch(defaults.url, {
      rewriteCapabilities: (document) => ({
        ...document,
        limits: {
          ...(document.limits as object),
          maxItemResponseBytes: 100_000,
          maxResponseBytes: 400_000,
        },
      }),
    });
    try {
      const results = await statuses(broken.url);
      expect(results['limits.max-item-response-bytes']).toMatch(/^failed: entry "over" answered 200/);
      expect(results['limits.max-response-bytes']).toMatch(/^failed: /);
      expect(results['limits.response-limits-consistent']).toBe('passed');
    } finally {
      await broken.close();
    }
  }, 30_000);
});
