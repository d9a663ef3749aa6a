import { type InnerRequest, mayHoldReferences, scanTemplate } from '@batchwire/schema';

function collect(value: unknown, into: Set<string>, depth: number): void {
  // The envelope was accepted, so its depth is already bounded by maxJsonDepth; this guards misuse.
  if (depth > 64) return;
  if (typeof value === 'string') {
    if (!mayHoldReferences(value)) return;
    const scan = scanTemplate(value);
    if (scan.ok) for (const reference of scan.references) into.add(reference.id);
  } else if (Array.isArray(value)) {
    for (const element of value) collect(element, into, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const element of Object.values(value)) collect(element, into, depth + 1);
  }
}

/** The ids an inner request reads through `${id#pointer}` tokens in its url, headers or body. */
export function referencedIds(request: InnerRequest): string[] {
  const ids = new Set<string>();
  collect(request.url, ids, 0);
  collect(request.headers ?? {}, ids, 0);
  collect(request.body, ids, 0);
  return [...ids];
}
