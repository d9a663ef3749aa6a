import { concatBytes } from './bytes.js';

/**
 * Reads a Web stream body, stopping (and cancelling the rest) once past `maxBytes`: the bytes
 * read and whether the body was longer, so memory stays bounded whatever the peer sends.
 */
export async function readWebBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ readonly bytes: Uint8Array; readonly over: boolean }> {
  if (body === null) return { bytes: new Uint8Array(0), over: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concatBytes(chunks, size), over: false };
    size += value.byteLength;
    chunks.push(value);
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { bytes: concatBytes(chunks, size), over: true };
    }
  }
}
