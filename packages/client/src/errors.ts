import type { Problem, Violation } from '@batchwire/schema';
import { checkProblem } from './check-answer.js';
import type { BatchResult } from './result.js';

/** Why a whole batch failed; `kind` tells the cases apart. Inner non-2xx results are never failures. */
export type BatchFailure =
  /** The request never got a complete answer (connection refused or reset, DNS, CORS). */
  | { readonly kind: 'network'; readonly cause: unknown }
  /** The caller's signal aborted, or `timeoutMs` ran out; `cause` is the signal's reason. */
  | { readonly kind: 'aborted'; readonly cause: unknown }
  /** The server answered with a non-200 status and no valid problem+json body. */
  | { readonly kind: 'http'; readonly status: number; readonly body: string }
  /** The server rejected the batch with an RFC 9457 problem (400, 413, 415, 409, 422, ...). */
  | { readonly kind: 'problem'; readonly status: number; readonly problem: Problem }
  /** The server answered 200 with something that is not a valid Batchwire answer to this batch. */
  | {
      readonly kind: 'malformed';
      readonly status: number;
      readonly detail: string;
      readonly errors: readonly Violation[];
    };

/** A whole-batch failure: an `Error` (with a stack) that is also a {@link BatchFailure} value. */
export type BatchError = Error & { readonly name: 'BatchError' } & BatchFailure;

/** A non-2xx inner result that the caller asked to treat as an error (`handle.json()`, `unwrap`). */
export type BatchItemError = Error & {
  readonly name: 'BatchItemError';
  readonly kind: 'item';
  /** The inner result as the server sent it. */
  readonly result: BatchResult;
  /** The result's body when it is an RFC 9457 problem (for example a 424 naming the dependency). */
  readonly problem: Problem | undefined;
};

/** The messages of an error and its causes, with the system error code where there is one. */
function causeText(cause: unknown): string {
  const parts: string[] = [];
  // An AggregateError (every address of a host refused) holds the real causes in `errors`.
  for (let at = cause, depth = 0; at instanceof Error && depth < 4; depth++) {
    const code = (at as { code?: unknown }).code;
    parts.push(typeof code === 'string' && !at.message.includes(code) ? `${code} ${at.message}` : at.message);
    at = (at as { errors?: unknown[] }).errors?.[0] ?? at.cause;
  }
  return parts.filter(Boolean).join(': ') || String(cause);
}

/** The first violations of a list, with their pointers (and rules). */
function rulesText(errors: readonly Violation[], fallback?: string): string {
  const shown = errors
    .slice(0, 3)
    .map((e) => `${e.pointer || '(root)'}${e.rule ? ` [${e.rule}]` : ''}: ${e.detail}`);
  if (errors.length > 3) shown.push(`and ${errors.length - 3} more`);
  return shown.length > 0 ? `; ${shown.join('; ')}` : fallback ? `: ${fallback}` : '';
}

function describe(failure: BatchFailure): string {
  switch (failure.kind) {
    case 'network':
      return `Batch request failed before an answer arrived: ${causeText(failure.cause)}`;
    case 'aborted':
      return `Batch request aborted: ${causeText(failure.cause)}`;
    case 'http':
      return `Batch endpoint answered HTTP ${failure.status}`;
    case 'problem':
      return `Batch rejected (${failure.status} ${failure.problem.title})${rulesText(failure.problem.errors ?? [], failure.problem.detail)}`;
    case 'malformed':
      return `Batch endpoint sent a malformed answer: ${failure.detail}${rulesText(failure.errors)}`;
  }
}

/** Builds a {@link BatchError} from a failure value; the message says what happened. */
export function batchError(failure: BatchFailure): BatchError {
  const error = new Error(describe(failure), 'cause' in failure ? { cause: failure.cause } : undefined);
  return Object.assign(error, { name: 'BatchError' as const }, failure);
}

/** Whether a value is a {@link BatchError} (what `send()` rejects with and `onFailure` receives). */
export function isBatchError(value: unknown): value is BatchError {
  return value instanceof Error && value.name === 'BatchError' && 'kind' in value;
}

/** Builds the {@link BatchItemError} of a non-2xx inner result. */
export function batchItemError(result: BatchResult): BatchItemError {
  const checked = checkProblem(result.body);
  const problem = checked.ok ? checked.value : undefined;
  const reason = problem
    ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`
    : 'non-2xx status';
  const error = new Error(`Request "${result.id}" answered ${result.status} (${reason})`);
  return Object.assign(error, { name: 'BatchItemError' as const, kind: 'item' as const, result, problem });
}

/** Whether a value is a {@link BatchItemError}. */
export function isBatchItemError(value: unknown): value is BatchItemError {
  return value instanceof Error && value.name === 'BatchItemError' && 'result' in value;
}
