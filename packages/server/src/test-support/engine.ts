import { type ParsedBatch, parseBatch } from '@batchwire/schema';
import type { DispatchRequest, EngineLimits, HeaderRecord, InnerResult } from '../engine/types.js';

/** Limits for engine tests: generous unless a test narrows them. */
export const TEST_LIMITS: EngineLimits = {
  maxConcurrency: 16,
  requestTimeoutMs: 2_000,
  batchTimeoutMs: 5_000,
};

/** Parses an envelope that must be valid (the test's own input). */
export function accepted(envelope: unknown): ParsedBatch {
  const parsed = parseBatch(envelope, { maxRequests: 20_000 });
  if (!parsed.ok) throw new Error(`test envelope rejected: ${JSON.stringify(parsed.problem)}`);
  return parsed;
}

/** A JSON result with the given status and body. */
export function jsonResult(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): InnerResult {
  const record: HeaderRecord = Object.create(null);
  record['Content-Type'] = 'application/json';
  Object.assign(record, headers);
  return { status, headers: record, body: { kind: 'json', value } };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A dispatcher that records every request it got. */
export function recording(answer: (request: DispatchRequest) => InnerResult | Promise<InnerResult>) {
  const seen: DispatchRequest[] = [];
  return {
    seen,
    dispatch: async (request: DispatchRequest) => {
      seen.push(request);
      return answer(request);
    },
  };
}
