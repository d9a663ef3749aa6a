import { type BatchLogger, safeLog } from './logger.js';
import type { BatchHttpResponse } from './types.js';

const LOGGED = new Set([400, 413, 415]);

/**
 * Logs a refused batch (400, 413, 415) at info with what a reader needs to see why: the problem
 * type, the rule codes of its violations and the limit it names. Nothing is logged for accepted
 * batches here, nor without a configured logger (a refusal is the caller's mistake, not the app's).
 */
export function logRejection(logger: BatchLogger | undefined, answer: BatchHttpResponse): void {
  if (logger === undefined || !LOGGED.has(answer.status) || typeof answer.body !== 'string') return;
  let problem: { type?: unknown; errors?: unknown; limit?: unknown };
  try {
    problem = JSON.parse(answer.body) as typeof problem;
  } catch {
    return;
  }
  const rules = Array.isArray(problem.errors)
    ? problem.errors.map((e) => (e as { rule?: unknown }).rule).filter((rule) => typeof rule === 'string')
    : [];
  safeLog(
    logger,
    'info',
    {
      status: answer.status,
      type: problem.type,
      rules,
      ...(problem.limit === undefined ? {} : { limit: problem.limit }),
    },
    'batch rejected',
  );
}
