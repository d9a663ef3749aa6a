/** One curl command of the README, as the shell would pass it to curl. */
export interface CurlCommand {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/** A README example: the curl command and the JSON answer printed after it, if any. */
export interface ReadmeExample {
  readonly curl: CurlCommand;
  readonly expected: unknown;
}

/** Splits a shell command line into words: single quotes, double quotes and `\`-newline continuations. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const joined = text.replace(/\\\n/g, ' ');
  while (i < joined.length) {
    const char = joined[i]!;
    if (char === "'") {
      const end = joined.indexOf("'", i + 1);
      if (end === -1) throw new Error('unterminated single quote');
      word += joined.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (char === '"') {
      const end = joined.indexOf('"', i + 1);
      if (end === -1) throw new Error('unterminated double quote');
      word += joined.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i += 1;
    } else {
      word += char;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Reads the curl options the README uses: `-s`, `-i`, `-X`, `-H`, `-d`, and the url. */
export function parseCurl(command: string): CurlCommand {
  const words = shellWords(command);
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${command}`);
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-s' || word === '-i' || word === '-sS') continue;
    if (word === '-X') method = words[++i];
    else if (word === '-H') {
      const header = words[++i] ?? '';
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (word === '-d' || word === '--data') body = words[++i];
    else if (word.startsWith('-'))
      throw new Error(`curl option ${word} is not understood by the README test`);
    else url = word;
  }
  if (url === undefined) throw new Error(`no url in: ${command}`);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body };
}

const FENCE = /```(\w*)\n([\s\S]*?)```/g;

/** Finds every ```sh block that holds a curl command, with the ```json block right after it. */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const blocks = [...markdown.matchAll(FENCE)].map((match) => ({ lang: match[1], text: match[2]! }));
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, index) => {
    if (block.lang !== 'sh' || !block.text.trimStart().startsWith('curl')) return;
    const next = blocks[index + 1];
    examples.push({
      curl: parseCurl(block.text.trim()),
      expected: next?.lang === 'json' ? JSON.parse(next.text) : undefined,
    });
  });
  return examples;
}
