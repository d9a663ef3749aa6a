/** Where a JSON value sits in its text: character offsets of its first and past its last character. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Maps every JSON Pointer of a JSON text to the range of its value, so an error reported at a
 * pointer can be shown where it is in the editor. Returns an empty map for text that is not JSON.
 */
export function pointerRanges(text: string): Map<string, TextRange> {
  const ranges = new Map<string, TextRange>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text.charAt(i) !== '"') i += text.charAt(i) === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, depth: number): void => {
    if (depth > 256) throw new Error('too deep');
    ws();
    const start = i;
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      i++;
      ws();
      let index = 0;
      while (text.charAt(i) !== (c === '{' ? '}' : ']')) {
        if (i >= text.length) throw new Error('unterminated');
        let token = String(index++);
        if (c === '{') {
          token = string();
          ws();
          i++; // the colon
        }
        value(`${pointer}/${escapeToken(token)}`, depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') string();
    else while (i < text.length && !',]} \t\n\r'.includes(text.charAt(i))) i++;
    ranges.set(pointer, { start, end: i });
  };
  try {
    JSON.parse(text);
    value('', 0);
  } catch {
    return new Map();
  }
  return ranges;
}

/** The 1-based line and column of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
