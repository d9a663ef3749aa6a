import type { Dispatch } from '../engine/types.js';
import type { BatchwireConfig } from './options.js';

/** Outer request headers as a host gives them: lower-case names, repeated ones as arrays. */
export type OuterHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The outer request as a host adapter hands it to the protocol core. Nothing in it is tied to a
 * framework: an adapter translates its host's request into this value and writes the answer back.
 */
export interface BatchHttpRequest<Raw = unknown> {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Lower-case header names. */
  readonly headers: OuterHeaders;
  /**
   * Reads the body: bytes, text, or a value a host body parser already produced (anything else).
   * The core passes its byte limit so an adapter may stop reading once past it; the core then
   * answers 413. A rejection means the body could not be read (the client went away).
   */
  readonly body: (maxBytes: number) => Promise<Uint8Array | string | unknown>;
  /** Aborts when the client goes away: running inner requests are cancelled, nothing new starts. */
  readonly signal: AbortSignal;
  /** In-process mode: the dispatch into the host app for this request's inner requests. */
  readonly dispatch?: Dispatch | undefined;
  /** The path the endpoint is mounted at, so inner urls naming it are refused up front. */
  readonly endpointPath?: string | undefined;
  /** The host's own request object, handed to `onInnerRequest`/`onInnerResponse` as `outer`. */
  readonly raw: Raw;
}

/**
 * The answer the core gives back: a string, or for NDJSON a pull-driven `AsyncIterable<string>`
 * the adapter writes chunk by chunk, waiting for its socket to drain (the engine starts no new
 * inner request while chunks are waiting to be pulled).
 */
export interface BatchHttpResponse {
  readonly status: number;
  /** Header names as they go on the wire. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | AsyncIterable<string>;
}

/** The protocol core: one call per outer request to the batch endpoint, any method. */
export interface BatchHandler<Raw = unknown> {
  (request: BatchHttpRequest<Raw>): Promise<BatchHttpResponse>;
  /** The resolved mode: in-process requests must carry `dispatch`. */
  readonly mode: 'in-process' | 'gateway';
  /** The options resolved and checked: limits, servicePath, mode (adapters read what they pass on). */
  readonly config: BatchwireConfig;
  /** Releases what the handler owns (the gateway's upstream pool); idempotent. */
  close(): Promise<void>;
}
