import type { BatchRequest, InnerResponse, Violation } from '@batchwire/schema';
import { type Checked, checkProblem } from './check-answer.js';
import { type BatchError, batchError } from './errors.js';
import { isJsonMediaType, mediaTypeOf, PROBLEM_MEDIA_TYPE } from './media.js';

/** Either a value or the whole-batch error that replaced it. */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BatchError };

/** Builds a `malformed` failure outcome. */
export function malformed(status: number, detail: string, errors: readonly Violation[] = []): Outcome<never> {
  return { ok: false, error: batchError({ kind: 'malformed', status, detail, errors }) };
}

/** Reads a whole answer body as text; a connection lost meanwhile is kind `network`. */
export async function textOf(response: Response): Promise<Outcome<string>> {
  try {
    return { ok: true, value: await response.text() };
  } catch (cause) {
    return { ok: false, error: batchError({ kind: 'network', cause }) };
  }
}

/** Reads a whole JSON answer and checks its shape: the value, or a `malformed` failure naming `what`. */
export async function readChecked<T>(
  response: Response,
  check: (value: unknown) => Checked<T>,
  what: string,
): Promise<Outcome<T>> {
  const text = await textOf(response);
  if (!text.ok) return text;
  const parsed = parseJson(text.value);
  if (!parsed.ok) return malformed(response.status, `the body is not JSON (${parsed.reason})`);
  const checked = check(parsed.value);
  return checked.ok
    ? checked
    : malformed(response.status, `the body is not a Batchwire ${what}`, checked.errors);
}

/** Reads the error of a non-200 outer answer: a problem when the body is a valid problem+json, else `http`. */
export async function failureOf(response: Response): Promise<Outcome<never>> {
  const body = await textOf(response);
  if (!body.ok) return body;
  const text = body.value;
  const type = response.headers.get('content-type');
  if (mediaTypeOf(type) === PROBLEM_MEDIA_TYPE || isJsonMediaType(type)) {
    const parsed = parseJson(text);
    const checked = parsed.ok ? checkProblem(parsed.value) : undefined;
    if (checked?.ok) {
      return {
        ok: false,
        error: batchError({ kind: 'problem', status: response.status, problem: checked.value }),
      };
    }
  }
  return { ok: false, error: batchError({ kind: 'http', status: response.status, body: text }) };
}

/** Parses JSON text without throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Checks that an inner response answers the request at `index` (the spec echoes ids in request
 * order); returns the reason when it does not.
 */
export function mismatch(envelope: BatchRequest, index: number, response: InnerResponse): string | undefined {
  const request = envelope.requests[index];
  if (request === undefined) return `index ${index} names no request`;
  if (request.id !== response.id) {
    return `response ${index} has id "${response.id}", not "${request.id}"`;
  }
  return undefined;
}
