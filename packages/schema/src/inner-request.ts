import { type Static, Type } from '@sinclair/typebox';
import { ALLOWED_METHODS } from './constants/methods.js';
import { HeaderMap } from './header-map.js';
import { RequestId } from './request-id.js';

/** One call inside a batch envelope (OData 4.01 JSON batch field names). */
export const InnerRequest = Type.Object(
  {
    id: RequestId,
    method: Type.Union(
      ALLOWED_METHODS.map((method) => Type.Literal(method)),
      { description: 'HTTP method in upper case' },
    ),
    url: Type.String({
      minLength: 1,
      description: 'Path beginning with exactly one "/", optional query, no fragment; may hold ${ID#POINTER}',
    }),
    headers: Type.Optional(HeaderMap),
    body: Type.Optional(Type.Unknown({ description: 'Any JSON value; not allowed on GET or HEAD' })),
    dependsOn: Type.Optional(
      Type.Array(RequestId, { description: 'Ids of earlier requests that must succeed first' }),
    ),
    atomicityGroup: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Optional capability: requests of one group succeed or fail together',
      }),
    ),
  },
  { description: 'One inner request of a batch' },
);
/** One call inside a batch envelope (OData 4.01 JSON batch field names). */
export type InnerRequest = Static<typeof InnerRequest>;
