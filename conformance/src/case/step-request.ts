import { type Static, Type } from '@sinclair/typebox';

/** A count written as a number or as one variable such as `"{{limits.maxRequests}}"`. */
const countOrVariable = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\{\\{[A-Za-z0-9_.]+\\}\\}$' })], {
    description,
  });

/** Generated inner requests appended to `body.requests` (for limits such as `maxRequests`). */
export const Repeat = Type.Object(
  {
    count: countOrVariable('How many requests: a number or a variable such as "{{limits.maxRequests}}"'),
    plus: Type.Optional(Type.Integer({ description: 'Added to count (e.g. 1 to exceed a limit)' })),
    request: Type.Unknown({
      description: 'Inner request template; "{{i}}" is its position among the generated ones',
    }),
  },
  { additionalProperties: false, description: 'Inner requests generated from a template' },
);
/** Generated inner requests appended to `body.requests` (for limits such as `maxRequests`). */
export type Repeat = Static<typeof Repeat>;

/** The size the body is padded to with trailing spaces (JSON whitespace), for limits such as `maxBodyBytes`. */
export const PadTo = Type.Object(
  {
    bytes: countOrVariable('How many bytes: a number or a variable such as "{{limits.maxBodyBytes}}"'),
    plus: Type.Optional(Type.Integer({ description: 'Added to bytes (e.g. 1 to exceed a limit)' })),
  },
  {
    additionalProperties: false,
    description: 'Pads the body with trailing spaces to exactly this many bytes',
  },
);
/** The size the body is padded to with trailing spaces (JSON whitespace), for limits such as `maxBodyBytes`. */
export type PadTo = Static<typeof PadTo>;

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
    rawEncoding: Type.Optional(
      Type.Union([Type.Literal('utf-8'), Type.Literal('latin1')], {
        description:
          'How raw becomes bytes: utf-8 (the default), or latin1, one byte per character U+0000 to U+00FF, for a body that is not UTF-8',
      }),
    ),
    padTo: Type.Optional(PadTo),
    chunked: Type.Optional(
      Type.Boolean({
        description:
          'Sends the body without Content-Length (chunked transfer coding), as a client streaming it does',
      }),
    ),
  },
  { additionalProperties: false, description: 'An HTTP request sent to the batch endpoint' },
);
/** One HTTP request the runner sends to the batch endpoint. */
export type StepRequest = Static<typeof StepRequest>;
