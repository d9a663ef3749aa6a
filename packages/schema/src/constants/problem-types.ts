/** Base of every problem `type` URI Batchwire defines. */
export const PROBLEM_TYPE_BASE = 'https://batchwire.dev/problems/';

/** Problem `type` URIs, one per kind of failure the protocol names. */
export const PROBLEM_TYPES = Object.freeze({
  /** The envelope broke one or more rules; `errors` lists each with its pointer. */
  invalidEnvelope: `${PROBLEM_TYPE_BASE}invalid-envelope`,
  /** The body was not parseable JSON. */
  malformedJson: `${PROBLEM_TYPE_BASE}malformed-json`,
  /** An advertised limit was exceeded; `limit` names it. */
  limitExceeded: `${PROBLEM_TYPE_BASE}limit-exceeded`,
  /** The outer request was not `application/json`. */
  unsupportedMediaType: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
  /** The batch endpoint does not support that HTTP method. */
  methodNotAllowed: `${PROBLEM_TYPE_BASE}method-not-allowed`,
  /** An inner request was not run because a dependency did not succeed. */
  dependencyFailed: `${PROBLEM_TYPE_BASE}dependency-failed`,
  /** An inner request was not run because of `onError: "stop"` or the batch deadline. */
  skipped: `${PROBLEM_TYPE_BASE}skipped`,
  /** A reference pointed at nothing in the earlier response. */
  unresolvedReference: `${PROBLEM_TYPE_BASE}unresolved-reference`,
  /** A url produced by a reference broke the url rules. */
  invalidResolvedUrl: `${PROBLEM_TYPE_BASE}invalid-resolved-url`,
  /** A header value produced by a reference broke the header value rules. */
  invalidResolvedHeader: `${PROBLEM_TYPE_BASE}invalid-resolved-header`,
  /** A request would have entered a batch endpoint from inside a batch. */
  recursion: `${PROBLEM_TYPE_BASE}recursion`,
  /** The inner request took longer than its time limit. */
  timeout: `${PROBLEM_TYPE_BASE}timeout`,
  /** The inner handler crashed. */
  handlerError: `${PROBLEM_TYPE_BASE}handler-error`,
  /** An inner answer, or the consolidated answer with it, was larger than a limit; `limit` names it. */
  responseTooLarge: `${PROBLEM_TYPE_BASE}response-too-large`,
  /** The inner handler's connection broke before it answered. */
  badGateway: `${PROBLEM_TYPE_BASE}bad-gateway`,
  /** The same Idempotency-Key came with a different envelope. */
  idempotencyMismatch: `${PROBLEM_TYPE_BASE}idempotency-mismatch`,
  /** The same Idempotency-Key came while its first batch was still running. */
  idempotencyInProgress: `${PROBLEM_TYPE_BASE}idempotency-in-progress`,
  /** The idempotency store could not be reached, so a keyed batch was not run. */
  idempotencyUnavailable: `${PROBLEM_TYPE_BASE}idempotency-unavailable`,
});

/** One of the problem type URIs Batchwire defines. */
export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];
