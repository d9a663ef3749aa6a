/**
 * UTF-8 byte length of a string without encoding it (no Buffer, so it runs on any runtime).
 * A lone surrogate counts 3 bytes, as the encoder's U+FFFD replacement takes.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

type ByteLength = (text: string) => number;

/**
 * The fastest exact UTF-8 length the runtime has: the global `Buffer.byteLength` where there is one
 * (Node, Bun; native, about 8x faster on short entries), else {@link utf8Length}. Read from the
 * global, never imported, so the core still loads on runtimes without Node built-ins.
 */
export const utf8ByteLength: ByteLength =
  (globalThis as { Buffer?: { byteLength: ByteLength } }).Buffer?.byteLength ?? utf8Length;
