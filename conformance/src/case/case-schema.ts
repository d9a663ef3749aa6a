import { checkAgainst, type Violation } from '@batchwire/schema';
import { Case } from './case.js';

/** Base URI of the published case schema. */
export const CASE_SCHEMA_ID = 'https://batchwire.dev/conformance/v1/case.schema.json';

/** The JSON Schema of a case file, generated from the TypeBox definitions (committed as case.schema.json). */
export function generateCaseSchema(): Record<string, unknown> {
  // A JSON round trip drops TypeBox's symbol-keyed metadata and leaves plain JSON Schema.
  const plain = JSON.parse(JSON.stringify(Case)) as Record<string, unknown>;
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: CASE_SCHEMA_ID, ...plain };
}

/** The committed text of case.schema.json: two-space JSON with a final newline. */
export function caseSchemaText(): string {
  return `${JSON.stringify(generateCaseSchema(), null, 2)}\n`;
}

/** Validates a parsed case file against the case schema, listing every violation with its pointer. */
export function validateCaseShape(
  value: unknown,
): { ok: true; value: Case } | { ok: false; errors: Violation[] } {
  const result = checkAgainst(Case, value);
  return result.ok ? { ok: true, value: result.value } : { ok: false, errors: result.errors };
}
