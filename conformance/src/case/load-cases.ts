import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NAMED_CHECKS } from '../checks/registry.js';
import { validateMatcher } from '../match/matcher.js';
import { CASES_DIR } from '../paths.js';
import type { Case } from './case.js';
import { validateCaseShape } from './case-schema.js';

/** A case file that could not be used, and why. */
export interface CaseFileProblem {
  readonly file: string;
  readonly problems: readonly string[];
}

/** The cases of a directory, or every problem found in its files. */
export type LoadedCases =
  | { readonly ok: true; readonly cases: Case[] }
  | { readonly ok: false; readonly files: CaseFileProblem[] };

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listJsonFiles(path);
      return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
    })
    .sort();
}

/** The id a case file must carry: its path below the cases directory, `/` as `.`, without `.json`. */
export function expectedCaseId(root: string, file: string): string {
  return relative(root, file).slice(0, -'.json'.length).split(sep).join('.');
}

/** Checks what the schema cannot: the id matches the path, matchers are well-formed, named checks exist. */
export function semanticProblems(testCase: Case, expectedId?: string): string[] {
  const problems: string[] = [];
  if (expectedId !== undefined && testCase.id !== expectedId)
    problems.push(`id "${testCase.id}" must be "${expectedId}" (its path)`);
  if ('check' in testCase) {
    if (!NAMED_CHECKS[testCase.check.name]) problems.push(`unknown named check "${testCase.check.name}"`);
    return problems;
  }
  testCase.steps.forEach((step, i) => {
    if ((step.expect === undefined) === (step.expectAnyOf === undefined)) {
      problems.push(`/steps/${i}: needs exactly one of expect and expectAnyOf`);
    }
    if (
      step.request.raw !== undefined &&
      (step.request.body !== undefined || step.request.repeat !== undefined)
    ) {
      problems.push(`/steps/${i}/request: raw cannot be combined with body or repeat`);
    }
    const { raw, body, repeat, rawEncoding, padTo, chunked } = step.request;
    if (rawEncoding !== undefined && raw === undefined)
      problems.push(`/steps/${i}/request: rawEncoding needs raw`);
    if (
      (padTo !== undefined || chunked !== undefined) &&
      raw === undefined &&
      body === undefined &&
      repeat === undefined
    )
      problems.push(`/steps/${i}/request: padTo and chunked need a body (body, raw or repeat)`);
    for (const [j, expect] of (step.expectAnyOf ?? (step.expect ? [step.expect] : [])).entries()) {
      const base = step.expectAnyOf ? `/steps/${i}/expectAnyOf/${j}` : `/steps/${i}/expect`;
      for (const part of ['status', 'body'] as const) {
        problems.push(...validateMatcher(expect[part], `${base}/${part}`));
      }
      for (const [name, m] of Object.entries(expect.headers ?? {}))
        problems.push(...validateMatcher(m, `${base}/headers/${name}`));
    }
  });
  return problems;
}

/** Reads, validates and returns every case under a directory (the bundled v1 cases by default). */
export function loadCases(root: string = CASES_DIR): LoadedCases {
  const cases: Case[] = [];
  const files: CaseFileProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of listJsonFiles(root)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      files.push({ file, problems: [`not JSON: ${(error as Error).message}`] });
      continue;
    }
    const shape = validateCaseShape(parsed);
    if (!shape.ok) {
      files.push({ file, problems: shape.errors.map((e) => `${e.pointer || '(root)'}: ${e.detail}`) });
      continue;
    }
    const problems = semanticProblems(shape.value, expectedCaseId(root, file));
    const other = seen.get(shape.value.id);
    if (other) problems.push(`id "${shape.value.id}" is also used by ${other}`);
    seen.set(shape.value.id, file);
    if (problems.length > 0) files.push({ file, problems });
    else cases.push(shape.value);
  }
  return files.length > 0 ? { ok: false, files } : { ok: true, cases };
}
