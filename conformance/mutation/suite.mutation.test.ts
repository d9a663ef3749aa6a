import { describe, expect, it, onTestFinished } from 'vitest';
import type { Case } from '../src/case/case.js';
import { loadCases } from '../src/case/load-cases.js';
import { runConformance } from '../src/run/run-conformance.js';
import { type CustomHostOptions, customHostEndpoint } from './custom-host.js';
import { type InProcessEndpoint, inProcessEndpoint } from './in-process.js';

/**
 * Cases that cannot pass in-process, each with why; every other case must pass, so a mutant that
 * makes a case fail, error or skip (a capability no longer advertised) is killed.
 */
const NOT_IN_PROCESS: Readonly<Record<string, string>> = {
  'atomic.all-or-nothing': 'the reference server does not advertise atomicity',
  'ref.rejected-without-feature': 'applies only to servers without references',
  'stop.rejected-without-feature': 'applies only to servers without onErrorStop',
  'stream.not-advertised': 'applies only to servers without streaming: runs against the lean endpoint',
  'idem.key-ignored-without-feature':
    'applies only to servers without idempotency: runs against the lean endpoint',
};

/**
 * Cases that also run against a lean endpoint (no streaming, no idempotency): what a server
 * without those optional features answers and advertises is protocol too.
 */
const LEAN = { streaming: false, idempotency: false } as const;
const RUN_LEAN = (testCase: Case) =>
  (testCase.feature === null && testCase.id.startsWith('endpoint.')) ||
  testCase.id === 'idem.no-key-no-replay-header' ||
  testCase.unlessFeature === 'streaming' ||
  testCase.unlessFeature === 'idempotency';

// Short time limits let the timeout cases run instead of being skipped as too slow to probe, and
// keep the run short: every mutant they cover waits for them (requestTimeoutMs 500 is the least
// exec.max-concurrency-after-timeout probes; batchTimeoutMs 2000 is above its T + 1250). The
// batch limit well above the request limit so that neither hides the other (both answer 504). A
// small maxItemResponseBytes lets limits.max-item-response-bytes run (4 MiB is above /bytes/{n})
// and keeps limits.max-response-bytes within maxRequests. The other limits differ from the protocol
// defaults, so a server that ignores its configured value and enforces the default is seen.
const LIMITS = {
  maxRequests: 60,
  maxBodyBytes: 524_288,
  maxJsonDepth: 40,
  maxConcurrency: 12,
  batchTimeoutMs: 2000,
  requestTimeoutMs: 500,
  maxItemResponseBytes: 65_536,
  maxResponseBytes: 1_048_576,
};

// Each timeout probe gets the other limit far above its own, or the other timeout would answer
// the same 504 and hide a mutant that breaks the one probed.
const TIMEOUT_PROBES: Readonly<Record<string, Partial<typeof LIMITS>>> = {
  'exec.batch-timeout': { batchTimeoutMs: 600, requestTimeoutMs: 30_000 },
  'exec.request-timeout': { requestTimeoutMs: 500, batchTimeoutMs: 30_000 },
};

/**
 * The cases that wait in real time (timeouts, disconnects, slow readers), slowest last as the dry
 * run measured them. They run after every other case: Stryker stops a mutant's run at its first
 * failing case, so a mutant that a quick case kills never waits for these. Order is speed only.
 */
const WAIT_IN_REAL_TIME = [
  'idem.replay-after-disconnect',
  'stream.slow-reader',
  'exec.request-timeout',
  'idem.in-progress',
  'stream.incremental',
  'exec.batch-timeout',
  'exec.disconnect-at-once',
  'exec.disconnect-at-once-streamed',
  'exec.disconnect',
  'exec.disconnect-streamed',
  'exec.request-timeout-own-start',
  'exec.request-timeout-queued',
  'exec.max-concurrency-after-timeout',
];
const waitRank = (testCase: Case) => WAIT_IN_REAL_TIME.indexOf(testCase.id);

const loaded = loadCases();
if (!loaded.ok) throw new Error(`invalid case files: ${JSON.stringify(loaded.files)}`);
const quickCases = loaded.cases.filter((testCase) => waitRank(testCase) === -1);
const unknownWaiting = WAIT_IN_REAL_TIME.filter((id) => !loaded.cases.some((c) => c.id === id));
if (unknownWaiting.length > 0)
  throw new Error(`WAIT_IN_REAL_TIME names no case: ${unknownWaiting.join(', ')}`);

async function expectVerdict(
  testCase: Case,
  options: CustomHostOptions,
  verdict = 'passed: ',
  host: (options: CustomHostOptions) => InProcessEndpoint = inProcessEndpoint,
): Promise<void> {
  // Built inside the test, after Stryker switched the mutant on, so the mutants of the code
  // that builds an endpoint (option resolution, the handler) are live in what the case meets.
  const endpoint = host(options);
  onTestFinished(() => endpoint.close());
  const report = await runConformance({
    url: endpoint.url,
    fetch: endpoint.fetch,
    cases: [testCase],
    ...(options.servicePath === undefined ? {} : { servicePath: options.servicePath }),
    strict: true,
    timeoutMs: 5000,
  });
  const [result] = report.results;
  expect(`${result?.status}: ${result?.reason ?? ''}`).toBe(verdict);
}

