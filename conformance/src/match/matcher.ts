import { escapePointerSegment } from '@batchwire/schema';
import { isObject, preview } from './json.js';
import type { Mismatch } from './mismatch.js';
import { OPERATORS } from './operators.js';

function isOperatorObject(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/**
 * Matches a parsed JSON value against a matcher and returns every mismatch (none when it holds).
 * A literal must be equal; an array must have the same length with each element matching; a plain
 * object matches a subset of members; an object of `$operators` applies each operator.
 */
export function match(actual: unknown, matcher: unknown, path = ''): Mismatch[] {
  if (Array.isArray(matcher)) {
    if (!Array.isArray(actual))
      return [{ path, expected: `an array of ${matcher.length}`, actual: preview(actual) }];
    if (actual.length !== matcher.length) {
      return [
        {
          path,
          expected: `an array of ${matcher.length}`,
          actual: `an array of ${actual.length}: ${preview(actual)}`,
        },
      ];
    }
    return matcher.flatMap((m, i) => match(actual[i], m, `${path}/${i}`));
  }
  if (isObject(matcher)) {
    if (isOperatorObject(matcher)) {
      return Object.entries(matcher).flatMap(([name, arg]) => {
        const operator = OPERATORS[name]!;
        if (actual === undefined && !operator.acceptsMissing)
          return [{ path, expected: `a value (${name})`, actual: 'nothing' }];
        return operator.check(actual, arg, path, match);
      });
    }
    if (!isObject(actual)) return [{ path, expected: 'an object', actual: preview(actual) }];
    return Object.entries(matcher).flatMap(([key, m]) =>
      match(Object.hasOwn(actual, key) ? actual[key] : undefined, m, `${path}/${escapePointerSegment(key)}`),
    );
  }
  return actual === matcher ? [] : [{ path, expected: preview(matcher), actual: preview(actual) }];
}

/** Lists why a matcher is malformed (unknown operator, bad argument, mixed operators and members). */
export function validateMatcher(matcher: unknown, path = ''): string[] {
  if (Array.isArray(matcher)) return matcher.flatMap((m, i) => validateMatcher(m, `${path}/${i}`));
  if (!isObject(matcher)) return [];
  const keys = Object.keys(matcher);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    return [`${path || '(root)'}: mixes $operators with plain members`];
  }
  if (operators.length === 0) return keys.flatMap((k) => validateMatcher(matcher[k], `${path}/${k}`));
  return operators.flatMap((name) => {
    const operator = OPERATORS[name];
    if (!operator) return [`${path || '(root)'}: unknown operator ${name}`];
    const problem = operator.validate(matcher[name], validateMatcher);
    return problem ? [`${path || '(root)'}: ${name} ${problem}`] : [];
  });
}
