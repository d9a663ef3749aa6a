import type { HttpCall } from '../contenders/types.js';
import { innerCalls, type Workload } from '../workload.js';

/** The N inner requests of a workload as N standalone HTTP requests. */
export function separateCalls(n: number, workload: Workload): HttpCall[] {
  return innerCalls(n, workload).map((call) =>
    call.body
      ? {
          method: call.method,
          path: call.path,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(call.body),
        }
      : { method: call.method, path: call.path, headers: {} },
  );
}
