import type { HeaderRecord, InnerResult } from '../../engine/types.js';

/** A write callback, as `ServerResponse.write` and `end` take it. */
export type Callback = (error?: Error | null) => void;

/** Per inner response: what its writes collected, and where the result goes. */
export interface Capture {
  readonly finish: (result: InnerResult) => void;
  chunks: Buffer[] | undefined;
  jsonText: string | undefined;
  headers: HeaderRecord | undefined;
  /** Body bytes written so far, counted against `maxBytes` (`maxItemResponseBytes`). */
  bytes: number;
  readonly maxBytes: number;
  /** Set once the body passed `maxBytes`: the item answered 502 and further writes are dropped. */
  overflowed: boolean;
}

/**
 * Makes a capture with `new` rather than an object literal: V8 tracks literal allocation sites
 * and, seeing these records survive while their batch runs, starts allocating them in old space,
 * where each dead one keeps its whole request and response alive through young collections
 * (measured: server CPU per inner request doubled).
 */
export const Capture = function Capture(
  this: Capture,
  finish: (result: InnerResult) => void,
  maxBytes: number,
) {
  (this as { finish: Capture['finish'] }).finish = finish;
  this.chunks = undefined;
  this.jsonText = undefined;
  this.headers = undefined;
  this.bytes = 0;
  (this as { maxBytes: number }).maxBytes = maxBytes;
  this.overflowed = false;
} as unknown as new (
  finish: (result: InnerResult) => void,
  maxBytes: number,
) => Capture;

/** The bytes of one written chunk (none for an empty one); a chunk of another type is a TypeError, as on a socket. */
export function chunkBytes(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null) return undefined;
  if (typeof chunk === 'string')
    return chunk.length > 0
      ? Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8')
      : undefined;
  if (chunk instanceof Uint8Array)
    return chunk.length > 0 ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : undefined;
  throw new TypeError('The "chunk" argument must be of type string or an instance of Buffer or Uint8Array');
}

/** Keeps a chunk unless it takes the body past `maxBytes`; false means the caller must overflow. */
export function keepBytes(capture: Capture, bytes: Buffer): boolean {
  capture.bytes += bytes.length;
  if (capture.bytes > capture.maxBytes) return false;
  if (capture.chunks === undefined) capture.chunks = [bytes];
  else capture.chunks.push(bytes);
  return true;
}

/** Whether a `res.json` text is longer than `maxBytes` in UTF-8. */
export function textTooLarge(capture: Capture, text: string): boolean {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: only a long text needs to be measured.
  return text.length * 3 > capture.maxBytes && Buffer.byteLength(text) > capture.maxBytes;
}

/** A write after the overflow, answered as Node answers a write to a destroyed connection. */
export function dropped(callback: Callback | undefined): false {
  if (callback) {
    const error = Object.assign(new Error('Cannot call write after a stream was destroyed'), {
      code: 'ERR_STREAM_DESTROYED',
    });
    process.nextTick(callback, error);
  }
  return false;
}
