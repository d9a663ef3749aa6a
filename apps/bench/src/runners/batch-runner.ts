import { keepAlivePool, send } from '../clients/http1.js';
import type { BatchContender } from '../contenders/types.js';
import type { Workload } from '../workload.js';
import { autocannonLoad } from './autocannon-load.js';
import { msSince, type Runner } from './types.js';

/** Drives a batch contender: one keep-alive connection for single batches, autocannon for load. */
export function batchRunner(contender: BatchContender, origin: string): Runner {
  const connection = keepAlivePool(origin, 1);
  return {
    async once(n: number, workload: Workload) {
      const call = contender.encode(n, workload);
      const start = process.hrtime.bigint();
      const { status, text } = await send(connection, call);
      const elapsedMs = msSince(start);
      const error = contender.check(status, text, n, workload);
      return error === undefined ? { elapsedMs } : { elapsedMs, error };
    },
    throughput: (n, workload, seconds) => autocannonLoad(origin, [contender.encode(n, workload)], n, seconds),
    close: () => connection.close(),
  };
}
