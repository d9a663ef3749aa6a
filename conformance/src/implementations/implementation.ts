import { type Static, Type } from '@sinclair/typebox';

/** Who is tested: a name, the host framework or runtime, and how inner requests are dispatched. */
export const Implementation = Type.Object({
  name: Type.String({ minLength: 1, description: 'e.g. "example-fastify"' }),
  host: Type.String({ minLength: 1, description: 'e.g. "Fastify 5 (Node 20)"' }),
  mode: Type.Union([Type.Literal('in-process'), Type.Literal('gateway')]),
});
/** Who is tested: a name, the host framework or runtime, and how inner requests are dispatched. */
export type Implementation = Static<typeof Implementation>;

/** One row of the implementations table: an implementation and the counts of its last run. */
export const ImplementationRow = Type.Composite([
  Implementation,
  Type.Object({
    total: Type.Integer({ minimum: 0 }),
    passed: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    warned: Type.Integer({ minimum: 0 }),
    skipped: Type.Integer({ minimum: 0 }),
    /** The ids of the skipped cases, so a table diff shows what changed. */
    skippedIds: Type.Array(Type.String()),
    conformant: Type.Boolean(),
    suiteVersion: Type.String(),
    /** Day of the run, `YYYY-MM-DD`. */
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  }),
]);
/** One row of the implementations table: an implementation and the counts of its last run. */
export type ImplementationRow = Static<typeof ImplementationRow>;

/** The file the table is generated from (`conformance/implementations.json`). */
export const ImplementationsFile = Type.Object({
  /** Cases the reference server skips with its default options: an implementation may skip no others. */
  referenceSkips: Type.Array(Type.String()),
  implementations: Type.Array(ImplementationRow),
});
/** The file the table is generated from (`conformance/implementations.json`). */
export type ImplementationsFile = Static<typeof ImplementationsFile>;
