import { type Static, Type } from '@sinclair/typebox';

/** An optional protocol feature a server advertises in `features` of its capabilities document. */
export const Feature = Type.Union(
  [
    Type.Literal('references'),
    Type.Literal('onErrorStop'),
    Type.Literal('streaming'),
    Type.Literal('idempotency'),
    Type.Literal('atomicity'),
  ],
  { description: 'Name of an optional feature in the capabilities document' },
);
/** An optional protocol feature a server advertises in `features` of its capabilities document. */
export type Feature = Static<typeof Feature>;
