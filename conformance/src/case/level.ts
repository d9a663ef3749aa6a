import { type Static, Type } from '@sinclair/typebox';

/** The RFC 2119 level of the requirement a case checks: MUST fails a run, SHOULD warns, MAY informs. */
export const Level = Type.Union([Type.Literal('MUST'), Type.Literal('SHOULD'), Type.Literal('MAY')], {
  description:
    'MUST: a failure makes the server non-conformant; SHOULD: a warning (a failure with --strict); MAY: informational',
});
/** The RFC 2119 level of the requirement a case checks: MUST fails a run, SHOULD warns, MAY informs. */
export type Level = Static<typeof Level>;

/** Levels from the strictest to the loosest, for `--level` filtering. */
export const LEVEL_ORDER: readonly Level[] = ['MUST', 'SHOULD', 'MAY'];