function registerCases(cases: readonly Case[]): void {
  for (const testCase of cases) {
    const test = testCase.id in NOT_IN_PROCESS ? it.skip : it;
    test(testCase.id, () =>
      expectVerdict(testCase, { limits: { ...LIMITS, ...TIMEOUT_PROBES[testCase.id] } }),
    );
  }
}

describe('the conformance suite against the in-process reference stack', () => {
  registerCases(quickCases);
});

describe('the cases about optional features against a lean in-process endpoint', () => {
  for (const testCase of loaded.cases.filter(RUN_LEAN)) {
    it(`${testCase.id} (no streaming, no idempotency)`, () =>
      expectVerdict(testCase, { limits: LIMITS, ...LEAN }));
  }
  // The cases of a feature the lean endpoint lacks are skipped as not advertised: one that ran
  // would mean the endpoint advertises (or serves) a feature it was configured without.
  for (const testCase of loaded.cases.filter(
    (c) => c.feature === 'streaming' || c.feature === 'idempotency',
  )) {
    it(`${testCase.id} is skipped as not advertised (no streaming, no idempotency)`, () =>
      expectVerdict(
        testCase,
        { limits: LIMITS, ...LEAN },
        `skipped: the server does not advertise the optional feature ${testCase.feature}`,
      ));
  }
});

// A host mounted below a service root (configured with a trailing slash, as users write it): inner
// urls resolve under it, and the batch endpoint is spelled relative to it. A few cases suffice:
// each one's inner requests reach the fixtures only if the root is resolved as the spec says.
const UNDER_SERVICE_PATH = [
  'fixtures.echo',
  'url.relative-resolved',
  'ref.url',
  'security.recursion-direct',
  'security.recursion-reference',
];
describe('cases against an in-process endpoint below the service root /api/', () => {
  for (const testCase of loaded.cases.filter((c) => UNDER_SERVICE_PATH.includes(c.id))) {
    it(`${testCase.id} (servicePath /api/)`, () =>
      expectVerdict(testCase, { limits: LIMITS, servicePath: '/api/' }));
  }
});

// The core behind a host of its own (custom-host.ts): the outer body handed over as text and inner
// bodies kept whole, so the core's own checks of sizes and bodies are what the cases meet. Every
// quick case runs there too; the ones that wait in real time probe the engine's clock, not the host.
describe('the conformance suite against the core behind a custom host', () => {
  for (const testCase of quickCases.filter((c) => !(c.id in NOT_IN_PROCESS))) {
    it(`${testCase.id} (custom host)`, () =>
      expectVerdict(testCase, { limits: LIMITS }, 'passed: ', customHostEndpoint));
  }
});

// The same host handing JSON bodies over parsed (a host whose handlers return objects): the core
// measures, embeds and resolves references into values too, not only JSON text. The cases that
// read inner bodies back (limits, references, responses) are the ones that path can change.
const READS_BODIES = (testCase: Case) => /^(limits|ref|response)\./.test(testCase.id);
describe('the cases that read inner bodies against a custom host handing JSON values', () => {
  for (const testCase of quickCases.filter((c) => READS_BODIES(c) && !(c.id in NOT_IN_PROCESS))) {
    it(`${testCase.id} (custom host, JSON values)`, () =>
      expectVerdict(testCase, { limits: LIMITS, jsonBodies: 'value' }, 'passed: ', customHostEndpoint));
  }
});

// An octet-stream body is embedded as base64, whose padding depends on its length modulo 3. The
// main limit (65,536) leaves the body of exactly the limit two padding characters; these two give
// it none and one, so each way of counting the padding back meets a body at its exact limit.
const BASE64_RESIDUES = [65_535, 65_537];
describe('limits.max-item-response-bytes at limits of every length modulo 3, behind the custom host', () => {
  const testCase = loaded.cases.find((c) => c.id === 'limits.max-item-response-bytes');
  if (testCase === undefined) throw new Error('no case limits.max-item-response-bytes');
  for (const maxItemResponseBytes of BASE64_RESIDUES) {
    it(`${testCase.id} (custom host, maxItemResponseBytes ${maxItemResponseBytes})`, () =>
      expectVerdict(
        testCase,
        { limits: { ...LIMITS, maxItemResponseBytes } },
        'passed: ',
        customHostEndpoint,
      ));
  }
});

// Same describe name, so a case keeps its test name wherever it is registered.
describe('the conformance suite against the in-process reference stack', () => {
  registerCases(
    loaded.cases.filter((testCase) => waitRank(testCase) !== -1).sort((a, b) => waitRank(a) - waitRank(b)),
  );
});
