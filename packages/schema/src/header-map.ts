import { type Static, Type } from '@sinclair/typebox';

/** HTTP headers as a JSON object of string values; names are compared case-insensitively. */
export const HeaderMap = Type.Record(Type.String(), Type.String(), {
  description: 'Header names to string values; names are case-insensitive',
});
/** HTTP headers as a JSON object of string values; names are compared case-insensitively. */
export type HeaderMap = Static<typeof HeaderMap>;
