interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

function path(frame: Frame): (string | number)[] {
  const segments: (string | number)[] = [];
  // Stryker disable next-line OptionalChaining: f starts at a frame and the loop stops at the root frame (whose key is undefined) before f can become undefined
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
    // Stryker disable next-line LogicalOperator: only the root can be a primitive (children are pushed only when containers); a null root throws in Object.keys and parseBatch answers the same 400 schema.type at ""
    if (current === null || typeof current !== 'object') continue;
    if (frame.depth > maxDepth) return path(frame);
    if (Array.isArray(current)) {
      // Stryker disable next-line ArithmeticOperator: starting one index past the end reads undefined, which is not pushed
      for (let i = current.length - 1; i >= 0; i--) {
        const child: unknown = current[i];
        // Stryker disable next-line LogicalOperator: a primitive pushed as a frame is skipped when popped, before the depth test
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: frame.depth + 1, key: i, parent: frame });
      }
    } else {
      const keys = Object.keys(current);
      // Stryker disable next-line ArithmeticOperator: one past the end reads a key "undefined" twice more, after its real walk found the same depth and path first
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child: unknown = (current as Record<string, unknown>)[key];
        // Stryker disable next-line LogicalOperator: a primitive pushed as a frame is skipped when popped, before the depth test
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
      }
    }
  }
  return undefined;
}
