import type { Capabilities } from '@batchwire/schema';
import type { Case } from '../case/case.js';
import type { Feature } from '../case/feature.js';
import type { CheckContext } from '../checks/check-context.js';
import { NAMED_CHECKS } from '../checks/registry.js';
import type { CaseResult } from '../report/report.js';
import type { Canary } from './canary.js';
import { buildRequest, type ExchangeContext, send } from './exchange.js';
import { harnessError, isHarnessError } from './harness-error.js';
import { statusOf } from './outcome.js';
import { runSteps } from './run-steps.js';
import type { Variables } from './template.js';
import { failVerdict, type Verdict } from './verdict.js';

/** Everything shared by the cases of one run. */
export interface CaseEnvironment {
  readonly exchangeContext: ExchangeContext;
  readonly capabilities: Capabilities;
  readonly baseVars: Variables;
  readonly fixtures: string;
  readonly batchPath: string;
  readonly canary: Canary;
  readonly strict: boolean;
  /** The endpoint's service root is on another origin (`--gateway`). */
  readonly gateway: boolean;
  readonly skipFeatures: ReadonlySet<Feature>;
  /** A token unique to the run; each case adds its own suffix. */
  readonly runToken: string;
}

/** How long after a canary case the runner still listens for a late contact. */
const CANARY_GRACE_MS = 50;

function gate(testCase: Case, env: CaseEnvironment): Verdict | undefined {
  const features = env.capabilities.features;
  if (testCase.feature !== null) {
    if (env.skipFeatures.has(testCase.feature))
      return { kind: 'skip', reason: `feature ${testCase.feature} skipped by --skip-feature` };
    if (!features[testCase.feature])
      return {
        kind: 'skip',
        reason: `the server does not advertise the optional feature ${testCase.feature}`,
      };
  }
  if (testCase.skipForGateway && env.gateway) {
    return {
      kind: 'skip',
      reason: 'run with --gateway: an inner url reaches the upstream service, never this batch endpoint',
    };
  }
  const needed = testCase.minLimits?.maxConcurrency;
  if (needed !== undefined && env.capabilities.limits.maxConcurrency < needed) {
    return {
      kind: 'skip',
      reason: `needs an advertised maxConcurrency of at least ${needed} (the server advertises ${env.capabilities.limits.maxConcurrency}); concurrency is a SHOULD (req-exec-2)`,
    };
  }
  if (testCase.unlessFeature !== undefined && features[testCase.unlessFeature]) {
    return {
      kind: 'skip',
      reason: `applies only to servers without ${testCase.unlessFeature}, which this server advertises`,
    };
  }
  return undefined;
}

async function verdictOf(testCase: Case, run: string, env: CaseEnvironment): Promise<Verdict> {
  const vars = new Map(env.baseVars);
  vars.set('run', run);
  if ('steps' in testCase) return runSteps(testCase, vars, env.exchangeContext);
  const check = NAMED_CHECKS[testCase.check.name];
  if (!check) throw harnessError(`unknown named check "${testCase.check.name}"`);
  const context: CheckContext = {
    capabilities: env.capabilities,
    vars,
    fixtures: env.fixtures,
    run,
    batchPath: env.batchPath,
    canary: env.canary,
    exchangeContext: env.exchangeContext,
    exchange: (request, signal) =>
      send(buildRequest(request, vars, env.exchangeContext), env.exchangeContext, signal),
  };
  return check.run(context, testCase.check.params ?? {});
}

/** Runs one case and reports it; harness faults become `errored`, never `failed`. */
export async function runCase(testCase: Case, index: number, env: CaseEnvironment): Promise<CaseResult> {
  const started = Date.now();
  const base = {
    id: testCase.id,
    title: testCase.title,
    requirements: testCase.requirements,
    level: testCase.level,
    feature: testCase.feature,
  };
  const gated = gate(testCase, env);
  if (gated?.kind === 'skip') return { ...base, status: 'skipped', reason: gated.reason, durationMs: 0 };
  const hitsBefore = env.canary.hits().length;
  let verdict: Verdict;
  try {
    verdict = await verdictOf(testCase, `${env.runToken}-${index}`, env);
    if (testCase.canary) {
      await new Promise((resolve) => setTimeout(resolve, CANARY_GRACE_MS));
      const hits = env.canary.hits().slice(hitsBefore);
      if (hits.length > 0) {
        const evidence = verdict.kind === 'fail' ? (verdict.evidence ?? []) : [];
        verdict = failVerdict(
          `the server contacted the runner's loopback canary (${hits.map((h) => `${h.method} ${h.url}`).join(', ')}): an inner request reached another origin`,
          ...evidence,
        );
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'errored',
      reason: isHarnessError(error) ? `harness error: ${message}` : `runner fault: ${message}`,
      durationMs: Date.now() - started,
    };
  }
  const status = statusOf(verdict, testCase.level, env.strict);
  const durationMs = Date.now() - started;
  if (verdict.kind === 'pass')
    return { ...base, status, durationMs, ...(verdict.note ? { reason: verdict.note } : {}) };
  if (verdict.kind === 'skip') return { ...base, status, reason: verdict.reason, durationMs };
  return {
    ...base,
    status,
    reason: verdict.reason,
    durationMs,
    ...(verdict.evidence ? { evidence: verdict.evidence } : {}),
  };
}
