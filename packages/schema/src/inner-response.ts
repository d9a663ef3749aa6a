import { type Static, Type } from '@sinclair/typebox';
import { HeaderMap } from './header-map.js';
import { RequestId } from './request-id.js';

/** The result of one inner request, echoing its id. */
export const InnerResponse = Type.Object(
  {
    id: RequestId,
    status: Type.Integer({ minimum: 100, maximum: 599 }),
    headers: HeaderMap,
    body: Type.Optional(
      Type.Unknown({ description: 'JSON embedded as JSON, text as a string, other bytes as base64' }),
    ),
    bodyEncoding: Type.Optional(Type.Literal('base64')),
  },
  { description: 'One inner response of a batch' },
);
/** The result of one inner request, echoing its id. */
export type InnerResponse = Static<typeof InnerResponse>;
