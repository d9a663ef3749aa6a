import autocannon from 'autocannon';
import type { HttpCall } from '../contenders/types.js';
import { LOAD_CONNECTIONS, type ThroughputResult } from './types.js';

/** Runs autocannon (10 keep-alive connections) over the calls in turn; each 2xx answer counts `perCall`. */
export async function autocannonLoad(
  origin: string,
  calls: readonly HttpCall[],
  perCall: number,
  seconds: number,
): Promise<ThroughputResult> {
  const job = autocannon({
    url: origin,
    connections: LOAD_CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 60,
    requests: calls.map((call) => ({
      method: call.method,
      path: call.path,
      headers: { ...call.headers },
      ...(call.body === undefined ? {} : { body: call.body }),
    })),
  });
  const guard = setTimeout(() => job.stop(), (seconds + 90) * 1000);
  try {
    const result = await job;
    const ok = result['2xx'];
    const subRequests = ok * perCall;
    const elapsed = result.duration > 0 ? result.duration : seconds;
    return {
      subRequests,
      seconds: elapsed,
      perSecond: subRequests / elapsed,
      failures: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    clearTimeout(guard);
  }
}
