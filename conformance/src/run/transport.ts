import { Readable } from 'node:stream';
import { Agent, request } from 'undici';

/** An HTTP request as the runner sends it. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Send the body without Content-Length, in chunks (chunked transfer coding over HTTP/1.1). */
  readonly chunked?: true;
  readonly signal?: AbortSignal;
}

const CHUNK_BYTES = 64 * 1024;

/** A body cut into chunks of at most 64 KiB, as a client streaming it would write them. */
function chunksOf(body: string | Uint8Array): Uint8Array[] {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES)
    chunks.push(bytes.subarray(at, at + CHUNK_BYTES));
  return chunks;
}

/** A Web stream of the body's chunks: a fetch sends a stream body without a length. */
function streamOf(body: string | Uint8Array): ReadableStream<Uint8Array> {
  const chunks = chunksOf(body);
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/** An HTTP response as the runner received it (header names lower case). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** Sends one HTTP request; rejects on network failure, timeout or abort. */
export type Transport = (req: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

function withTimeout(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** A transport with its own connection pool, and the function that closes that pool. */
export interface ClosableTransport {
  readonly transport: Transport;
  readonly close: () => Promise<void>;
}

/**
 * The default transport: undici's `request` on a private pool, which can send any header (Host
 * included) and raw bytes; closing it lets the process exit without waiting for idle sockets.
 */
export function undiciTransport(): ClosableTransport {
  const dispatcher = new Agent({ keepAliveTimeout: 1000 });
  const transport: Transport = async (req, timeoutMs) => {
    const response = await request(req.url, {
      dispatcher,
      method: req.method as 'GET',
      headers: { ...req.headers },
      // A stream has no length: undici sends it chunked.
      ...(req.body === undefined ? {} : { body: req.chunked ? Readable.from(chunksOf(req.body)) : req.body }),
      signal: withTimeout(req.signal, timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = new Uint8Array(await response.body.arrayBuffer());
    return { status: response.statusCode, headers, body };
  };
  return { transport, close: () => dispatcher.close() };
}

/** A fetch-compatible function (the global `fetch`, undici's, or a test double that answers in-process). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | Uint8Array | ReadableStream<Uint8Array>;
    /** Set with a stream body, as fetch requires. */
    duplex?: 'half';
    signal: AbortSignal;
  },
) => Promise<{
  status: number;
  headers: { forEach(fn: (value: string, name: string) => void): void };
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The body as it arrives, when the implementation exposes it (streamed-answer checks read it). */
  readonly body?: ReadableStream<Uint8Array> | null;
}>;

/** Wraps a fetch function as a transport (headers the fetch implementation forbids, such as Host, are dropped by it). */
export function fetchTransport(fetchFn: FetchLike): Transport {
  return async (req, timeoutMs) => {
    const response = await fetchFn(req.url, {
      method: req.method,
      headers: { ...req.headers },
      ...(req.body === undefined
        ? {}
        : req.chunked
          ? { body: streamOf(req.body), duplex: 'half' as const }
          : { body: req.body }),
      signal: withTimeout(req.signal, timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
  };
}
