import { randomBytes } from 'node:crypto';
import type { Capabilities } from '@batchwire/schema';
import type { Case } from '../case/case.js';
import type { Feature } from '../case/feature.js';
import { loadCases } from '../case/load-cases.js';
import { SPEC_VERSION, SUITE_VERSION } from '../paths.js';
import { type CaseResult, type Report, summarize } from '../report/report.js';
import { applyBaseline } from './baseline.js';
import { type Canary, startCanary } from './canary.js';
import { fetchCapabilities } from './capabilities.js';
import type { ExchangeContext } from './exchange.js';
import { harnessError } from './harness-error.js';
import { preflight } from './preflight.js';
import { runAll } from './run-all.js';
import { runCase } from './run-case.js';
import { selectCases } from './select.js';
import { type FetchLike, fetchTransport, type Transport, undiciTransport } from './transport.js';

/** Options of a conformance run; only `url` is required. */
export interface ConformanceOptions {
  /** The batch endpoint, e.g. `http://127.0.0.1:3000/batch`. */
  readonly url: string;
  /** A fetch-compatible function to send requests with (default: undici's request, which can set Host). */
  readonly fetch?: FetchLike;
  /** Prefix of the fixture routes (default `/_conformance`). */
  readonly fixtures?: string;
  /** Run cases at or above this level (default `may`: all). */
  readonly level?: 'must' | 'should' | 'may';
  /** A failed SHOULD makes the run fail. */
  readonly strict?: boolean;
  /** Globs over case ids; when given, only matching cases run. */
  readonly only?: readonly string[];
  /** Optional features to skip even if advertised. */
  readonly skipFeatures?: readonly Feature[];
  /**
   * The endpoint is a gateway: its service root is on another origin, so an inner url never
   * reaches this endpoint itself and the cases marked `skipForGateway` are skipped.
   */
  readonly gateway?: boolean;
  /**
   * Path prefix the server resolves inner urls under (its service root's path, e.g. `/v1.0`), so
   * the cases that aim an inner url at the batch endpoint spell it relative to that root.
   */
  readonly servicePath?: string;
  /** Headers added to every request (e.g. credentials the server requires). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-request timeout in milliseconds (default 10000). */
  readonly timeoutMs?: number;
  /** Ids of cases known to fail (a baseline); a listed case that passes is stale. */
  readonly expectedFailures?: readonly string[];
  /** Cases to run instead of the bundled ones. */
  readonly cases?: readonly Case[];
  /**
   * Check first that `url` answers a valid capabilities document and the fixtures answer through
   * it, throwing one harness error otherwise (the CLI does). Without it an invalid document is
   * reported by the capabilities cases and the run goes on with default limits.
   */
  readonly preflight?: boolean;
  /** Called after each case, for progress output. */
  readonly onResult?: (result: CaseResult, done: number, total: number) => void;
}

function bundledCases(): Case[] {
  const loaded = loadCases();
  if (!loaded.ok) {
    const detail = loaded.files.map((f) => `${f.file}: ${f.problems.join('; ')}`).join('\n');
    throw harnessError(`invalid case files:\n${detail}`);
  }
  return loaded.cases;
}

function baseVariables(fixtures: string, batchPath: string, canary: Canary, capabilities: Capabilities) {
  const vars = new Map<string, unknown>([
    ['fixtures', fixtures],
    // The same prefix as an OData relative url (no leading "/"), for the dialect cases.
    ['fixturesRelative', fixtures.slice(1)],
    ['batchPath', batchPath],
    ['canary', canary.origin],
    ['canaryHost', canary.host],
  ]);
  // With an invalid document these are the defaults, so cases can still be built; capabilities cases report it.
  for (const [name, value] of Object.entries(capabilities.limits)) vars.set(`limits.${name}`, value);
  return vars;
}

/**
 * Runs the conformance suite against a batch endpoint and returns the report. It throws a harness
 * error (never a failed result) when the run itself cannot happen: a bad url, invalid case files, or an
 * unreachable server.
 */
