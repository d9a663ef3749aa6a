import { describe, expect, it } from 'vitest';
import type { Case } from '../case/case.js';
import { maxOverlap } from '../checks/concurrency.js';
import type { CaseResult } from '../report/report.js';
import { applyBaseline, parseExpectedFailures } from './baseline.js';
import { checkExpectation, readBody } from './check-expectation.js';
import { maskHeaders } from './evidence.js';
import { statusOf } from './outcome.js';
import { globToRegExp, selectCases } from './select.js';
import { substitute } from './template.js';

const caseOf = (id: string, level: Case['level']): Case => ({
  id,
  title: id,
  requirements: ['req-a-1'],
  level,
  feature: null,
  check: { name: 'ordering' },
});
const resultOf = (id: string, status: CaseResult['status']): CaseResult => ({
  id,
  title: id,
  requirements: [],
  level: 'MUST',
  feature: null,
  status,
  durationMs: 0,
});

describe('variables', () => {
  it('keeps the type of a whole-string variable and inserts text elsewhere', () => {
    const vars = new Map<string, unknown>([
      ['n', 20],
      ['fixtures', '/_c'],
    ]);
    expect(substitute({ count: '{{n}}', url: '{{fixtures}}/x/{{n}}', list: ['{{n}}'] }, vars)).toEqual({
      count: 20,
      url: '/_c/x/20',
      list: [20],
    });
  });

  it('throws a harness error for an unknown variable', () => {
    expect(() => substitute('{{nope}}', new Map())).toThrow(/unknown variable/);
  });
});

describe('levels and selection', () => {
  it('fails MUST, warns SHOULD (fails it with strict) and warns MAY', () => {
    const fail = { kind: 'fail', reason: 'x' } as const;
    expect(statusOf(fail, 'MUST', false)).toBe('failed');
    expect(statusOf(fail, 'SHOULD', false)).toBe('warned');
    expect(statusOf(fail, 'SHOULD', true)).toBe('failed');
    expect(statusOf(fail, 'MAY', true)).toBe('warned');
    expect(statusOf({ kind: 'skip', reason: 'x' }, 'MUST', true)).toBe('skipped');
  });

  it('filters by level and by id globs', () => {
    const cases = [caseOf('a.one', 'MUST'), caseOf('a.two', 'SHOULD'), caseOf('b.one', 'MAY')];
    expect(selectCases(cases, 'must', []).map((c) => c.id)).toEqual(['a.one']);
    expect(selectCases(cases, 'may', ['*.one']).map((c) => c.id)).toEqual(['a.one', 'b.one']);
    expect(globToRegExp('a.*').test('ab')).toBe(false);
  });
});

describe('baselines', () => {
  it('reads JSON lists, JSON objects and plain text', () => {
    expect(parseExpectedFailures('["a.b", {"id": "c.d"}]')).toEqual(['a.b', 'c.d']);
    expect(parseExpectedFailures('{"expectedFailures": ["a.b"]}')).toEqual(['a.b']);
    expect(parseExpectedFailures('# header\na.b  # why\n\nc.d\n')).toEqual(['a.b', 'c.d']);
    expect(() => parseExpectedFailures('[1]')).toThrow(/no string id/);
  });

  it('marks listed failures as expected and reports passing or unknown entries as stale', () => {
    const results = [
      resultOf('a.fails', 'failed'),
      resultOf('a.passes', 'passed'),
      resultOf('a.other', 'failed'),
    ];
    const applied = applyBaseline(
      results,
      ['a.fails', 'a.passes', 'gone.case'],
      new Set(['a.fails', 'a.passes', 'a.other']),
    );
    expect(applied.results.map((r) => r.expectedFailure ?? false)).toEqual([true, false, false]);
    expect(applied.stale.sort()).toEqual(['a.passes', 'gone.case']);
  });
});

describe('evidence and intervals', () => {
  it('masks volatile headers only', () => {
    expect(maskHeaders({ date: 'Sat', 'content-type': 'application/json', etag: 'W/"1"' })).toEqual({
      date: '<masked>',
      'content-type': 'application/json',
      etag: '<masked>',
    });
  });

  it('counts the most intervals open at once, touching intervals apart', () => {
    expect(
      maxOverlap([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 10, end: 20 },
      ]),
    ).toBe(2);
    expect(
      maxOverlap([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
    ).toBe(1);
  });
});

describe('expectations', () => {
  const received = {
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
    text: '{"type":"x"}',
  };

  it('report a wrong status alone, not the body mismatches it causes', () => {
    const outcome = checkExpectation(received, {
      status: 200,
      schema: 'batch-response',
      body: { responses: [] },
    });
    expect(outcome.statusOk).toBe(false);
    expect(outcome.mismatches.map((m) => m.path)).toEqual(['(status)']);
  });

  it('check headers case-insensitively, the schema and the body when the status is right', () => {
    const outcome = checkExpectation(
      { ...received, status: 400 },
      {
        status: 400,
        headers: { 'Content-Type': { $mediaType: 'application/problem+json' } },
        schema: 'problem',
        body: { type: 'y' },
      },
    );
    expect([...new Set(outcome.mismatches.map((m) => m.path))]).toEqual(['/title', '/status', '/type']);
  });

  it('read NDJSON bodies as arrays of lines', () => {
    expect(readBody('{"a":1}\n{"b":2}\n', 'ndjson')).toEqual({ value: [{ a: 1 }, { b: 2 }] });
    expect(readBody('{"a":1}\nnope\n', 'ndjson').error).toBe('line 2 of the NDJSON body is not JSON');
  });
});
