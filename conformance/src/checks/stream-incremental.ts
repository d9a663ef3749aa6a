import { request } from 'undici';
import { failVerdict, PASS } from '../run/verdict.js';
import type { NamedCheck } from './check-context.js';

/** Streamed lines are written as each inner request finishes, not all at the end. */
export const streamIncremental: NamedCheck = {
  summary:
    'Streams a batch of a fast echo and a /delay/600 that depends on it (so the order is fixed at any maxConcurrency, 1 included) with Accept: application/x-ndjson and passes when the line of the fast request arrives at least 300 ms before the end of the body (it always uses undici, even when a fetch is injected).',
  async run(context) {
    const headers: Record<string, string> = {
      ...context.exchangeContext.extraHeaders,
      'content-type': 'application/json',
      accept: 'application/x-ndjson',
    };
    const body = JSON.stringify({
      requests: [
        { id: 'fast', method: 'GET', url: `${context.fixtures}/echo` },
        // The dependency fixes the order without relying on concurrency, a SHOULD (req-exec-2).
        { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/600`, dependsOn: ['fast'] },
      ],
    });
    const evidence = { request: { method: 'POST', url: context.exchangeContext.batchUrl, headers, body } };
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(context.exchangeContext.batchUrl, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(context.exchangeContext.timeoutMs),
      });
    } catch (error) {
      return failVerdict(`no response: ${(error as Error).message}`, {
        ...evidence,
        error: (error as Error).message,
      });
    }
    const arrivals: { text: string; at: number }[] = [];
    let buffered = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        arrivals.push({ text: buffered.slice(0, newline), at: Date.now() });
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    const end = Date.now();
    const record = {
      ...evidence,
      response: { status: response.statusCode, headers: {}, body: arrivals.map((a) => a.text).join('\n') },
    };
    if (response.statusCode !== 200) return failVerdict(`expected 200, got ${response.statusCode}`, record);
    const fast = arrivals.find((a) => a.text.includes('"fast"'));
    if (!fast) return failVerdict('no line for the request "fast"', record);
    if (end - fast.at < 300) {
      return failVerdict(
        `the line of "fast" arrived ${end - fast.at} ms before the end of the stream: lines are held back until the batch ends`,
        record,
      );
    }
    return PASS;
  },
};
