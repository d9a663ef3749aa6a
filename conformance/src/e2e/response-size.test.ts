import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../run/run-conformance.js';
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

beforeAll(async () => {
  plain = await spawnReference(LIMITS);
  gateway = await spawnReference(['--upstream', plain.origin, '--no-fixtures', ...LIMITS]);
}, 40_000);

afterAll(async () => {
  await Promise.all([plain?.close(), gateway?.close()]);
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
