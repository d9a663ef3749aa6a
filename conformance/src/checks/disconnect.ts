import type { StepRequest } from '../case/step-request.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { readCounter, sleep } from './batch-call.js';
import type { CheckContext, NamedCheck } from './check-context.js';

/** The batch of the disconnect checks: slow (/delay/400), then bump (a counter) that depends on it. */
export function disconnectBatch(context: CheckContext, counter: string): { requests: unknown[] } {
  return {
    requests: [
      { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/400` },
      { id: 'bump', method: 'POST', url: `${context.fixtures}/counters/${counter}`, dependsOn: ['slow'] },
    ],
  };
}

/**
 * Sends `request` and aborts it after `abortAfterMs` (undefined: at once, while the request is still
 * being sent and read); a skip verdict when the server answered before the client could disconnect.
 */
export async function sendThenDisconnect(
  context: CheckContext,
  request: StepRequest,
  abortAfterMs: number | undefined,
): Promise<Verdict | undefined> {
  const controller = new AbortController();
  let answeredFirst = false;
  const pending = context.exchange(request, controller.signal);
  void pending.then(() => {
    answeredFirst = !controller.signal.aborted;
  });
  if (abortAfterMs !== undefined) await sleep(abortAfterMs);
  if (answeredFirst)
    return { kind: 'skip', reason: 'the server answered before the client could disconnect' };
  controller.abort();
  // Whatever comes back after the abort is ignored: a socket client sees an error, an injected
  // fetch may still hand over the answer the server wrote once it stopped.
  await pending;
  return undefined;
}

/**
 * Sends the disconnect batch, disconnects after `abortAfterMs` and passes when bump never ran.
 * With `params.stream` it asks for NDJSON: a streamed answer is cut off the same way.
 */
async function dependentNeverStarts(
  context: CheckContext,
  params: Readonly<Record<string, unknown>>,
  abortAfterMs: number | undefined,
): Promise<Verdict> {
  const name = `${context.run}-disconnect`;
  const skipped = await sendThenDisconnect(
    context,
    {
      body: disconnectBatch(context, name),
      ...(params.stream === true ? { headers: { accept: 'application/x-ndjson' } } : {}),
    },
    abortAfterMs,
  );
  if (skipped !== undefined) return skipped;
  await sleep(600);
  const value = await readCounter(context, name);
  if (typeof value !== 'number') return value.verdict;
  if (value !== 0) {
    return failVerdict(
      `after the client disconnected, the server still started "bump" (counter ${name} = ${value})`,
    );
  }
  return PASS;
}

/** When the client goes away, no inner request that had not started yet is started. */
export const disconnect: NamedCheck = {
  summary:
    'Sends slow (/delay/400) then bump (POST counter, dependsOn slow), aborts the connection after 100 ms, waits until slow would have finished, and passes when the counter is still 0: bump was never started (params.stream: asks for the answer as NDJSON).',
  run: (context, params) => dependentNeverStarts(context, params, 100),
};

/** A client that is gone before its batch starts gets nothing started on its behalf. */
export const disconnectAtOnce: NamedCheck = {
  summary:
    'Sends the batch of the disconnect check and aborts it at once, while it is still being sent and read (before the server can have started anything), waits until slow would have finished, and passes when the counter is still 0: bump was never started (params.stream: asks for the answer as NDJSON).',
  run: (context, params) => dependentNeverStarts(context, params, undefined),
};
