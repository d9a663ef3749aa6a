interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

function path(frame: Frame): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.key !== undefined; f = f.parent) segments.push(f.key);
  return segments.reverse();
}

/**
 * Finds the first object or array nested deeper than `maxDepth` (the root container is depth 1),
 * without recursion, so 10,000 levels cost no stack. Returns its path, or `undefined` when none is.
 */
export function findTooDeep(value: unknown, maxDepth: number): (string | number)[] | undefined {
  const stack: Frame[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const current = frame.value;
    if (current === null || typeof current !== 'object') continue;
    if (frame.depth > maxDepth) return path(frame);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        const child: unknown = current[i];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: frame.depth + 1, key: i, parent: frame });
      }
    } else {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child: unknown = (current as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
      }
    }
  }
  return undefined;
}
