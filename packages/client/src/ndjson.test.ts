import { describe, expect, it } from 'vitest';
import { createLineSplitter, readLines } from './ndjson.js';

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('createLineSplitter', () => {
  it('returns each line once, whole, however the text is cut', () => {
    const splitter = createLineSplitter();
    expect(splitter.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2')).toEqual([]);
    expect(splitter.push('}\n{"c":3}\n')).toEqual(['{"b":2}', '{"c":3}']);
    expect(splitter.flush()).toEqual([]);
  });

  it('handles CRLF, blank lines and a last line without newline', () => {
    const splitter = createLineSplitter();
    expect(splitter.push('one\r\n\r\n  \ntwo\r')).toEqual(['one']);
    expect(splitter.push('\nthree')).toEqual(['two']);
    expect(splitter.flush()).toEqual(['three']);
    expect(splitter.flush()).toEqual([]);
  });

  it('splits text cut at every position the same way', () => {
    const text = '{"id":"1"}\n{"id":"2"}\r\n{"summary":{}}\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const splitter = createLineSplitter();
      const lines = [
        ...splitter.push(text.slice(0, cut)),
        ...splitter.push(text.slice(cut)),
        ...splitter.flush(),
      ];
      expect(lines).toEqual(['{"id":"1"}', '{"id":"2"}', '{"summary":{}}']);
    }
  });
});

describe('readLines', () => {
  it('decodes a UTF-8 character split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"t":"é€"}\n{"t":"ok"}\n');
    const chunks = [bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9)];
    expect(await collect(readLines(streamOf(chunks)))).toEqual(['{"t":"é€"}', '{"t":"ok"}']);
  });

  it('yields the final line of a body without trailing newline', async () => {
    const bytes = new TextEncoder().encode('a\nb');
    expect(await collect(readLines(streamOf([bytes])))).toEqual(['a', 'b']);
  });
});
