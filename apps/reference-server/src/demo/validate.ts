import type { Violation } from '@batchwire/schema';
import type { BlogEntryInput } from './store.js';

/** Longest title the demo API accepts. */
export const MAX_TITLE_LENGTH = 200;
/** Longest content the demo API accepts. */
export const MAX_CONTENT_LENGTH = 10_000;

/** The outcome of validating a blog entry body: the input, or every violation by JSON Pointer. */
export type EntryValidation =
  | { readonly ok: true; readonly value: BlogEntryInput }
  | { readonly ok: false; readonly errors: Violation[] };

/** Whether a value is a positive safe integer (a valid id or group id). */
export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function checkString(
  body: Record<string, unknown>,
  name: 'title' | 'content',
  max: number,
  errors: Violation[],
): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    errors.push({
      pointer: `/${name}`,
      detail: `${name} must be a non-empty string of at most ${max} characters`,
      rule: `entry.${name}`,
    });
    return '';
  }
  return value;
}

/** Validates the body of `POST /blogs/entries` or `PUT /blogs/entries/:id`. */
export function validateEntryInput(body: unknown): EntryValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ pointer: '', detail: 'the body must be a JSON object', rule: 'entry.object' }],
    };
  }
  const record = body as Record<string, unknown>;
  const errors: Violation[] = [];
  const groupId = Object.hasOwn(record, 'groupId') ? record.groupId : undefined;
  if (!isPositiveInteger(groupId)) {
    errors.push({ pointer: '/groupId', detail: 'groupId must be a positive integer', rule: 'entry.groupId' });
  }
  const title = checkString(record, 'title', MAX_TITLE_LENGTH, errors);
  const content = checkString(record, 'content', MAX_CONTENT_LENGTH, errors);
  if (errors.length > 0 || !isPositiveInteger(groupId)) return { ok: false, errors };
  return { ok: true, value: { groupId, title, content } };
}
