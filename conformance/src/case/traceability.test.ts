import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { loadCases } from './load-cases.js';

interface Requirement {
  readonly id: string;
  readonly level: 'MUST' | 'SHOULD' | 'MAY';
}

const requirements = JSON.parse(
  readFileSync(`${PACKAGE_ROOT}../spec/requirements.json`, 'utf8'),
) as Requirement[];
const exclusions = (
  JSON.parse(readFileSync(`${PACKAGE_ROOT}traceability.json`, 'utf8')) as {
    excluded: { id: string; reason: string }[];
  }
).excluded;
const loaded = loadCases();
const cases = loaded.ok ? loaded.cases : [];
const covered = new Set(cases.flatMap((c) => c.requirements));
const known = new Set(requirements.map((r) => r.id));

describe('traceability between spec/requirements.json and the cases', () => {
  it('covers every MUST and SHOULD by a case or by an exclusion with a reason', () => {
    const scored = requirements.filter((r) => r.level !== 'MAY');
    const excluded = new Set(exclusions.map((e) => e.id));
    const missing = scored.filter((r) => !covered.has(r.id) && !excluded.has(r.id)).map((r) => r.id);
    const byCases = scored.filter((r) => covered.has(r.id)).length;
    console.log(
      `traceability: ${byCases}/${scored.length} MUST and SHOULD requirements covered by cases (${((100 * byCases) / scored.length).toFixed(1)}%), ${excluded.size} excluded with a reason, ${missing.length} missing; ${cases.length} cases`,
    );
    expect(missing).toEqual([]);
  });

  it('names only requirement ids that exist in the spec', () => {
    const unknown = cases.flatMap((c) =>
      c.requirements.filter((id) => !known.has(id)).map((id) => `${c.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('excludes only existing, uncovered requirements, each with a reason', () => {
    const wrong = exclusions
      .filter((e) => !known.has(e.id) || covered.has(e.id) || e.reason.trim().length < 20)
      .map((e) => e.id);
    expect(wrong).toEqual([]);
  });

  it('gives each case the level of the strictest requirement it checks, or lower', () => {
    const rank = { MUST: 0, SHOULD: 1, MAY: 2 } as const;
    const levelOf = new Map(requirements.map((r) => [r.id, r.level]));
    const stricter = cases
      .filter((c) => rank[c.level] < Math.min(...c.requirements.map((id) => rank[levelOf.get(id) ?? 'MAY'])))
      .map((c) => c.id);
    expect(stricter).toEqual([]);
  });
});
