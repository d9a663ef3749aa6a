import { isDeepStrictEqual } from 'node:util';
import { expectedBody, type Workload } from '../workload.js';

/** Parses a response body as JSON, or explains why it is not. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: `body is not JSON: ${text.slice(0, 120)}` };
  }
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one inner result against the trivial handler's answer for position `index`. */
export function checkItem(
  index: number,
  status: unknown,
  body: unknown,
  workload: Workload,
): string | undefined {
  if (status !== 200) return `item ${index}: status ${String(status)}`;
  const expected = expectedBody(index, workload);
  if (!isDeepStrictEqual(body, expected)) {
    return `item ${index}: body ${JSON.stringify(body)} instead of ${JSON.stringify(expected)}`;
  }
  return undefined;
}

/** Checks a keyed-object answer (the peers' format): keys k0..k(N-1) in order, each result right. */
export function checkKeyed(
  value: unknown,
  n: number,
  workload: Workload,
  read: (entry: unknown) => { status: unknown; body: unknown },
  extraKeys: readonly string[] = [],
): string | undefined {
  if (!isRecord(value)) return 'answer is not a JSON object';
  const keys = Object.keys(value).filter((key) => !extraKeys.includes(key));
  if (keys.length !== n) return `${keys.length} results instead of ${n}`;
  for (let i = 0; i < n; i++) {
    if (keys[i] !== `k${i}`) return `result ${i} is ${String(keys[i])}, expected k${i} (order)`;
    const { status, body } = read(value[`k${i}`]);
    const problem = checkItem(i, status, body, workload);
    if (problem) return problem;
  }
  return undefined;
}
