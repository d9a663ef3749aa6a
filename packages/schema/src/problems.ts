import { PROBLEM_TYPES } from './constants/problem-types.js';
import type { Problem } from './problem.js';
import type { Violation } from './violation.js';

/** Builds the 400 problem of an envelope that broke rules, listing every violation. */
export function invalidEnvelopeProblem(errors: Violation[]): Problem {
  return {
    type: PROBLEM_TYPES.invalidEnvelope,
    title: 'Invalid batch envelope',
    status: 400,
    detail: `The batch was rejected as a whole and no request ran: ${errors.length} rule${errors.length === 1 ? ' was' : 's were'} broken.`,
    errors,
  };
}

/** Builds the problem of an exceeded limit: 413 for size and count, 400 for nesting depth. */
export function limitProblem(
  name: string,
  value: number,
  status: 400 | 413,
  errors: Violation[] = [],
): Problem {
  return {
    type: PROBLEM_TYPES.limitExceeded,
    title: 'Batch limit exceeded',
    status,
    detail: `The batch exceeds the advertised limit ${name} = ${value}; no request ran.`,
    limit: { name, value },
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** Builds the 400 problem of a body that is not parseable JSON. */
export function malformedJsonProblem(reason: string): Problem {
  return {
    type: PROBLEM_TYPES.malformedJson,
    title: 'Malformed JSON',
    status: 400,
    detail: `The request body is not valid JSON: ${reason}`,
    errors: [{ pointer: '', detail: 'must be a JSON document', rule: 'json.syntax' }],
  };
}

/** Builds the 415 problem of an outer request that is not `application/json`. */
export function unsupportedMediaTypeProblem(received: string | undefined): Problem {
  return {
    type: PROBLEM_TYPES.unsupportedMediaType,
    title: 'Unsupported media type',
    status: 415,
    detail: `A batch must be sent as application/json; received ${received ? `"${received}"` : 'no Content-Type'}.`,
  };
}
