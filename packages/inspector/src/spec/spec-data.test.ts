import { describe, expect, it } from 'vitest';
import { PROBLEM_REQUIREMENTS, SPEC_EXAMPLES } from '../generated/spec-data.js';

describe('spec data (generated from the spec at build time)', () => {
  it('holds the spec examples that post a JSON envelope, in document order', () => {
    expect(SPEC_EXAMPLES.length).toBeGreaterThanOrEqual(10);
    expect(SPEC_EXAMPLES.every((example) => example.name.startsWith('example-'))).toBe(true);
  });

  it('links the item-level problem types to the requirements that define them', () => {
    for (const type of ['dependency-failed', 'skipped', 'unresolved-reference', 'recursion'])
      expect(PROBLEM_REQUIREMENTS[type]?.[0]?.id, type).toMatch(/^req-[a-z]+-\d+$/);
  });
});
