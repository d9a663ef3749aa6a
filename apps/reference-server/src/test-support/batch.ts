import {
  type BatchResponse,
  type InnerResponse,
  PROBLEM_MEDIA_TYPE,
  type Problem,
  validateBatchResponse,
  validateProblem,
} from '@batchwire/schema';
import request from 'supertest';
import { expect } from 'vitest';
import type { Topology } from './topology.js';

/** Response bodies are read within this bound. */
const TIMEOUT = { response: 15_000, deadline: 20_000 };

/** A raw answer from the batch endpoint. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly body: unknown;
}

/** POSTs a body (an object is sent as JSON; a string as is) to `/batch` with extra headers. */
export async function postBatch(
  t: Topology,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const req = request(t.origin).post('/batch').timeout(TIMEOUT);
  if (headers['Content-Type'] === undefined) req.set('Content-Type', 'application/json');
  req.set(headers);
  const res = await req.send(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    status: res.status,
    headers: res.headers as Record<string, string>,
    text: res.text,
    body: res.body,
  };
}

/** Runs a batch that must be accepted; checks the response shape and returns it typed. */
export async function runBatch(
  t: Topology,
  envelope: unknown,
  headers: Record<string, string> = {},
): Promise<BatchResponse> {
  const res = await postBatch(t, envelope, headers);
  expect(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const checked = validateBatchResponse(res.body);
  if (!checked.ok) throw new Error(`invalid batch response: ${JSON.stringify(checked.errors)}`);
  for (const response of checked.value.responses) {
    // Every problem entry, whoever produced it, is a problem+json body whose status is the entry's.
    if (/^application\/problem\+json/.test(response.headers['Content-Type'] ?? '')) {
      const problem = validateProblem(response.body);
      expect(problem.ok, JSON.stringify(response)).toBe(true);
      expect(field(response, 'status')).toBe(response.status);
    }
  }
  return checked.value;
}

/** Sends a batch that must be refused as a whole with that status; returns the problem. */
export async function refuseBatch(
  t: Topology,
  body: unknown,
  status: number,
  headers: Record<string, string> = {},
): Promise<Problem> {
  const res = await postBatch(t, body, headers);
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(new RegExp(`^${PROBLEM_MEDIA_TYPE.replace('+', '\\+')}`));
  const checked = validateProblem(JSON.parse(res.text));
  if (!checked.ok) throw new Error(`invalid problem: ${JSON.stringify(checked.errors)}`);
  expect(checked.value.status).toBe(status);
  return checked.value;
}

/** The response with that id (failing the test when it is missing). */
export function item(batch: BatchResponse, id: string): InnerResponse {
  const found = batch.responses.find((response) => response.id === id);
  if (found === undefined) throw new Error(`no response with id ${id}`);
  return found;
}

/** A member of an inner response's JSON object body. */
export function field(response: InnerResponse, name: string): unknown {
  const body = response.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

/** Reads a fixture counter directly from the API origin (never through a batch). */
export async function counter(t: Topology, name: string): Promise<number> {
  const res = await request(t.apiOrigin).get(`/_conformance/counters/${name}`).timeout(TIMEOUT);
  return (res.body as { value: number }).value;
}

/** A counter name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The `{ start, end }` interval a delay fixture reported. */
export function interval(response: InnerResponse): { start: number; end: number } {
  const start = field(response, 'start');
  const end = field(response, 'end');
  if (typeof start !== 'number' || typeof end !== 'number') throw new Error('not a delay response');
  return { start, end };
}

/** The most intervals open at the same instant (end exclusive). */
export function maxOverlap(intervals: readonly { start: number; end: number }[]): number {
  let max = 0;
  for (const { start } of intervals) {
    const open = intervals.filter((other) => other.start <= start && start < other.end).length;
    max = Math.max(max, open);
  }
  return max;
}
