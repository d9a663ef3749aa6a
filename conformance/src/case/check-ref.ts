import { type Static, Type } from '@sinclair/typebox';

/** A named check: a documented rule written in code because data cannot express it (timing, aborts). */
export const CheckRef = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'Name of a built-in check (see README)' }),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Parameters of the check' }),
    ),
  },
  { additionalProperties: false, description: 'A built-in check run by name' },
);
/** A named check: a documented rule written in code because data cannot express it. */
export type CheckRef = Static<typeof CheckRef>;
