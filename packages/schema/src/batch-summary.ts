import { type Static, Type } from '@sinclair/typebox';

/** Counts over a batch's results; `total` = `succeeded` + `failed` + `skipped`. */
export const BatchSummary = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    succeeded: Type.Integer({ minimum: 0, description: 'Executed with a 2xx status' }),
    failed: Type.Integer({ minimum: 0, description: 'Executed with any other status, timeouts included' }),
    skipped: Type.Integer({ minimum: 0, description: 'Never executed' }),
  },
  { description: 'Counts over the results of a batch' },
);
/** Counts over a batch's results; `total` = `succeeded` + `failed` + `skipped`. */
export type BatchSummary = Static<typeof BatchSummary>;
