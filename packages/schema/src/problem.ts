import { type Static, Type } from '@sinclair/typebox';
import { Violation } from './violation.js';

/** RFC 9457 problem details, with Batchwire's `errors`, `limit` and `dependency` extensions. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'URI reference identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 100, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Violation)),
    limit: Type.Optional(
      Type.Object({ name: Type.String(), value: Type.Number() }, { description: 'The limit exceeded' }),
    ),
    dependency: Type.Optional(Type.String({ description: 'Id of the dependency that did not succeed' })),
    pointer: Type.Optional(Type.String({ description: 'Reference pointer that resolved to nothing' })),
  },
  { description: 'RFC 9457 problem details' },
);
/** RFC 9457 problem details, with Batchwire's `errors`, `limit` and `dependency` extensions. */
export type Problem = Static<typeof Problem>;
