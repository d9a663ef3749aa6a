import type { Static, TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Errors, type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import type { Violation } from './violation.js';

/** Checks values against one schema: a fast boolean test and, on failure, the list of errors. */
export interface Checker<T extends TSchema> {
  /** Whether the value matches the schema. */
  Check(value: unknown): value is Static<T>;
  /** Every error of a value that does not match. */
  Errors(value: unknown): Iterable<ValueError>;
}

const compiled = new WeakMap<TSchema, Checker<TSchema>>();

/** Interprets the schema on each call: used where code generation is forbidden (a strict CSP). */
function interpretedChecker<T extends TSchema>(schema: T): Checker<T> {
  return {
    // The errors module alone (not the whole value module) keeps browser bundles small.
    Check: (value): value is Static<T> => Errors(schema, value).First() === undefined,
    Errors: (value) => Errors(schema, value),
  };
}

/**
 * The checker of a schema, compiled on first use and kept (never re-walked per call). Where the
 * page forbids `new Function` (Content-Security-Policy without 'unsafe-eval'), the same schema is
 * interpreted instead, so validation still works in such browsers, only slower.
 */
export function compiledChecker<T extends TSchema>(schema: T): Checker<T> {
  let check = compiled.get(schema);
  if (check === undefined) {
    try {
      check = TypeCompiler.Compile(schema);
    } catch {
      check = interpretedChecker(schema);
    }
    compiled.set(schema, check);
  }
  return check as Checker<T>;
}

function ruleOf(type: ValueErrorType): string {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'schema.required';
    case ValueErrorType.StringPattern:
    case ValueErrorType.StringMinLength:
    case ValueErrorType.StringMaxLength:
      return 'schema.format';
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return 'schema.enum';
    case ValueErrorType.ArrayMinItems:
      return 'schema.minItems';
    default:
      return 'schema.type';
  }
}

/**
 * Lists every schema violation of a value as `{ pointer, detail, rule }`, one per pointer and
 * message, at most `max` of them (a hostile input cannot make the list unbounded).
 */
export function schemaViolations(schema: TSchema, value: unknown, max = 1000): Violation[] {
  const violations: Violation[] = [];
  const seen = new Set<string>();
  for (const error of compiledChecker(schema).Errors(value)) {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const detail =
      error.type === ValueErrorType.Union && Array.isArray(error.schema.anyOf)
        ? `must be one of ${error.schema.anyOf.map((s: { const?: unknown }) => JSON.stringify(s.const)).join(', ')}`
        : error.message;
    violations.push({ pointer: error.path, detail, rule: ruleOf(error.type) });
    if (violations.length >= max) break;
  }
  return violations;
}

/** Result of validating a value against one of the protocol schemas. */
export type CheckResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: Violation[] };

/** Validates a value against a schema, returning it typed or every violation with its pointer. */
export function checkAgainst<T extends TSchema>(
  schema: T,
  value: unknown,
): CheckResult<import('@sinclair/typebox').Static<T>> {
  if (compiledChecker(schema).Check(value)) return { ok: true, value };
  return { ok: false, errors: schemaViolations(schema, value) };
}
