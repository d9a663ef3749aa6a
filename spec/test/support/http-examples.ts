/** Reads the complete HTTP exchanges of the spec's examples out of its Markdown. */

/** One HTTP message written in an example block: start line, headers in order, raw body text. */
export interface HttpMessage {
  readonly startLine: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** An example: a request and the response the spec says it gets. */
export interface HttpExample {
  readonly name: string;
  readonly line: number;
  readonly request: HttpMessage;
  readonly response: HttpMessage;
}

const FENCE_INFO = /^```http\s+title="(example-[A-Za-z0-9-]+) (request|response)"\s*$/;

/** Splits the text of an `http` block into its start line, headers and body. */
export function parseHttpMessage(text: string): HttpMessage {
  const lines = text.split('\n');
  const startLine = (lines.shift() ?? '').trim();
  const headers: [string, string][] = [];
  while (lines.length > 0) {
    const line = lines.shift() ?? '';
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: "${line}"`);
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { startLine, headers, body: lines.join('\n').trim() };
}

/** The value of a header of a written message (names compared case-insensitively). */
export function headerOf(message: HttpMessage, name: string): string | undefined {
  return message.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/**
 * Every example of a Markdown text, in document order. A block titled `example-N request` must be
 * followed by `example-N response`; anything else is an error, so an example cannot be half-written.
 */
export function readExamples(markdown: string): HttpExample[] {
  const lines = markdown.split('\n');
  const blocks: { name: string; kind: string; line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = FENCE_INFO.exec(lines[i] ?? '');
    if (!info) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !(lines[end] ?? '').startsWith('```')) end++;
    if (end >= lines.length) throw new Error(`unterminated block at line ${i + 1}`);
    blocks.push({
      name: info[1] ?? '',
      kind: info[2] ?? '',
      line: i + 1,
      text: lines.slice(start, end).join('\n'),
    });
    i = end;
  }
  const examples: HttpExample[] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const request = blocks[i];
    const response = blocks[i + 1];
    if (request?.kind !== 'request' || response?.kind !== 'response' || request.name !== response.name) {
      throw new Error(`example block at line ${request?.line}: a request must be followed by its response`);
    }
    examples.push({
      name: request.name,
      line: request.line,
      request: parseHttpMessage(request.text),
      response: parseHttpMessage(response.text),
    });
  }
  return examples;
}
