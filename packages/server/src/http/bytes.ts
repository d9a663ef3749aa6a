/** Bytes as Web-standard code (no Node built-in), so the fetch adapter runs on Workers too. */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type NodeBuffer = {
  from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64'): string };
};

/** The bytes as text when they are valid UTF-8 (a BOM kept, as `Buffer#toString` keeps it), else undefined. */
export function strictUtf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Base64 of the bytes: the runtime's native `Buffer` when it has one, else `btoa` over binary text. */
export function base64Of(bytes: Uint8Array): string {
  const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (nodeBuffer !== undefined)
    return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  // Chunks keep fromCharCode's argument count well under the engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The chunks joined into one array of `size` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === size) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
