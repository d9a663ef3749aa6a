import type { Violation } from '@batchwire/schema';

/**
 * Checks one value at a JSON Pointer and appends what is wrong to `errors`. Hand-written so the
 * browser bundle carries no schema interpreter; `check-answer.test.ts` proves these checks agree
 * with the TypeBox schemas of `@batchwire/schema`.
 */
export type Check = (value: unknown, at: string, errors: Violation[]) => void;

/** Most violations collected for one value: a hostile answer cannot make the list unbounded. */
const MAX_ERRORS = 20;

function push(errors: Violation[], pointer: string, expected: string, rule = 'schema.type'): void {
  if (errors.length < MAX_ERRORS) errors.push({ pointer, detail: `Expected ${expected}`, rule });
}

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const child = (at: string, key: string | number) =>
  `${at}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** Any string. */
export const string: Check = (value, at, errors) => {
  if (typeof value !== 'string') push(errors, at, 'string');
};

/** A string matching `pattern`. */
export const matching =
  (pattern: RegExp): Check =>
  (value, at, errors) => {
    if (typeof value !== 'string') push(errors, at, 'string');
    else if (!pattern.test(value)) push(errors, at, `string to match '${pattern.source}'`, 'schema.format');
  };

/** A finite number. */
export const number: Check = (value, at, errors) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) push(errors, at, 'number');
};

/** An integer within `[min, max]`. */
export const integer =
  (min: number, max?: number): Check =>
  (value, at, errors) => {
    if (!Number.isInteger(value)) push(errors, at, 'integer');
    else if ((value as number) < min || (value as number) > (max ?? Number.MAX_VALUE))
      push(errors, at, `integer from ${min}${max === undefined ? '' : ` to ${max}`}`);
  };

/** A boolean. */
export const boolean: Check = (value, at, errors) => {
  if (typeof value !== 'boolean') push(errors, at, 'boolean');
};

/** Exactly the string `expected`. */
export const literal =
  (expected: string): Check =>
  (value, at, errors) => {
    if (value !== expected) push(errors, at, `'${expected}'`, 'schema.enum');
  };

/** An array whose items pass `item`, with at least `minItems` of them. */
export const array =
  (item: Check, minItems = 0): Check =>
  (value, at, errors) => {
    if (!Array.isArray(value)) return push(errors, at, 'array');
    if (value.length < minItems) push(errors, at, `at least ${minItems} items`, 'schema.minItems');
    for (let i = 0; i < value.length && errors.length < MAX_ERRORS; i++) item(value[i], child(at, i), errors);
  };

/** An object whose every member passes `item`. */
export const record =
  (item: Check): Check =>
  (value, at, errors) => {
    if (!isObject(value)) return push(errors, at, 'object');
    for (const key of Object.keys(value)) item(value[key], child(at, key), errors);
  };

/** An object with these members (unknown members are allowed, as the schemas allow them). */
export const object =
  (required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check =>
  (value, at, errors) => {
    if (!isObject(value)) return push(errors, at, 'object');
    for (const [key, check] of Object.entries(required)) {
      if (!(key in value)) push(errors, child(at, key), 'required property', 'schema.required');
      else check(value[key], child(at, key), errors);
    }
    for (const [key, check] of Object.entries(optional)) {
      if (value[key] !== undefined) check(value[key], child(at, key), errors);
    }
  };

/** Anything at all. */
export const unknown: Check = () => undefined;

/** Runs a check on a whole value: the value typed as `T`, or its violations. */
export function validate<T>(
  check: Check,
  value: unknown,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: Violation[] } {
  const errors: Violation[] = [];
  check(value, '', errors);
  return errors.length === 0 ? { ok: true, value: value as T } : { ok: false, errors };
}
