import type { Case } from '../case/case.js';
import type { CaseResult } from '../report/report.js';

/** How many data cases run at once; named checks and canary cases always run alone. */
export const PARALLEL_CASES = 4;

/** Whether a case may share the server with others: timing checks and canary probes may not. */
export function runsAlone(testCase: Case): boolean {
  return 'check' in testCase || testCase.canary === true;
}

/**
 * Runs the data cases a few at a time (each uses its own counters and ids, so they cannot
 * interfere), then the named checks and canary cases one by one, and returns the results in case order.
 */
export async function runAll(
  cases: readonly Case[],
  run: (testCase: Case, index: number) => Promise<CaseResult>,
  onResult: (result: CaseResult, done: number) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let done = 0;
  const finish = (index: number, result: CaseResult) => {
    results[index] = result;
    done += 1;
    onResult(result, done);
  };
  const shared = cases.flatMap((c, i) => (runsAlone(c) ? [] : [i]));
  const alone = cases.flatMap((c, i) => (runsAlone(c) ? [i] : []));
  let next = 0;
  const worker = async () => {
    while (next < shared.length) {
      const index = shared[next++]!;
      finish(index, await run(cases[index]!, index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CASES, shared.length) }, worker));
  for (const index of alone) finish(index, await run(cases[index]!, index));
  return results;
}
