import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractRequirements, readSpecFiles, requirementsText } from '../scripts/extract-requirements.mjs';

const specDir = fileURLToPath(new URL('..', import.meta.url));
const files = readSpecFiles(specDir);
const extracted = extractRequirements(files);
const committedText = readFileSync(new URL('../requirements.json', import.meta.url), 'utf8');
const committed: unknown = JSON.parse(committedText);

interface Entry {
  readonly id: string;
  readonly level: string;
  readonly section: string;
  readonly anchor: string;
  readonly summary: string;
}

function entries(value: unknown): Entry[] {
  if (!Array.isArray(value)) throw new Error('requirements.json must hold an array');
  return value as Entry[];
}

describe('requirement ids: spec text and requirements.json agree', () => {
  it('the text breaks no writing rule (one id and one level per normative line, no keyword without an id)', () => {
    expect(extracted.problems).toEqual([]);
  });

  it('every id in the text is in requirements.json', () => {
    const inFile = new Set(entries(committed).map((r) => r.id));
    expect(extracted.requirements.map((r) => r.id).filter((id) => !inFile.has(id))).toEqual([]);
  });

  it('every id in requirements.json is in the text', () => {
    const inText = new Set(extracted.requirements.map((r) => r.id));
    expect(
      entries(committed)
        .map((r) => r.id)
        .filter((id) => !inText.has(id)),
    ).toEqual([]);
  });

  it('requirements.json lists each id once', () => {
    const ids = entries(committed).map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('each id has the same level in both', () => {
    const levels = new Map(extracted.requirements.map((r) => [r.id, r.level]));
    const differing = entries(committed)
      .filter((r) => levels.has(r.id) && levels.get(r.id) !== r.level)
      .map((r) => `${r.id}: file ${r.level}, text ${levels.get(r.id)}`);
    expect(differing).toEqual([]);
  });

  it('requirements.json is exactly what scripts/extract-requirements.mjs generates (run it after editing the text)', () => {
    expect(committedText).toBe(requirementsText(extracted.requirements));
  });

  it('levels are MUST, SHOULD or MAY, and each summary states its level', () => {
    for (const r of entries(committed)) {
      expect(['MUST', 'SHOULD', 'MAY']).toContain(r.level);
      expect(r.summary).toContain(r.level);
      expect(r.id).toMatch(/^req-[a-z]+-[1-9][0-9]*$/);
      expect(r.anchor).toMatch(/^batchwire-v1\.md#[a-z0-9-]+$/);
    }
  });

  it('holds at least 60 requirements', () => {
    expect(entries(committed).length).toBeGreaterThanOrEqual(60);
  });

  it('every id cited anywhere in the spec or its README is defined', () => {
    const defined = new Set(extracted.requirements.map((r) => r.id));
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const cited = [...files.map((f) => f.text), readme].flatMap((text) =>
      [...text.matchAll(/\[(req-[a-z]+-\d+)\]/g)].map((m) => m[1] ?? ''),
    );
    expect(cited.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('every requirement anchor points at a heading of its file', () => {
    const slugs = new Set(
      files.flatMap((f) =>
        [...f.text.matchAll(/^#{1,6}\s+(.*)$/gm)].map(
          (m) =>
            `${f.name}#${(m[1] ?? '')
              .trim()
              .toLowerCase()
              .replace(/[^\p{L}\p{N}\s_-]/gu, '')
              .replace(/\s/g, '-')}`,
        ),
      ),
    );
    expect(entries(committed).filter((r) => !slugs.has(r.anchor))).toEqual([]);
  });
});

describe('the extractor catches broken text', () => {
  const extract = (text: string) => extractRequirements([{ name: 'x.md', text }]);

  it('reports a normative keyword without an id', () => {
    expect(extract('## 1 A\n\nA server MUST answer.\n').problems).toHaveLength(1);
  });

  it('reports a duplicate id and a line with two levels', () => {
    const { problems } = extract(
      '## 1 A\n\n- A server MUST answer. [req-a-1]\n- A server MAY answer. [req-a-1]\n- It MUST and SHOULD. [req-a-2]\n',
    );
    expect(problems.some((p) => p.includes('already defined'))).toBe(true);
    expect(problems.some((p) => p.includes('exactly one requirement level'))).toBe(true);
  });

  it('normalises MUST NOT and SHOULD NOT, ignores quoted keywords and fenced code', () => {
    const { requirements, problems } = extract(
      '## 2.1 Bé\n\nThe words "MUST" and "MAY" are keywords.\n\n```\nMUST in code\n```\n\n- It MUST NOT fail. [req-b-1]\n- It SHOULD NOT wait. [req-b-2]\n',
    );
    expect(problems).toEqual([]);
    expect(requirements).toEqual([
      { id: 'req-b-1', level: 'MUST', section: '2.1 Bé', anchor: 'x.md#21-bé', summary: 'It MUST NOT fail.' },
      {
        id: 'req-b-2',
        level: 'SHOULD',
        section: '2.1 Bé',
        anchor: 'x.md#21-bé',
        summary: 'It SHOULD NOT wait.',
      },
    ]);
  });
});
