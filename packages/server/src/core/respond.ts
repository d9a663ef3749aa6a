import { JSON_MEDIA_TYPE, NDJSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE, type Problem } from '@batchwire/schema';
import type { BatchHttpResponse } from './types.js';

/** An RFC 9457 problem answer (`application/problem+json`) with the problem's status. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): BatchHttpResponse {
  return {
    status: problem.status,
    headers: { ...headers, 'Content-Type': PROBLEM_MEDIA_TYPE },
    body: JSON.stringify(problem),
  };
}

/** A 200 JSON answer. */
export function jsonResponse(text: string, headers: Record<string, string> = {}): BatchHttpResponse {
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': `${JSON_MEDIA_TYPE}; charset=utf-8` },
    body: text,
  };
}

/** A 200 NDJSON answer; proxies are asked not to buffer it (nginx reads `X-Accel-Buffering`). */
export function ndjsonResponse(
  body: string | AsyncIterable<string>,
  headers: Record<string, string> = {},
): BatchHttpResponse {
  return {
    status: 200,
    // Stryker disable next-line StringLiteral: X-Accel-Buffering is advice to a proxy (nginx), not protocol
    headers: { ...headers, 'Content-Type': NDJSON_MEDIA_TYPE, 'X-Accel-Buffering': 'no' },
    body,
  };
}
