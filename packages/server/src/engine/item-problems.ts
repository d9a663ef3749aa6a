import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES, type Problem } from '@batchwire/schema';
import type { CancelReason, EngineLimits, InnerResult } from './types.js';

function problemResult(problem: Problem): InnerResult {
  const headers: Record<string, string> = Object.create(null);
  headers['Content-Type'] = PROBLEM_MEDIA_TYPE;
  return { status: problem.status, headers, body: { kind: 'json', value: problem } };
}

/** 424 for a request whose dependency did not succeed. */
export function dependencyFailed(
  dependencyId: string,
  dependencyStatus: number,
  dependencyRan = true,
): InnerResult {
  // Stryker disable StringLiteral: the detail text of a dependency-failed entry (free prose)
  const what = dependencyRan
    ? `finished with status ${dependencyStatus}`
    : `was not executed (status ${dependencyStatus})`;
  // Stryker restore StringLiteral
  return problemResult({
    type: PROBLEM_TYPES.dependencyFailed,
    title: 'Dependency failed',
    status: 424,
    detail: `Not executed: it depends on request "${dependencyId}", which ${what}.`,
    dependency: dependencyId,
  });
}

/** 424 for a request not started because of `onError: "stop"`, the batch deadline or a disconnect. */
export function skipped(reason: string): InnerResult {
  return problemResult({
    type: PROBLEM_TYPES.skipped,
    title: 'Skipped',
    status: 424,
    detail: `Not executed: ${reason}.`,
  });
}

/** 424 for a reference whose pointer resolved to nothing. */
export function unresolvedReference(id: string, pointer: string, at: string): InnerResult {
  return problemResult({
    type: PROBLEM_TYPES.unresolvedReference,
    title: 'Unresolved reference',
    status: 424,
    detail: `Not executed: the reference \${${id}#${pointer}} in ${at} resolved to nothing in the response of "${id}".`,
    dependency: id,
    pointer,
  });
}

/** 400 for a url or header value that broke a rule once references were substituted. */
export function invalidResolved(pointer: string, rule: string, detail: string): InnerResult {
  return problemResult({
    type: pointer.endsWith('/url') ? PROBLEM_TYPES.invalidResolvedUrl : PROBLEM_TYPES.invalidResolvedHeader,
    title: 'Invalid request after substitution',
    status: 400,
    detail: `Not executed: after references were substituted, ${pointer} ${detail}.`,
    errors: [{ pointer, detail, rule }],
  });
}

/** 413 for an inner request whose substituted references would exceed the size budget. */
export function resolvedTooLarge(pointer: string, maxBytes: number): InnerResult {
  return problemResult({
    type: PROBLEM_TYPES.limitExceeded,
    title: 'Request too large after substitution',
    status: 413,
    detail: `Not executed: the values its references insert exceed ${maxBytes} bytes.`,
    limit: { name: 'maxBodyBytes', value: maxBytes },
    errors: [
      { pointer, rule: 'limit.resolvedSize', detail: `references insert more than ${maxBytes} bytes` },
    ],
  });
}

/** 504 for an inner request that ran past its time limit or the batch deadline. */
export function timedOut(limitName: 'requestTimeoutMs' | 'batchTimeoutMs', limitMs: number): InnerResult {
  return problemResult({
    type: PROBLEM_TYPES.timeout,
    title: 'Gateway timeout',
    status: 504,
    detail: `The inner request did not finish within ${limitName} (${limitMs} ms).`,
    // Stryker disable next-line ObjectLiteral: the spec leaves this open: the problem table of section 14 names no limit member for timeout, so no case may demand one
    limit: { name: limitName, value: limitMs },
  });
}

/** 500 for an inner handler that crashed. */
// Stryker disable next-line StringLiteral: the default detail text of a handler-error entry (free prose)
export function handlerError(detail = 'The inner request handler failed.'): InnerResult {
  return problemResult({ type: PROBLEM_TYPES.handlerError, title: 'Handler error', status: 500, detail });
}

/** 502 for an inner request whose connection broke before it answered. */
export function badGateway(detail: string): InnerResult {
  return problemResult({ type: PROBLEM_TYPES.badGateway, title: 'Bad gateway', status: 502, detail });
}

/** 503 for a running inner request abandoned because the client disconnected. */
export function abandoned(): InnerResult {
  return problemResult({
    type: 'about:blank',
    title: 'Service Unavailable',
    status: 503,
    detail: 'Aborted: the client disconnected before this request finished.',
  });
}

/** Any problem as an item result (e.g. recursion refused by the edge). */
export function problemItem(problem: Problem): InnerResult {
  return problemResult(problem);
}

/** The answer of an item cancelled while running: 504 for either time limit, 503 for a disconnect. */
export function cancelledResult(reason: CancelReason, limits: EngineLimits): InnerResult {
  if (reason === 'timeout') return timedOut('requestTimeoutMs', limits.requestTimeoutMs);
  if (reason === 'deadline') return timedOut('batchTimeoutMs', limits.batchTimeoutMs);
  return abandoned();
}
