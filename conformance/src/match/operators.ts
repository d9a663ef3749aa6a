import { deepEqual, isObject, jsonType, preview } from './json.js';
import type { Mismatch } from './mismatch.js';

/** Matches a value against a matcher at a JSON Pointer path, returning every mismatch. */
export type MatchFn = (actual: unknown, matcher: unknown, path: string) => Mismatch[];

/** One `$operator` of the matcher language: how it checks a value and how its argument is validated. */
export interface Operator {
  /** Returns the mismatches of `actual` against the operator's argument. */
  readonly check: (actual: unknown, arg: unknown, path: string, match: MatchFn) => Mismatch[];
  /** Returns why an argument is malformed, or undefined when it is fine. */
  readonly validate: (
    arg: unknown,
    validateMatcher: (m: unknown, path: string) => string[],
  ) => string | undefined;
  /** Whether the operator accepts a missing value (all others fail on one). */
  readonly acceptsMissing?: boolean;
}

const fail = (path: string, expected: string, actual: unknown): Mismatch[] => [
  { path, expected, actual: preview(actual) },
];
const ok: Mismatch[] = [];

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';
const numberArg = (arg: unknown) => (isNumber(arg) ? undefined : 'needs a number');
const anyArg = () => undefined;
const matcherArg = (arg: unknown, v: (m: unknown, p: string) => string[]) =>
  v(arg, '').join('; ') || undefined;
const matcherListArg = (arg: unknown, v: (m: unknown, p: string) => string[]) =>
  Array.isArray(arg) && arg.length > 0
    ? arg.flatMap((m) => v(m, '')).join('; ') || undefined
    : 'needs a non-empty array of matchers';

function compare(name: string, test: (a: number, b: number) => boolean): Operator {
  return {
    check: (actual, arg, path) =>
      isNumber(actual) && test(actual, arg as number) ? ok : fail(path, `a number ${name} ${arg}`, actual),
    validate: numberArg,
  };
}

