import { type Static, Type } from '@sinclair/typebox';
import { Expectation } from './expectation.js';
import { StepRequest } from './step-request.js';

/** One exchange of a case: a request and what its response must satisfy. */
export const Step = Type.Object(
  {
    name: Type.Optional(Type.String({ description: 'What this step does, for reports' })),
    request: StepRequest,
    expect: Type.Optional(Expectation),
    expectAnyOf: Type.Optional(
      Type.Array(Expectation, {
        minItems: 2,
        description: 'The response must satisfy at least one of these',
      }),
    ),
    capture: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), Type.String(), {
        description: 'Variables for later steps: name to a JSON Pointer into the parsed body',
      }),
    ),
  },
  { additionalProperties: false, description: 'One request/response exchange' },
);
/** One exchange of a case: a request and what its response must satisfy. */
export type Step = Static<typeof Step>;
