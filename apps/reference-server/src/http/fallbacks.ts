import { PROBLEM_TYPES } from '@batchwire/schema';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { httpProblem, sendProblem } from './problem.js';

/** Answers every unmatched route with a 404 problem. */
export function notFound(): RequestHandler {
  return (req, res) => {
    sendProblem(res, httpProblem(404, `No route for ${req.method} ${req.path}.`));
  };
}

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly message?: unknown;
}

function asBodyParserError(error: unknown): BodyParserError | undefined {
  return typeof error === 'object' && error !== null ? (error as BodyParserError) : undefined;
}

/**
 * Turns every error into a problem: body parser failures keep their 4xx status and name the
 * body (pointer ""), anything else is a 500 `handler-error` problem without a stack trace.
 */
export function errorHandler(logger?: Pick<Logger, 'error'>): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const parserError = asBodyParserError(error);
    const status = typeof parserError?.status === 'number' ? parserError.status : 500;
    if (parserError?.type === 'entity.parse.failed') {
      const reason = typeof parserError.message === 'string' ? parserError.message : 'syntax error';
      sendProblem(res, {
        ...httpProblem(400, `The request body is not valid JSON: ${reason}`, [
          { pointer: '', detail: 'must be a JSON document', rule: 'json.syntax' },
        ]),
        type: PROBLEM_TYPES.malformedJson,
        title: 'Malformed JSON',
      });
      return;
    }
    if (status >= 400 && status < 500) {
      sendProblem(res, httpProblem(status, 'The request body could not be read.'));
      return;
    }
    logger?.error({ err: error, method: req.method, url: req.originalUrl }, 'handler failed');
    // The spec's handler-error type, so a crash reads the same sent alone or inside a batch.
    sendProblem(res, {
      ...httpProblem(500, 'The handler failed; see the server log.'),
      type: PROBLEM_TYPES.handlerError,
      title: 'Handler error',
    });
  };
}
