import { DEFAULT_LIMITS, PROBLEM_TYPES } from '@batchwire/schema';
import type { Request } from 'express';
import type { BreakingHooks, Consolidated, Entry, Inner } from './batch-proxy.js';
import { type Forwarded, forward, forwardHeaders } from './forward.js';
import type { UpstreamFault } from './upstream-proxy.js';

/** A deliberately broken server, the fault it has, and the case meant to catch it. */
export interface BrokenServer {
  readonly name: string;
  /** The case that must fail against it. */
  readonly catchBy: string;
  /** Run with --strict (the rule is a SHOULD). */
  readonly strict?: boolean;
  /** A layer in front of the real batch endpoint (target = its url)... */
  readonly hooks?: (target: string) => BreakingHooks;
  /** ...or a fault between a gateway and its upstream. */
  readonly upstream?: UpstreamFault;
}

const isOk = (status: number) => status >= 200 && status < 300;

function entry(id: string, status: number, body: unknown): Entry {
  return { id, status, headers: { 'Content-Type': 'application/json' }, body };
}

async function fetchEntry(
  id: string,
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<Entry> {
  try {
    const answer = await forward(url, method, headers, undefined);
    return entry(id, answer.status, answer.body.toString());
  } catch (error) {
    return entry(id, 502, { error: (error as Error).message });
  }
}

/** The entry a batch endpoint answers for a request carrying the inner-request marker. */
function markerRefusal(id: string): Entry {
  return {
    id,
    status: 400,
    headers: { 'Content-Type': 'application/problem+json' },
    body: { type: PROBLEM_TYPES.recursion, title: 'Recursion', status: 400 },
  };
}

function withSummary(responses: Entry[]): Consolidated {
  const succeeded = responses.filter((r) => isOk(r.status)).length;
  const skipped = responses.filter((r) => r.status === 424).length;
  return {
    responses,
    summary: { total: responses.length, succeeded, failed: responses.length - succeeded - skipped, skipped },
  };
}

/** Hooks answering a POST whose body is not JSON with `answer`; every other request goes on to the server. */
function onMalformedJson(answer: Forwarded): BreakingHooks {
  return {
    intercept: (raw, req) => {
      if (req.method !== 'POST') return undefined;
      try {
        JSON.parse(raw.toString());
        return undefined;
      } catch {
        return answer;
      }
    },
  };
}

function pathOf(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path).toLowerCase().replace(/\/+$/, '');
  } catch {
    return path;
  }
}

/** Nesting depth of a JSON value, the outermost object or array at 1 (the spec's measure). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((most, child) => Math.max(most, depthOf(child)), 0);
}

/** A 400 limit-exceeded problem naming maxJsonDepth, as a server enforcing `value` answers it. */
function depthProblem(value: number): Forwarded {
  const problem = {
    type: PROBLEM_TYPES.limitExceeded,
    title: 'Too deep',
    status: 400,
    limit: { name: 'maxJsonDepth', value },
    errors: [{ pointer: '', rule: 'limit.maxJsonDepth', detail: 'too deep' }],
  };
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    body: Buffer.from(JSON.stringify(problem)),
  };
}

