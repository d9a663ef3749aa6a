/**
 * The placeholder convention of the spec's examples (section 15): `"..."` matches any value, an
 * object member `"...": "..."` allows members not shown, and a string ending in `...` matches by
 * prefix. Everything else must be equal, array lengths included.
 */

/** The placeholder that matches any value, and that as a member name allows unlisted members. */
export const ANY = '...';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Whether a string matches an expected string under the placeholder convention. */
export function matchesText(expected: string, actual: string): boolean {
  if (expected === ANY) return true;
  if (expected.endsWith(ANY) && expected.length > ANY.length) return actual.startsWith(expected.slice(0, -3));
  return expected === actual;
}

/**
 * Compares an actual JSON value with an expected one written with placeholders; returns one message
 * per difference, each naming its JSON Pointer (empty when they match).
 */
export function matchJson(expected: unknown, actual: unknown, pointer = ''): string[] {
  const at = pointer === '' ? '(root)' : pointer;
  if (expected === ANY) return actual === undefined ? [`${at}: missing`] : [];
  if (typeof expected === 'string') {
    return typeof actual === 'string' && matchesText(expected, actual)
      ? []
      : [`${at}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${show(actual)}`];
    if (actual.length !== expected.length)
      return [`${at}: expected ${expected.length} elements, got ${actual.length}: ${show(actual)}`];
    return expected.flatMap((item, i) => matchJson(item, actual[i], `${pointer}/${i}`));
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [`${at}: expected an object, got ${show(actual)}`];
    const open = Object.hasOwn(expected, ANY);
    const problems: string[] = [];
    for (const [key, value] of Object.entries(expected)) {
      if (key === ANY) continue;
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!Object.hasOwn(actual, key)) problems.push(`${child}: missing (expected ${show(value)})`);
      else problems.push(...matchJson(value, actual[key], child));
    }
    if (!open) {
      for (const key of Object.keys(actual)) {
        if (!Object.hasOwn(expected, key))
          problems.push(`${pointer}/${key}: unexpected member ${show(actual[key])}`);
      }
    }
    return problems;
  }
  return Object.is(expected, actual) ? [] : [`${at}: expected ${show(expected)}, got ${show(actual)}`];
}
