import { keepAlivePool, send } from '../clients/http1.js';
import { separateCalls } from '../clients/separate-calls.js';
import { checkItem, parseJson } from '../contenders/check.js';
import type { Workload } from '../workload.js';
import { autocannonLoad } from './autocannon-load.js';
import { LOAD_CONNECTIONS, msSince, type Runner } from './types.js';

/** Checks N separate answers in order; the first wrong one explains the failure. */
export function checkSeparate(
  answers: readonly { status: number; text: string }[],
  n: number,
  workload: Workload,
): string | undefined {
  if (answers.length !== n) return `${answers.length} answers instead of ${n}`;
  for (let i = 0; i < n; i++) {
    const answer = answers[i]!;
    const parsed = parseJson(answer.text);
    if (!parsed.ok) return `item ${i}: ${parsed.error}`;
    const problem = checkItem(i, answer.status, parsed.value, workload);
    if (problem) return problem;
  }
  return undefined;
}

/** Drives N separate HTTP/1.1 requests over an undici keep-alive Pool of 10 connections. */
export function separateH1Runner(origin: string): Runner {
  const pool = keepAlivePool(origin, LOAD_CONNECTIONS);
  return {
    async once(n: number, workload: Workload) {
      const calls = separateCalls(n, workload);
      const start = process.hrtime.bigint();
      const answers = await Promise.all(calls.map((call) => send(pool, call)));
      const elapsedMs = msSince(start);
      const error = checkSeparate(answers, n, workload);
      return error === undefined ? { elapsedMs } : { elapsedMs, error };
    },
    // autocannon's 10 keep-alive connections are the same load shape as a saturated Pool of 10.
    throughput: (n, workload, seconds) => autocannonLoad(origin, separateCalls(n, workload), 1, seconds),
    close: () => pool.close(),
  };
}
