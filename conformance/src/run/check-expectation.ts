import {
  type Violation,
  validateBatchResponse,
  validateCapabilities,
  validateProblem,
  validateStreamRecord,
} from '@batchwire/schema';
import type { BodySchemaName, Expectation } from '../case/expectation.js';
import { match } from '../match/matcher.js';
import type { Mismatch } from '../match/mismatch.js';
import { OPERATORS } from '../match/operators.js';

type Received = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
};

/** A body read as the expectation says: JSON, NDJSON lines or text; `error` when it could not be read. */
export function readBody(
  text: string,
  format: Expectation['format'] = 'json',
): { readonly value: unknown; readonly error?: string } {
  if (format === 'text') return { value: text };
  if (format === 'ndjson') {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const values: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        values.push(JSON.parse(line));
      } catch {
        return { value: undefined, error: `line ${i + 1} of the NDJSON body is not JSON` };
      }
    }
    return { value: values };
  }
  if (text === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { value: undefined, error: 'the body is not JSON' };
  }
}

const VALIDATORS: Record<BodySchemaName, (value: unknown) => { ok: boolean; errors?: Violation[] }> = {
  'batch-response': validateBatchResponse,
  problem: validateProblem,
  capabilities: validateCapabilities,
  'stream-record': validateStreamRecord,
};

function schemaMismatches(name: BodySchemaName, value: unknown): Mismatch[] {
  const validate = VALIDATORS[name];
  const items =
    name === 'stream-record' && Array.isArray(value)
      ? value.map((v, i) => [`/${i}`, v] as const)
      : [['', value] as const];
  return items.flatMap(([prefix, item]) => {
    const result = validate(item);
    if (result.ok) return [];
    return (result.errors ?? []).slice(0, 3).map((e) => ({
      path: `${prefix}${e.pointer}`,
      expected: `a valid ${name} document`,
      actual: e.detail,
    }));
  });
}

/**
 * Checks a received response against an expectation and returns every mismatch, plus the parsed
 * body. A wrong status is reported alone (with headers): body checks would only repeat it.
 */
export function checkExpectation(
  received: Received,
  expect: Expectation,
): { mismatches: Mismatch[]; body: unknown; statusOk: boolean } {
  const mismatches: Mismatch[] = [];
  if (expect.status !== undefined) mismatches.push(...match(received.status, expect.status, '(status)'));
  const statusOk = mismatches.length === 0;
  if (expect.headers !== undefined) {
    mismatches.push(...OPERATORS.$headers!.check(received.headers, expect.headers, '(headers)', match));
  }
  const body = readBody(received.text, expect.format);
  if (!statusOk) return { mismatches, body: body.value, statusOk };
  if ((expect.body !== undefined || expect.schema !== undefined) && body.error) {
    mismatches.push({ path: '(body)', expected: expect.format ?? 'JSON', actual: body.error });
    return { mismatches, body: body.value, statusOk };
  }
  if (expect.schema !== undefined) mismatches.push(...schemaMismatches(expect.schema, body.value));
  if (expect.body !== undefined) mismatches.push(...match(body.value, expect.body, ''));
  return { mismatches, body: body.value, statusOk };
}
