import type { CaseResult } from '../report/report.js';
import { harnessError } from './harness-error.js';

/**
 * Reads an expected-failures file: a JSON array of ids or of `{ id, reason }`, a JSON object
 * `{ "expectedFailures": [...] }`, or plain text with one id per line (`#` starts a comment).
 */
export function parseExpectedFailures(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw harnessError(`the expected-failures file is not valid JSON: ${(error as Error).message}`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { expectedFailures?: unknown }).expectedFailures;
    if (!Array.isArray(list))
      throw harnessError('the expected-failures file must be an array or { "expectedFailures": [...] }');
    return list.map((entry, i) => {
      const id = typeof entry === 'string' ? entry : (entry as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') throw harnessError(`expected-failures entry ${i} has no string id`);
      return id;
    });
  }
  return trimmed
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/**
 * Applies a baseline: listed cases that fail or warn are marked `expectedFailure`; listed cases
 * that pass, or that name no case of the suite, are stale (the baseline must shrink).
 */
export function applyBaseline(
  results: readonly CaseResult[],
  expected: readonly string[],
  knownIds: ReadonlySet<string>,
): { results: CaseResult[]; stale: string[] } {
  const listed = new Set(expected);
  const stale = expected.filter((id) => !knownIds.has(id));
  const marked = results.map((result) => {
    if (!listed.has(result.id)) return result;
    if (result.status === 'passed') {
      stale.push(result.id);
      return result;
    }
    return result.status === 'failed' || result.status === 'warned'
      ? { ...result, expectedFailure: true }
      : result;
  });
  return { results: marked, stale: [...new Set(stale)] };
}
