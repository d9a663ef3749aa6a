import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance } from '../run/run-conformance.js';
import { type Consolidated, type Entry, startBrokenBatch } from '../test-support/batch-proxy.js';
import { type SpawnedServer, spawnReference } from '../test-support/spawn-reference.js';

// Small limits so both probes fit what /bytes/{n} can answer (the defaults are skipped as too large).
const LIMITS = ['--max-item-response-bytes', '100000', '--max-response-bytes', '400000'];
const CASES = [
  'limits.response-limits-advertised',
  'limits.response-limits-consistent',
  'limits.max-item-response-bytes',
  'limits.max-response-bytes',
  'limits.max-response-bytes-summary',
  'limits.max-response-bytes-length',
  'limits.max-response-bytes-stream-replay',
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

const isRefusal = (entry: Entry) =>
  entry.status === 502 &&
  (entry.body as { type?: unknown } | undefined)?.type?.toString().endsWith('/response-too-large');

describe('a server whose summary or answer size disregards its maxResponseBytes refusals', () => {
  async function resultsBehind(rewriteResponse: (body: Consolidated) => Consolidated) {
    const broken = await startBrokenBatch(plain.url, { rewriteResponse });
    try {
      return await statuses(broken.url);
    } finally {
      await broken.close();
    }
  }

  it('fails the summary case when refused entries are still counted as they ran', async () => {
    const results = await resultsBehind((body) => {
      // The summary the handlers' own statuses make: a refused 200 still succeeded.
      const refused = body.responses.filter((e) => isRefusal(e) && /^(b\d+|ok)$/.test(e.id)).length;
      const summary = { ...body.summary };
      summary.succeeded = (summary.succeeded ?? 0) + refused;
      summary.failed = (summary.failed ?? 0) - refused;
      return { ...body, summary };
    });
    expect(results['limits.max-response-bytes-summary']).toMatch(/^failed: the summary is /);
    expect(results['limits.max-response-bytes-length']).toBe('passed');
    // The layer rewrites the JSON replay, not the stream (and relays no Idempotency-Replayed).
    expect(results['limits.max-response-bytes-stream-replay']).toMatch(/^failed: /);
  }, 30_000);

  it('fails the length case when the first refused entry is relayed after all', async () => {
    const results = await resultsBehind((body) => {
      const responses = [...body.responses];
      // The first /bytes entry refused has the size of the first one, which is relayed.
      const first = responses.findIndex((e) => isRefusal(e) && /^b\d+$/.test(e.id));
      const body64 = responses.find((e) => e.id === 'b0')?.body;
      const entry = responses[first];
      if (entry !== undefined)
        responses[first] = {
          id: entry.id,
          status: 200,
          headers: { 'content-type': 'application/octet-stream' },
          body: body64,
        };
      return { ...body, responses };
    });
    expect(results['limits.max-response-bytes-length']).toMatch(
      /^failed: the answer up to its last relayed entry/,
    );
  }, 30_000);
});
