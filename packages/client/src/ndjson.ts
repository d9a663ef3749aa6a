/** Splits text arriving in arbitrary chunks into complete lines (`\n` or `\r\n`), skipping blank ones. */
export interface LineSplitter {
  /** Adds a chunk and returns the lines it completed. */
  push(chunk: string): string[];
  /** Returns the last line when the text did not end with a newline. */
  flush(): string[];
}

/** Creates a {@link LineSplitter}; a line split across chunks is returned once, whole. */
export function createLineSplitter(): LineSplitter {
  let pending = '';
  const complete = (line: string): string[] => {
    const trimmed = line.replace(/\r$/, '');
    return trimmed.trim() === '' ? [] : [trimmed];
  };
  return {
    push(chunk) {
      // Only the new chunk is scanned: a line arriving in many chunks costs its length, not its square.
      const lines = chunk.split('\n');
      lines[0] = pending + lines[0];
      pending = lines.pop()!;
      return lines.flatMap(complete);
    },
    flush() {
      const rest = pending;
      pending = '';
      return complete(rest);
    },
  };
}

/** Reads a byte stream as text lines, decoding UTF-8 incrementally (a character split across chunks survives). */
export async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const splitter = createLineSplitter();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* splitter.push(decoder.decode(value, { stream: true }));
    }
    yield* splitter.push(decoder.decode());
    yield* splitter.flush();
  } finally {
    reader.releaseLock();
  }
}