/** The broken servers of the suite's own tests, each with the case meant to report it. */
export const BROKEN_SERVERS: readonly BrokenServer[] = [
  {
    name: 'responses sorted by id instead of request order',
    catchBy: 'response.ordering-shuffled',
    hooks: () => ({
      rewriteResponse: (b) => ({
        ...b,
        responses: [...b.responses].sort((x, y) => x.id.localeCompare(y.id)),
      }),
    }),
  },
  {
    name: 'entries of skipped requests dropped (OData style)',
    catchBy: 'depends.failed-424',
    hooks: () => ({
      rewriteResponse: (b) => ({ ...b, responses: b.responses.filter((r) => r.status !== 424) }),
    }),
  },
  {
    name: 'batch aborted at the first failure',
    catchBy: 'isolation.error-statuses',
    hooks: () => ({
      rewriteResponse: (b) => {
        const first = b.responses.findIndex((r) => !isOk(r.status));
        if (first === -1) return b;
        const responses = b.responses.map((r, i) =>
          i > first ? entry(r.id, 424, { type: 'aborted', status: 424 }) : r,
        );
        return withSummary(responses);
      },
    }),
  },
  {
    name: 'summary counts every non-2xx as skipped',
    catchBy: 'response.summary-counts',
    hooks: () => ({
      rewriteResponse: (b) => {
        const succeeded = b.responses.filter((r) => isOk(r.status)).length;
        return {
          ...b,
          summary: {
            total: b.responses.length,
            succeeded,
            failed: 0,
            skipped: b.responses.length - succeeded,
          },
        };
      },
    }),
  },
  {
    name: 'malformed JSON answered with 500',
    catchBy: 'envelope.malformed-json',
    hooks: () =>
      onMalformedJson({
        status: 500,
        headers: { 'content-type': 'text/html' },
        body: Buffer.from('<h1>Internal Server Error</h1>'),
      }),
  },
  {
    name: 'malformed JSON answered with 200 and no responses',
    catchBy: 'envelope.malformed-json',
    hooks: () =>
      onMalformedJson({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(
          JSON.stringify({ responses: [], summary: { total: 0, succeeded: 0, failed: 0, skipped: 0 } }),
        ),
      }),
  },
  {
    name: 'dependsOn ignored',
    catchBy: 'depends.failed-424',
    hooks: () => ({
      rewriteEnvelope: (e) => ({
        ...e,
        requests: e.requests.map(({ dependsOn: _ignored, ...inner }) => inner),
      }),
    }),
  },
  {
    name: 'invalid items answered one by one while the valid ones run',
    catchBy: 'envelope.invalid-runs-nothing',
    hooks: () => ({
      hijack: async (inner: Inner) =>
        (inner.method === 'GET' || inner.method === 'HEAD') && 'body' in inner
          ? entry(inner.id, 400, { type: 'about:blank', status: 400, title: 'GET with a body' })
          : undefined,
    }),
  },
  {
    name: 'nested batches allowed (recursion)',
    catchBy: 'security.recursion-direct',
    hooks: (target) => ({
      hijack: async (inner: Inner, req: Request) => {
        if (pathOf(inner.url) !== new URL(target).pathname) return undefined;
        const headers = {
          ...forwardHeaders(req, ['batchwire-inner-request']),
          'content-type': 'application/json',
        };
        const answer = await forward(target, 'POST', headers, JSON.stringify(inner.body));
        return entry(inner.id, answer.status, JSON.parse(answer.body.toString()) as unknown);
      },
    }),
  },
  {
    name: 'absolute urls followed',
    catchBy: 'url.absolute',
    hooks: () => ({
      hijack: async (inner: Inner) =>
        /^[a-z][a-z0-9+.-]*:\/\//i.test(inner.url)
          ? fetchEntry(inner.id, inner.url, inner.method, {})
          : undefined,
    }),
  },
  {
    name: 'inner origin taken from X-Forwarded-Host',
    catchBy: 'url.host-header-ignored',
    hooks: () => ({
      hijack: async (inner: Inner, req: Request) => {
        const host = req.headers['x-forwarded-host'];
        return typeof host === 'string'
          ? fetchEntry(inner.id, `http://${host}${inner.url}`, inner.method, {})
          : undefined;
      },
    }),
  },
  {
    name: 'every refused envelope names a wrong rule code',
    catchBy: 'url.absolute',
    hooks: () => ({
      rewriteProblem: (problem) => ({
        ...problem,
        errors: Array.isArray(problem.errors)
          ? problem.errors.map((e: Record<string, unknown>) => ({ ...e, rule: 'schema.type' }))
          : problem.errors,
      }),
    }),
  },
  {
    name: 'refused envelopes list violations without rule codes',
    catchBy: 'envelope.rule-codes',
    strict: true,
    hooks: () => ({
      rewriteProblem: (problem) => ({
        ...problem,
        errors: Array.isArray(problem.errors)
          ? problem.errors.map(({ rule: _dropped, ...rest }: Record<string, unknown>) => rest)
          : problem.errors,
      }),
    }),
  },
  {
    name: 'an item naming the batch endpoint refused alone while the others run',
    catchBy: 'security.recursion-up-front',
    hooks: (target) => ({
      hijack: async (inner: Inner) =>
        pathOf(inner.url) === new URL(target).pathname ? markerRefusal(inner.id) : undefined,
    }),
  },
  {
    name: 'an upper-case spelling of the batch endpoint left to the marker refusal instead of refused up front',
    catchBy: 'security.recursion-upper-case',
    hooks: (target) => ({
      hijack: async (inner: Inner) =>
        inner.url.split('?')[0] === new URL(target).pathname.toUpperCase()
          ? markerRefusal(inner.id)
          : undefined,
    }),
  },
  {
    name: 'maxJsonDepth enforced one level below the advertised value',
    catchBy: 'envelope.deep-nesting',
    hooks: () => ({
      intercept: (raw, req) => {
        if (req.method !== 'POST') return undefined;
        try {
          const depth = depthOf(JSON.parse(raw.toString()));
          return depth >= DEFAULT_LIMITS.maxJsonDepth ? depthProblem(DEFAULT_LIMITS.maxJsonDepth) : undefined;
        } catch {
          return undefined;
        }
      },
    }),
  },
  {
    name: 'maxJsonDepth advertised one below the value enforced (one level too deep accepted)',
    catchBy: 'envelope.deep-nesting',
    hooks: () => ({
      rewriteCapabilities: (document) => ({
        ...document,
        limits: { ...(document.limits as object), maxJsonDepth: DEFAULT_LIMITS.maxJsonDepth - 1 },
      }),
    }),
  },
  {
    name: 'OData relative urls resolved against the batch url instead of the service root',
    catchBy: 'url.no-leading-slash',
    hooks: (target) => ({
      rewriteEnvelope: (e) => ({
        ...e,
        requests: e.requests.map((inner) =>
          inner.url.startsWith('/') ? inner : { ...inner, url: `${new URL(target).pathname}/${inner.url}` },
        ),
      }),
    }),
  },
  {
    name: 'onError "stop" answers requests waiting on the failure dependency-failed, not skipped',
    catchBy: 'stop.skipped-over-dependency-failed',
    hooks: () => ({
      rewriteResponse: (b) => ({
        ...b,
        responses: b.responses.map((r) =>
          (r.body as { type?: unknown } | undefined)?.type === PROBLEM_TYPES.skipped
            ? {
                ...r,
                body: { ...(r.body as object), type: PROBLEM_TYPES.dependencyFailed, dependency: 'fail' },
              }
            : r,
        ),
      }),
    }),
  },
  {
    name: 'credentials not passed to inner requests',
    catchBy: 'cred.authorization-inherited',
    upstream: { dropHeaders: ['authorization', 'cookie'] },
  },
  {
    name: 'inner requests run one by one',
    catchBy: 'exec.concurrent',
    strict: true,
    upstream: { oneAtATime: true },
  },
  {
    name: 'Batchwire-Inner-Request marker not added',
    catchBy: 'cred.marker-header',
    upstream: { dropHeaders: ['batchwire-inner-request'] },
  },
];