function elements(actual: unknown): unknown[] | undefined {
  return Array.isArray(actual) ? actual : undefined;
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

function typeMatches(actual: unknown, type: string): boolean {
  const found = jsonType(actual);
  return found === type || (type === 'number' && found === 'integer');
}

/** The operators of the matcher language, by name (see the README's "Matchers" section). */
export const OPERATORS: Readonly<Record<string, Operator>> = {
  $eq: { check: (a, arg, p) => (deepEqual(a, arg) ? ok : fail(p, preview(arg), a)), validate: anyArg },
  $ne: {
    check: (a, arg, p) => (deepEqual(a, arg) ? fail(p, `not ${preview(arg)}`, a) : ok),
    validate: anyArg,
    acceptsMissing: true,
  },
  $gt: compare('>', (a, b) => a > b),
  $gte: compare('>=', (a, b) => a >= b),
  $lt: compare('<', (a, b) => a < b),
  $lte: compare('<=', (a, b) => a <= b),
  $between: {
    check: (a, arg, p) => {
      const [lo, hi] = arg as [number, number];
      return isNumber(a) && a >= lo && a <= hi ? ok : fail(p, `between ${lo} and ${hi}`, a);
    },
    validate: (arg) =>
      Array.isArray(arg) && arg.length === 2 && arg.every(isNumber) ? undefined : 'needs [low, high]',
  },
  $oneOf: {
    check: (a, arg, p) =>
      (arg as unknown[]).some((v) => deepEqual(a, v)) ? ok : fail(p, `one of ${preview(arg)}`, a),
    validate: (arg) => (Array.isArray(arg) && arg.length > 0 ? undefined : 'needs a non-empty array'),
  },
  $type: {
    check: (a, arg, p) => {
      const types = Array.isArray(arg) ? (arg as string[]) : [arg as string];
      return types.some((t) => typeMatches(a, t)) ? ok : fail(p, `a value of type ${types.join(' or ')}`, a);
    },
    validate: (arg) =>
      (Array.isArray(arg) ? arg : [arg]).every((t) => isString(t) && TYPES.has(t))
        ? undefined
        : 'needs JSON type names',
  },
  $regex: {
    check: (a, arg, p) =>
      isString(a) && new RegExp(arg as string).test(a) ? ok : fail(p, `a string matching /${arg}/`, a),
    validate: (arg) => {
      if (!isString(arg)) return 'needs a pattern string';
      try {
        new RegExp(arg);
        return undefined;
      } catch {
        return 'is not a valid regular expression';
      }
    },
  },
  $startsWith: {
    check: (a, arg, p) =>
      isString(a) && a.startsWith(arg as string) ? ok : fail(p, `a string starting with ${preview(arg)}`, a),
    validate: (arg) => (isString(arg) ? undefined : 'needs a string'),
  },
  $endsWith: {
    check: (a, arg, p) =>
      isString(a) && a.endsWith(arg as string) ? ok : fail(p, `a string ending with ${preview(arg)}`, a),
    validate: (arg) => (isString(arg) ? undefined : 'needs a string'),
  },
  $contains: {
    check: (a, arg, p) =>
      isString(a) && a.includes(arg as string) ? ok : fail(p, `a string containing ${preview(arg)}`, a),
    validate: (arg) => (isString(arg) ? undefined : 'needs a string'),
  },
  $containsCI: {
    check: (a, arg, p) =>
      isString(a) && a.toLowerCase().includes((arg as string).toLowerCase())
        ? ok
        : fail(p, `a string containing ${preview(arg)} (any case)`, a),
    validate: (arg) => (isString(arg) ? undefined : 'needs a string'),
  },
  $mediaType: {
    check: (a, arg, p) =>
      isString(a) && a.split(';', 1)[0]!.trim().toLowerCase() === (arg as string).toLowerCase()
        ? ok
        : fail(p, `media type ${arg}`, a),
    validate: (arg) => (isString(arg) ? undefined : 'needs a media type string'),
  },
  $base64: {
    check: (a, arg, p) =>
      (isString(a) && /^[A-Za-z0-9+/]*={0,2}$/.test(a) && a.length % 4 === 0) === arg
        ? ok
        : fail(p, arg ? 'a base64 string' : 'not base64', a),
    validate: (arg) => (typeof arg === 'boolean' ? undefined : 'needs true or false'),
  },
  $exists: {
    check: (a, arg, p) => ((a !== undefined) === arg ? ok : fail(p, arg ? 'a value' : 'no value', a)),
    validate: (arg) => (typeof arg === 'boolean' ? undefined : 'needs true or false'),
    acceptsMissing: true,
  },
  $absent: {
    check: (a, _arg, p) => (a === undefined ? ok : fail(p, 'no value', a)),
    validate: (arg) => (arg === true ? undefined : 'needs true'),
    acceptsMissing: true,
  },
  $length: {
    check: (a, arg, p, match) => {
      const length =
        Array.isArray(a) || isString(a) ? a.length : isObject(a) ? Object.keys(a).length : undefined;
      return length === undefined
        ? fail(p, 'something with a length', a)
        : match(length, arg, `${p}(length)`);
    },
    validate: matcherArg,
  },
  $every: {
    check: (a, arg, p, match) => {
      const items = elements(a);
      return items ? items.flatMap((item, i) => match(item, arg, `${p}/${i}`)) : fail(p, 'an array', a);
    },
    validate: matcherArg,
  },
  $some: {
    check: (a, arg, p, match) => {
      const items = elements(a);
      if (!items) return fail(p, 'an array', a);
      return items.some((item, i) => match(item, arg, `${p}/${i}`).length === 0)
        ? ok
        : fail(p, `an element matching ${preview(arg)}`, a);
    },
    validate: matcherArg,
  },
  $none: {
    check: (a, arg, p, match) => {
      const items = elements(a);
      if (!items) return fail(p, 'an array', a);
      return items.some((item, i) => match(item, arg, `${p}/${i}`).length === 0)
        ? fail(p, `no element matching ${preview(arg)}`, a)
        : ok;
    },
    validate: matcherArg,
  },
  $not: {
    check: (a, arg, p, match) => (match(a, arg, p).length === 0 ? fail(p, `not ${preview(arg)}`, a) : ok),
    validate: matcherArg,
    acceptsMissing: true,
  },
  $all: {
    check: (a, arg, p, match) => (arg as unknown[]).flatMap((m) => match(a, m, p)),
    validate: matcherListArg,
    acceptsMissing: true,
  },
  $any: {
    check: (a, arg, p, match) => {
      const results = (arg as unknown[]).map((m) => match(a, m, p));
      return results.some((r) => r.length === 0)
        ? ok
        : (results.sort((x, y) => x.length - y.length)[0] ?? ok);
    },
    validate: matcherListArg,
    acceptsMissing: true,
  },
  $headers: {
    check: (a, arg, p, match) => {
      if (!isObject(a)) return fail(p, 'a header object', a);
      const lower = new Map(Object.entries(a).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
      return Object.entries(arg as Record<string, unknown>).flatMap(([name, m]) => {
        const found = lower.get(name.toLowerCase());
        return match(found?.[1], m, `${p}/${found?.[0] ?? name}`);
      });
    },
    validate: (arg, v) =>
      isObject(arg)
        ? Object.values(arg)
            .flatMap((m) => v(m, ''))
            .join('; ') || undefined
        : 'needs an object of matchers',
  },
};
