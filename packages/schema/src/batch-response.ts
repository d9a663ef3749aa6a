import { type Static, Type } from '@sinclair/typebox';
import { BatchSummary } from './batch-summary.js';
import { InnerResponse } from './inner-response.js';

/** The consolidated answer to an accepted batch: one response per request, in request order. */
export const BatchResponse = Type.Object(
  {
    responses: Type.Array(InnerResponse),
    summary: BatchSummary,
  },
  { description: 'The consolidated response of a Batchwire batch' },
);
/** The consolidated answer to an accepted batch: one response per request, in request order. */
export type BatchResponse = Static<typeof BatchResponse>;
