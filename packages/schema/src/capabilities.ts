import { type Static, Type } from '@sinclair/typebox';

const PositiveInteger = Type.Integer({ minimum: 1 });

/** The document `GET` on a batch endpoint returns: protocol versions, limits and optional features. */
export const Capabilities = Type.Object(
  {
    protocol: Type.Literal('batchwire'),
    versions: Type.Array(Type.String(), { minItems: 1 }),
    limits: Type.Object({
      maxRequests: Type.Integer({ minimum: 20 }),
      maxBodyBytes: PositiveInteger,
      maxJsonDepth: PositiveInteger,
      maxConcurrency: PositiveInteger,
      requestTimeoutMs: PositiveInteger,
      batchTimeoutMs: PositiveInteger,
      idempotencyTtlMs: Type.Optional(PositiveInteger),
      // Optional: added in 1.1, so a server written to 1.0 that omits them stays conformant.
      maxItemResponseBytes: Type.Optional(PositiveInteger),
      maxResponseBytes: Type.Optional(PositiveInteger),
    }),
    features: Type.Object({
      references: Type.Boolean(),
      onErrorStop: Type.Boolean(),
      streaming: Type.Boolean(),
      idempotency: Type.Boolean(),
      atomicity: Type.Boolean(),
    }),
  },
  { description: 'Capabilities document of a Batchwire batch endpoint' },
);
/** The document `GET` on a batch endpoint returns: protocol versions, limits and optional features. */
export type Capabilities = Static<typeof Capabilities>;
