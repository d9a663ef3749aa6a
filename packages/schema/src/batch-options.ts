import { type Static, Type } from '@sinclair/typebox';

/** Envelope-wide options; `onError` defaults to `continue`. */
export const BatchOptions = Type.Object(
  {
    onError: Type.Optional(
      Type.Union([Type.Literal('continue'), Type.Literal('stop')], {
        description: '"stop" skips requests not yet started after the first non-2xx result',
      }),
    ),
  },
  { description: 'Options that apply to the whole batch' },
);
/** Envelope-wide options; `onError` defaults to `continue`. */
export type BatchOptions = Static<typeof BatchOptions>;
