import type { BatchResponse, Capabilities, Problem, StreamRecord, Violation } from '@batchwire/schema';
import {
  array,
  boolean,
  integer,
  literal,
  matching,
  number,
  object,
  record,
  string,
  unknown,
  validate,
} from './shape.js';

/** The smallest `maxRequests` a server may advertise (the schema's `MIN_MAX_REQUESTS`). */
export const MIN_MAX_REQUESTS = 20;

/** The pattern of an inner request id (the spec's; `ids.test.ts` checks it equals the schema's). */
export const REQUEST_ID = /^[A-Za-z0-9._~-]{1,128}$/;

const status = integer(100, 599);
const count = integer(0);
const positive = integer(1);

const violation = object({ pointer: string, detail: string }, { rule: string });

const problem = object(
  { type: string, title: string, status },
  {
    detail: string,
    instance: string,
    errors: array(violation),
    limit: object({ name: string, value: number }),
    dependency: string,
    pointer: string,
  },
);

const innerMembers = { id: matching(REQUEST_ID), status, headers: record(string) };
const innerOptional = { body: unknown, bodyEncoding: literal('base64') };
const summary = object({ total: count, succeeded: count, failed: count, skipped: count });

const batchResponse = object({ responses: array(object(innerMembers, innerOptional)), summary });

const streamItem = object({ ...innerMembers, index: count }, innerOptional);
const streamSummary = object({ summary });

const capabilities = object({
  protocol: literal('batchwire'),
  versions: array(string, 1),
  limits: object(
    {
      maxRequests: integer(MIN_MAX_REQUESTS),
      maxBodyBytes: positive,
      maxJsonDepth: positive,
      maxConcurrency: positive,
      requestTimeoutMs: positive,
      batchTimeoutMs: positive,
    },
    { idempotencyTtlMs: positive, maxItemResponseBytes: positive, maxResponseBytes: positive },
  ),
  features: object({
    references: boolean,
    onErrorStop: boolean,
    streaming: boolean,
    idempotency: boolean,
    atomicity: boolean,
  }),
});

/** A checked value, or every violation found (each with its JSON Pointer). */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: Violation[] };

/** Checks an RFC 9457 problem body (with Batchwire's extensions). */
export const checkProblem = (value: unknown): Checked<Problem> => validate(problem, value);

/** Checks a consolidated batch response. */
export const checkBatchResponse = (value: unknown): Checked<BatchResponse> => validate(batchResponse, value);

/** Checks one NDJSON line of a streamed answer: an item record or the summary record. */
export const checkStreamRecord = (value: unknown): Checked<StreamRecord> => {
  const item = validate<StreamRecord>(streamItem, value);
  // Most lines are items, so their errors are the ones worth reporting.
  return item.ok
    ? item
    : validate<StreamRecord>(streamSummary, value).ok
      ? { ok: true, value: value as StreamRecord }
      : item;
};

/** Checks a capabilities document. */
export const checkCapabilities = (value: unknown): Checked<Capabilities> => validate(capabilities, value);
