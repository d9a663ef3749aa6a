import { BatchResponse } from './batch-response.js';
import { Capabilities } from './capabilities.js';
import { type CheckResult, checkAgainst } from './checker.js';
import { Problem } from './problem.js';
import { StreamRecord } from './stream-record.js';

/** Validates a server's consolidated response (for clients and conformance runners). */
export function validateBatchResponse(value: unknown): CheckResult<BatchResponse> {
  return checkAgainst(BatchResponse, value);
}

/** Validates a capabilities document. */
export function validateCapabilities(value: unknown): CheckResult<Capabilities> {
  return checkAgainst(Capabilities, value);
}

/** Validates an RFC 9457 problem body. */
export function validateProblem(value: unknown): CheckResult<Problem> {
  return checkAgainst(Problem, value);
}

/** Validates one NDJSON line of a streamed response. */
export function validateStreamRecord(value: unknown): CheckResult<StreamRecord> {
  return checkAgainst(StreamRecord, value);
}
