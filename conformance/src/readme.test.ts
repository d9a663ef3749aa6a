import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMED_CHECKS } from './checks/registry.js';
import { OPERATORS } from './match/operators.js';
import { PACKAGE_ROOT } from './paths.js';

// Table cells are padded by the formatter, so runs of spaces count as one.
const readme = readFileSync(`${PACKAGE_ROOT}README.md`, 'utf8').replace(/ {2,}/g, ' ');

describe('README', () => {
  it('documents every named check with its current summary', () => {
    const missing = Object.entries(NAMED_CHECKS)
      .filter(([name, check]) => !readme.includes(`| \`${name}\` | ${check.summary} |`))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('documents every matcher operator', () => {
    expect(Object.keys(OPERATORS).filter((op) => !readme.includes(`\`${op}`))).toEqual([]);
  });
});
