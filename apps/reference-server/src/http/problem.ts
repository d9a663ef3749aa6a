import { STATUS_CODES } from 'node:http';
import type { Problem, Violation } from '@batchwire/schema';
import { PROBLEM_MEDIA_TYPE } from '@batchwire/schema';
import type { Response } from 'express';

/** Sends an RFC 9457 problem as `application/problem+json` with the problem's status. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
}

/** Builds an `about:blank` problem (title = the status text) with optional detail and violations. */
export function httpProblem(status: number, detail?: string, errors?: Violation[]): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined || errors.length === 0 ? {} : { errors }),
  };
}

/** Builds the 400 problem of one invalid field, named by its JSON Pointer. */
export function fieldProblem(pointer: string, detail: string, rule: string): Problem {
  return httpProblem(400, `Invalid request: ${detail}`, [{ pointer, detail, rule }]);
}
