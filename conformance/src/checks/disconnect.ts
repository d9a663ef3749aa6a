import { failVerdict, PASS } from '../run/verdict.js';
import { readCounter, sleep } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** When the client goes away, no inner request that had not started yet is started. */
export const disconnect: NamedCheck = {
  summary:
    'Sends slow (/delay/400) then bump (POST counter, dependsOn slow), aborts the connection after 100 ms, waits until slow would have finished, and passes when the counter is still 0: bump was never started.',
  async run(context) {
    const name = `${context.run}-disconnect`;
    const controller = new AbortController();
    let answeredFirst = false;
    const pending = context.exchange(
      {
        body: {
          requests: [
            { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/400` },
            { id: 'bump', method: 'POST', url: `${context.fixtures}/counters/${name}`, dependsOn: ['slow'] },
          ],
        },
      },
      controller.signal,
    );
    void pending.then(() => {
      answeredFirst = !controller.signal.aborted;
    });
    await sleep(100);
    if (answeredFirst)
      return { kind: 'skip', reason: 'the server answered before the client could disconnect' };
    controller.abort();
    // Whatever comes back after the abort is ignored: a socket client sees an error, an injected
    // fetch may still hand over the answer the server wrote once it stopped.
    await pending;
    await sleep(600);
    const value = await readCounter(context, name);
    if (typeof value !== 'number') return value.verdict;
    if (value !== 0) {
      return failVerdict(
        `after the client disconnected, the server still started "bump" (counter ${name} = ${value})`,
      );
    }
    return PASS;
  },
};
