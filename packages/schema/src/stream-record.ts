import { type Static, Type } from '@sinclair/typebox';
import { BatchSummary } from './batch-summary.js';
import { InnerResponse } from './inner-response.js';

/** A streamed inner response: the response plus its position in the request. */
export const StreamItemRecord = Type.Composite([
  InnerResponse,
  Type.Object({
    index: Type.Integer({ minimum: 0, description: 'Position of the request in the envelope' }),
  }),
]);
/** A streamed inner response: the response plus its position in the request. */
export type StreamItemRecord = Static<typeof StreamItemRecord>;

/** The last line of a streamed response: only the summary. */
export const StreamSummaryRecord = Type.Object({ summary: BatchSummary });
/** The last line of a streamed response: only the summary. */
export type StreamSummaryRecord = Static<typeof StreamSummaryRecord>;

/** One NDJSON line of a streamed batch response: an item in completion order, or the final summary. */
export const StreamRecord = Type.Union([StreamItemRecord, StreamSummaryRecord], {
  description: 'One line of a streamed Batchwire response',
});
/** One NDJSON line of a streamed batch response: an item in completion order, or the final summary. */
export type StreamRecord = Static<typeof StreamRecord>;
