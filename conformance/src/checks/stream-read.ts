import { request } from 'undici';
import type { Evidence } from '../run/evidence.js';
import type { ExchangeContext } from '../run/exchange.js';

/** One NDJSON line and when it arrived (Date.now()). */
export interface Arrival {
  readonly text: string;
  readonly at: number;
}

/** A streamed answer being read: its status and its body's chunks as they arrive. */
export interface OpenStream {
  readonly status: number;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/** How a check reads a stream: what it posts, and an optional pause before each chunk is read. */
export interface StreamRead {
  readonly envelope: unknown;
  /** Milliseconds to wait before reading chunk `n` (0 is the first); a slow client. */
  readonly pauseBefore?: (n: number) => number;
}

/** The lines read, the status, the end time and the evidence, or why there is no response. */
export type StreamResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly arrivals: Arrival[];
      readonly end: number;
      readonly evidence: Evidence;
    }
  | { readonly ok: false; readonly error: string; readonly evidence: Evidence };

async function* readerChunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Posts with `Accept: application/x-ndjson` and hands over the body unread: through the injected
 * fetch when there is one (an in-process server has no socket), else undici.
 */
async function openStream(
  context: ExchangeContext,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<OpenStream> {
  const url = context.batchUrl;
  const injected = context.fetch;
  if (injected !== undefined) {
    const response = await injected(url, { method: 'POST', headers, body, signal });
    const stream = response.body;
    if (stream) return { status: response.status, chunks: readerChunks(stream) };
    // A fetch that does not expose the body as it arrives: one chunk, at the end.
    const whole = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      chunks: (async function* () {
        yield whole;
      })(),
    };
  }
  const response = await request(url, { method: 'POST', headers, body, signal });
  return { status: response.statusCode, chunks: response.body };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams a batch and records each line with its arrival time, pausing as `pauseBefore` says. */
export async function readStream(context: ExchangeContext, read: StreamRead): Promise<StreamResult> {
  const headers: Record<string, string> = {
    ...context.extraHeaders,
    'content-type': 'application/json',
    accept: 'application/x-ndjson',
  };
  const body = JSON.stringify(read.envelope);
  const evidence: Evidence = {
    request: { method: 'POST', url: context.batchUrl, headers, body },
  };
  const arrivals: Arrival[] = [];
  let status: number;
  try {
    const stream = await openStream(context, headers, body, AbortSignal.timeout(context.timeoutMs));
    status = stream.status;
    let buffered = '';
    const decoder = new TextDecoder();
    let n = 0;
    const iterator = stream.chunks[Symbol.asyncIterator]();
    for (;;) {
      const pause = read.pauseBefore?.(n++) ?? 0;
      if (pause > 0) await sleep(pause);
      const chunk = await iterator.next();
      if (chunk.done) break;
      buffered += decoder.decode(chunk.value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        arrivals.push({ text: buffered.slice(0, newline), at: Date.now() });
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    if (buffered !== '') arrivals.push({ text: buffered, at: Date.now() });
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, error: `no response: ${message}`, evidence: { ...evidence, error: message } };
  }
  const text = arrivals.map((a) => a.text).join('\n');
  return {
    ok: true,
    status,
    arrivals,
    end: Date.now(),
    evidence: { ...evidence, response: { status, headers: {}, body: text } },
  };
}
