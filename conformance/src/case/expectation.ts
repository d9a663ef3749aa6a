import { type Static, Type } from '@sinclair/typebox';

/** A protocol document the response body must validate against (schemas of @batchwire/schema). */
export const BodySchemaName = Type.Union(
  [
    Type.Literal('batch-response'),
    Type.Literal('problem'),
    Type.Literal('capabilities'),
    Type.Literal('stream-record'),
  ],
  { description: 'Schema of @batchwire/schema the body must satisfy (stream-record: every NDJSON line)' },
);
/** A protocol document the response body must validate against. */
export type BodySchemaName = Static<typeof BodySchemaName>;

/** What a response must look like; every member present must hold. */
export const Expectation = Type.Object(
  {
    status: Type.Optional(
      Type.Unknown({ description: 'Matcher for the status code, e.g. 400 or {"$between": [400, 499]}' }),
    ),
    headers: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Matcher per header name (names are case-insensitive); {"$absent": true} for a missing header',
      }),
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('ndjson'), Type.Literal('text')], {
        description: 'How to read the body: json (default), ndjson (an array of lines) or text',
      }),
    ),
    schema: Type.Optional(BodySchemaName),
    body: Type.Optional(
      Type.Unknown({ description: 'Matcher for the parsed body (see the matcher language)' }),
    ),
  },
  { additionalProperties: false, description: 'Expectations on one response' },
);
/** What a response must look like; every member present must hold. */
export type Expectation = Static<typeof Expectation>;
