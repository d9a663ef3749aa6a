/** Writes the spec's reference token for a request id and a JSON Pointer: `${id#pointer}`. */
export function referenceToken(id: string, pointer: string): string {
  return `\${${id}#${pointer}}`;
}

/** Escapes literal `${` in a string so the server does not read it as a reference. */
export function escapeTemplateLiteral(text: string): string {
  return text.replace(/\$\{/g, '$$${');
}

// `$${` is the escape of a literal `${`: the optional first `$` tells an escape from a token.
const TOKEN = /(\$?)\$\{([A-Za-z0-9._~-]{1,128})#([^}]*)\}/g;
const WHOLE_TOKEN = /^\$\{([A-Za-z0-9._~-]{1,128})#([^}]*)\}$/;

/** Replaces each reference token for which `value` returns a string; other tokens stay. */
export function replaceTokens(
  text: string,
  value: (id: string, pointer: string) => string | undefined,
): string {
  if (!text.includes('${')) return text;
  return text.replace(TOKEN, (token, escaped: string, id: string, pointer: string) =>
    escaped === '$' ? token : (value(id, pointer) ?? token),
  );
}

/** The ids a string references. */
export function referencedIds(text: string): string[] {
  const ids: string[] = [];
  replaceTokens(text, (id) => {
    ids.push(id);
    return undefined;
  });
  return ids;
}

/** The id and pointer of a string that is exactly one token (it takes the value's JSON type). */
export function wholeToken(text: string): { readonly id: string; readonly pointer: string } | undefined {
  const match = WHOLE_TOKEN.exec(text);
  return match ? { id: match[1]!, pointer: match[2]! } : undefined;
}

/** Calls `visit` on every string of a JSON value, replacing it by what `visit` returns. */
export function mapStrings(value: unknown, visit: (text: string) => unknown): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, visit));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own members, so a "__proto__" key stays a key.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, visit)]));
  }
  return value;
}
