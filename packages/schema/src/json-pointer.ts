/** Escapes one reference token for a JSON Pointer (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from its unescaped reference tokens (`[]` is the whole document, `""`). */
export function toPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapePointerSegment(segment)}`;
  return pointer;
}

/** Splits a JSON Pointer into unescaped reference tokens, or `undefined` when it is not well-formed. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (pointer[0] !== '/') return undefined;
  const segments = pointer.slice(1).split('/');
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i]!;
    if (/~(?![01])/.test(raw)) return undefined;
    segments[i] = raw.replace(/~1/g, '/').replace(/~0/g, '~');
  }
  return segments;
}

/** What evaluating a JSON Pointer found: the value, or nothing. */
export type PointerResult = { readonly found: true; readonly value: unknown } | { readonly found: false };

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Evaluates a JSON Pointer against a JSON document, following own members only, so that
 * `__proto__` or `constructor` in a pointer never reaches an object's prototype.
 */
export function evaluatePointer(document: unknown, pointer: string): PointerResult {
  const segments = parsePointer(pointer);
  if (segments === undefined) return { found: false };
  let current: unknown = document;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(segment)) return { found: false };
      const index = Number(segment);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (current !== null && typeof current === 'object') {
      if (!Object.hasOwn(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return current === undefined ? { found: false } : { found: true, value: current };
}
