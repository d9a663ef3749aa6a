import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { generateCaseSchema, validateCaseShape } from './case-schema.js';
import { loadCases, semanticProblems } from './load-cases.js';

const readJson = (name: string): unknown => JSON.parse(readFileSync(`${PACKAGE_ROOT}${name}`, 'utf8'));

describe('the bundled v1 case files', () => {
  const loaded = loadCases();

  it('all validate against the case schema, with well-formed matchers and ids equal to their paths', () => {
    expect(loaded.ok ? [] : loaded.files).toEqual([]);
  });

  it('number at least 80, with unique ids', () => {
    const ids = loaded.ok ? loaded.cases.map((c) => c.id) : [];
    expect(ids.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep every id of case-ids.json: ids are never renamed, reused or dropped', () => {
    const ids = loaded.ok ? loaded.cases.map((c) => c.id).sort() : [];
    // A new case adds its id to case-ids.json; a retired one stays there and in cases/ with its id.
    expect(ids).toEqual(readJson('case-ids.json'));
  });

  it('describe each case without modal verbs (the spec owns MUST and SHOULD)', () => {
    const modal = /\b(MUST|SHOULD|MAY)\b/;
    const offenders = loaded.ok ? loaded.cases.filter((c) => modal.test(c.title)).map((c) => c.id) : [];
    expect(offenders).toEqual([]);
  });
});

describe('case.schema.json', () => {
  it('is the schema generated from the TypeBox definitions (no drift)', () => {
    expect(readJson('case.schema.json')).toEqual(generateCaseSchema());
  });

  it('rejects a case without requirements or with an unknown level', () => {
    const result = validateCaseShape({
      id: 'x.y',
      title: 't',
      requirements: [],
      level: 'OPTIONAL',
      feature: null,
      steps: [],
    });
    expect(result.ok).toBe(false);
  });

  it('finds what the schema cannot: unknown checks, bad matchers, an id that is not the path', () => {
    const problems = semanticProblems(
      {
        id: 'a.b',
        title: 't',
        requirements: ['req-x-1'],
        level: 'MUST',
        feature: null,
        steps: [{ request: {}, expect: { status: { $nearly: 200 } } }],
      },
      'a.c',
    );
    expect(problems).toEqual([
      'id "a.b" must be "a.c" (its path)',
      '/steps/0/expect/status: unknown operator $nearly',
    ]);
    expect(
      semanticProblems({
        id: 'a.b',
        title: 't',
        requirements: ['req-x-1'],
        level: 'MUST',
        feature: null,
        check: { name: 'nope' },
      }),
    ).toEqual(['unknown named check "nope"']);
  });

  it('refuses request options that have no body to act on', () => {
    const problems = semanticProblems({
      id: 'a.b',
      title: 't',
      requirements: ['req-x-1'],
      level: 'MUST',
      feature: null,
      steps: [
        { request: { body: {}, rawEncoding: 'latin1' }, expect: { status: 400 } },
        { request: { method: 'GET', padTo: { bytes: 10 }, chunked: true }, expect: { status: 200 } },
      ],
    });
    expect(problems).toEqual([
      '/steps/0/request: rawEncoding needs raw',
      '/steps/1/request: padTo and chunked need a body (body, raw or repeat)',
    ]);
  });
});