export async function runConformance(options: ConformanceOptions): Promise<Report> {
  const startedAt = new Date();
  let target: URL;
  try {
    target = new URL(options.url);
  } catch {
    throw harnessError(`--url "${options.url}" is not an absolute URL`);
  }
  const fixtures = (options.fixtures ?? '/_conformance').replace(/\/+$/, '');
  if (!fixtures.startsWith('/'))
    throw harnessError(`--fixtures "${fixtures}" must be a path beginning with "/"`);
  const servicePath = (options.servicePath ?? '').replace(/\/+$/, '');
  if (servicePath !== '' && !target.pathname.startsWith(`${servicePath}/`))
    throw harnessError(
      `--service-path "${options.servicePath}" must be a path prefix of the batch endpoint ${target.pathname}`,
    );
  const owned = options.fetch ? undefined : undiciTransport();
  const transport: Transport = options.fetch ? fetchTransport(options.fetch) : owned!.transport;
  const exchangeContext: ExchangeContext = {
    batchUrl: target.href,
    transport,
    timeoutMs: options.timeoutMs ?? 10_000,
    extraHeaders: options.headers ?? {},
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  try {
    return await runWith(options, target, fixtures, servicePath, exchangeContext, startedAt);
  } finally {
    await owned?.close();
  }
}

async function runWith(
  options: ConformanceOptions,
  target: URL,
  fixtures: string,
  servicePath: string,
  exchangeContext: ExchangeContext,
  startedAt: Date,
): Promise<Report> {
  const allCases = options.cases ? [...options.cases] : bundledCases();
  const selected = selectCases(allCases, options.level ?? 'may', options.only ?? []);
  if ((options.only ?? []).length > 0 && selected.length === 0)
    throw harnessError(`--only ${options.only?.join(',')} matches no case (see the list command)`);
  const { capabilities, valid } = options.preflight
    ? { capabilities: await preflight(exchangeContext, fixtures), valid: true }
    : await fetchCapabilities(exchangeContext);
  const canary = await startCanary();
  // How an inner url names the batch endpoint: its path relative to the service root.
  const batchPath = target.pathname.slice(servicePath.length);
  let results: CaseResult[] = [];
  try {
    const env = {
      exchangeContext,
      capabilities,
      baseVars: baseVariables(fixtures, batchPath, canary, capabilities),
      fixtures,
      batchPath,
      canary,
      strict: options.strict ?? false,
      gateway: options.gateway ?? false,
      skipFeatures: new Set(options.skipFeatures ?? []),
      runToken: `cf${Date.now().toString(36)}${randomBytes(3).toString('hex')}`,
    };
    results = await runAll(
      selected,
      (testCase, index) => runCase(testCase, index, env),
      (result, done) => options.onResult?.(result, done, selected.length),
    );
  } finally {
    await canary.close();
  }
  const baseline = applyBaseline(results, options.expectedFailures ?? [], new Set(allCases.map((c) => c.id)));
  const summary = summarize(baseline.results);
  const unexpected = baseline.results.filter((r) => r.status === 'failed' && !r.expectedFailure);
  return {
    suiteVersion: SUITE_VERSION,
    specVersion: SPEC_VERSION,
    target: target.href,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    options: {
      level: options.level ?? 'may',
      strict: options.strict ?? false,
      fixtures,
      ...(options.gateway ? { gateway: true } : {}),
      ...(servicePath === '' ? {} : { servicePath }),
    },
    ...(valid ? { capabilities } : {}),
    summary,
    conformant: unexpected.length === 0 && baseline.stale.length === 0 && summary.errored === 0,
    staleExpectedFailures: baseline.stale,
    results: baseline.results,
  };
}

/** The CLI exit code of a report: 0 conformant, 1 not conformant or stale baseline, 2 harness errors. */
export function exitCodeOf(report: Report): 0 | 1 | 2 {
  if (report.summary.errored > 0) return 2;
  return report.conformant ? 0 : 1;
}
