import type { ClientHttp2Session } from 'node:http2';
import { openSession, sendStream } from '../clients/http2.js';
import { separateCalls } from '../clients/separate-calls.js';
import type { Workload } from '../workload.js';
import { checkSeparate } from './separate-h1-runner.js';
import { LOAD_CONNECTIONS, msSince, type Runner } from './types.js';

/** Drives N requests as HTTP/2 streams multiplexed on one session; load uses 10 sessions (autocannon has no HTTP/2). */
export function h2Runner(origin: string): Runner {
  let main: ClientHttp2Session | undefined;
  const session = async () => {
    main ??= await openSession(origin);
    return main;
  };
  return {
    async once(n: number, workload: Workload) {
      const s = await session();
      const calls = separateCalls(n, workload);
      const start = process.hrtime.bigint();
      const answers = await Promise.all(calls.map((call) => sendStream(s, call)));
      const elapsedMs = msSince(start);
      const error = checkSeparate(answers, n, workload);
      return error === undefined ? { elapsedMs } : { elapsedMs, error };
    },
    async throughput(n: number, workload: Workload, seconds: number) {
      const calls = separateCalls(n, workload);
      const sessions = await Promise.all(Array.from({ length: LOAD_CONNECTIONS }, () => openSession(origin)));
      const deadline = Date.now() + seconds * 1000;
      let ok = 0;
      let failures = 0;
      const start = process.hrtime.bigint();
      // Closed loop per session: N streams at once, then the next N, until the time is up.
      const worker = async (s: ClientHttp2Session) => {
        while (Date.now() < deadline) {
          const answers = await Promise.allSettled(calls.map((call) => sendStream(s, call)));
          for (const answer of answers) {
            if (answer.status === 'fulfilled' && answer.value.status === 200) ok++;
            else failures++;
          }
        }
      };
      try {
        await Promise.all(sessions.map(worker));
      } finally {
        for (const s of sessions) s.close();
      }
      const elapsed = msSince(start) / 1000;
      return { subRequests: ok, seconds: elapsed, perSecond: ok / elapsed, failures };
    },
    async close() {
      main?.close();
    },
  };
}
