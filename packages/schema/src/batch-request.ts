import { type Static, Type } from '@sinclair/typebox';
import { BatchOptions } from './batch-options.js';
import { InnerRequest } from './inner-request.js';

/** The body of a batch POST: a non-empty list of inner requests and optional options. */
export const BatchRequest = Type.Object(
  {
    requests: Type.Array(InnerRequest, { minItems: 1 }),
    options: Type.Optional(BatchOptions),
  },
  { description: 'A Batchwire batch envelope' },
);
/** The body of a batch POST: a non-empty list of inner requests and optional options. */
export type BatchRequest = Static<typeof BatchRequest>;
