import type { ServerResponse } from 'node:http';
import { JSON_MEDIA_TYPE, PROBLEM_MEDIA_TYPE, type Problem } from '@batchwire/schema';

/** Answers an RFC 9457 problem (`application/problem+json`) with the problem's status. */
export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  res.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', PROBLEM_MEDIA_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Answers a JSON text with status 200. */
export function sendJson(res: ServerResponse, text: string, headers: Record<string, string> = {}): void {
  res.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', `${JSON_MEDIA_TYPE}; charset=utf-8`);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
