import { type Static, Type } from '@sinclair/typebox';

/** Generated inner requests appended to `body.requests` (for limits such as `maxRequests`). */
export const Repeat = Type.Object(
  {
    count: Type.Union(
      [Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\{\\{[A-Za-z0-9_.]+\\}\\}$' })],
      {
        description: 'How many requests: a number or a variable such as "{{limits.maxRequests}}"',
      },
    ),
    plus: Type.Optional(Type.Integer({ description: 'Added to count (e.g. 1 to exceed a limit)' })),
    request: Type.Unknown({
      description: 'Inner request template; "{{i}}" is its position among the generated ones',
    }),
  },
  { additionalProperties: false, description: 'Inner requests generated from a template' },
);
/** Generated inner requests appended to `body.requests` (for limits such as `maxRequests`). */
export type Repeat = Static<typeof Repeat>;

/**
 * One HTTP request the runner sends to the batch endpoint. Every string may hold `{{variables}}`
 * (`fixtures`, `run`, `batchPath`, `canary`, `canaryHost`, `limits.*`, `features.*` and captures).
 */
export const StepRequest = Type.Object(
  {
    method: Type.Optional(Type.String({ pattern: '^[A-Z]+$', description: 'HTTP method; POST when absent' })),
    headers: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), {
        description:
          'Request headers; Content-Type defaults to application/json when a body is sent, null removes a header',
      }),
    ),
    body: Type.Optional(Type.Unknown({ description: 'JSON value sent as the body (usually an envelope)' })),
    raw: Type.Optional(Type.String({ description: 'Exact text sent as the body, for malformed input' })),
    repeat: Type.Optional(Repeat),
  },
  { additionalProperties: false, description: 'An HTTP request sent to the batch endpoint' },
);
/** One HTTP request the runner sends to the batch endpoint. */
export type StepRequest = Static<typeof StepRequest>;
