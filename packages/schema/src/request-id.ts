import { type Static, Type } from '@sinclair/typebox';

/** Pattern every inner request id matches: 1 to 128 unreserved URI characters. */
export const REQUEST_ID_PATTERN = '^[A-Za-z0-9._~-]{1,128}$';

/** An inner request id: unique within its batch, case-sensitive, echoed in its response. */
export const RequestId = Type.String({
  pattern: REQUEST_ID_PATTERN,
  minLength: 1,
  maxLength: 128,
  description: 'Unique, case-sensitive id of an inner request: 1 to 128 of A-Z a-z 0-9 . _ ~ -',
});
/** An inner request id: unique within its batch, case-sensitive, echoed in its response. */
export type RequestId = Static<typeof RequestId>;
