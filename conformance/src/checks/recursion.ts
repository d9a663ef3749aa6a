import { INNER_REQUEST_MARKER_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import { harnessError } from '../run/harness-error.js';
import { failVerdict, PASS } from '../run/verdict.js';
import { readCounter } from './batch-call.js';
import type { CheckContext, NamedCheck } from './check-context.js';

/** Spellings of the batch endpoint's own path that an inner request might use to re-enter it. */
export const RECURSION_VARIANTS = [
  'direct',
  'trailing-slash',
  'upper-case',
  'encoded',
  'query',
  'doubled-slash',
  'reference-in-query',
  'reference',
] as const;

function spell(variant: string, batchPath: string): string {
  const cut = batchPath.lastIndexOf('/');
  const prefix = batchPath.slice(0, cut + 1);
  const last = batchPath.slice(cut + 1);
  switch (variant) {
    case 'direct':
      return batchPath;
    case 'trailing-slash':
      return `${batchPath}/`;
    case 'upper-case':
      return batchPath.toUpperCase();
    case 'encoded':
      // Percent-encode the first character of the last segment: "/batch" becomes "/%62atch".
      return `${prefix}%${last.charCodeAt(0).toString(16).toUpperCase()}${last.slice(1)}`;
    case 'query':
      return `${batchPath}?via=inner`;
    case 'doubled-slash':
      return `/${batchPath}`;
    default:
      throw harnessError(`unknown recursion variant "${variant}"`);
  }
}

function envelopeFor(variant: string, context: CheckContext, nested: unknown): unknown {
  if (variant === 'reference-in-query') {
    // The path is known before execution; only the query waits for a reference.
    return {
      requests: [
        { id: 'path', method: 'GET', url: `${context.fixtures}/echo` },
        { id: 'nested', method: 'POST', url: `${context.batchPath}?via=\${path#/status}`, body: nested },
      ],
    };
  }
  if (variant !== 'reference') {
    return {
      requests: [{ id: 'nested', method: 'POST', url: spell(variant, context.batchPath), body: nested }],
    };
  }
  const cut = context.batchPath.lastIndexOf('/');
  return {
    requests: [
      {
        id: 'path',
        method: 'POST',
        url: `${context.fixtures}/echo`,
        body: { segment: context.batchPath.slice(cut + 1) },
      },
      {
        id: 'nested',
        method: 'POST',
        url: `${context.batchPath.slice(0, cut + 1)}\${path#/body/body/segment}`,
        body: nested,
      },
    ],
  };
}

/** An inner request aimed at the batch endpoint itself is refused and never runs a nested batch. */
export const recursion: NamedCheck = {
  summary:
    'Sends an inner POST whose url is the batch endpoint (variants: direct, trailing-slash, upper-case, encoded, query, doubled-slash, reference-in-query, reference) carrying a nested batch that bumps a counter; passes when the envelope or the item is refused (400, or 404/405 for a spelling the router does not accept, never a nested batch response) and the counter stays 0; an item the batch endpoint itself refused (problem type recursion, from the marker) fails every variant but reference, which req-sec-4 wants refused up front.',
  async run(context, params) {
    const variant = String(params.variant ?? 'direct');
    const name = `${context.run}-recursion`;
    const nested = {
      requests: [{ id: 'bump', method: 'POST', url: `${context.fixtures}/counters/${name}` }],
    };
    const exchange = await context.exchange({ body: envelopeFor(variant, context, nested) });
    if (!exchange.ok) return failVerdict(exchange.error, exchange.evidence);
    const value = await readCounter(context, name);
    if (typeof value !== 'number') return value.verdict;
    if (value !== 0)
      return failVerdict(
        `the nested batch ran (counter ${name} = ${value}): the server re-entered its own batch endpoint`,
        exchange.evidence,
      );
    if (exchange.status === 400) return PASS;
    if (exchange.status !== 200)
      return failVerdict(
        `expected 400 for the envelope or for the item, got ${exchange.status}`,
        exchange.evidence,
      );
    let body: unknown;
    try {
      body = JSON.parse(exchange.text);
    } catch {
      return failVerdict('the consolidated response is not JSON', exchange.evidence);
    }
    const responses = isObject(body) && Array.isArray(body.responses) ? body.responses : [];
    const item = responses.find((r) => isObject(r) && r.id === 'nested') as
      | Record<string, unknown>
      | undefined;
    if (!item) return failVerdict('no response for the inner request "nested"', exchange.evidence);
    if (isObject(item.body) && Object.hasOwn(item.body, 'responses')) {
      return failVerdict('the inner request was answered with a nested batch response', exchange.evidence);
    }
    // A marker refusal is the batch endpoint answering: the router took this spelling to it, so
    // req-sec-4 wanted the envelope refused before anything ran, not the item once dispatched.
    if (variant !== 'reference' && isObject(item.body) && item.body.type === PROBLEM_TYPES.recursion) {
      return failVerdict(
        `the inner request reached the batch endpoint (refused by the ${INNER_REQUEST_MARKER_HEADER} marker as a recursion): a url the router takes there must refuse the whole envelope up front with url.recursion`,
        exchange.evidence,
      );
    }
    const allowed = variant === 'direct' ? [400] : [400, 404, 405];
    if (!allowed.includes(Number(item.status))) {
      return failVerdict(
        `the inner request aimed at the batch endpoint answered ${item.status}, expected ${allowed.join(' or ')}`,
        exchange.evidence,
      );
    }
    return PASS;
  },
};
