import type { Case } from '../case/case.js';
import { LEVEL_ORDER, type Level } from '../case/level.js';

/** Turns a glob over case ids (`*` any run of characters, `?` one) into a regular expression. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** The cases a run includes: at or above the level, and matching any `--only` glob when given. */
export function selectCases(
  cases: readonly Case[],
  level: 'must' | 'should' | 'may',
  only: readonly string[],
): Case[] {
  const maxRank = LEVEL_ORDER.indexOf(level.toUpperCase() as Level);
  const patterns = only.map(globToRegExp);
  return cases.filter(
    (c) =>
      LEVEL_ORDER.indexOf(c.level) <= maxRank &&
      (patterns.length === 0 || patterns.some((p) => p.test(c.id))),
  );
}
