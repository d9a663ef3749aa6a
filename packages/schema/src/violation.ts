import { type Static, Type } from '@sinclair/typebox';

/** One broken rule in a rejected envelope: where (JSON Pointer), which rule, and why. */
export const Violation = Type.Object({
  pointer: Type.String({ description: 'JSON Pointer (RFC 6901) to the offending member' }),
  detail: Type.String({ description: 'What is wrong, for a person' }),
  rule: Type.Optional(Type.String({ description: 'Stable code of the rule broken, e.g. "id.duplicate"' })),
});
/** One broken rule in a rejected envelope: where (JSON Pointer), which rule, and why. */
export type Violation = Static<typeof Violation>;
