import type { InnerRequest } from '@batchwire/schema';
import { mapStrings, referencedIds } from './template.js';

/** The ids a request waits for: its `dependsOn` and every id its url, headers and body reference. */
export function targetsOf(request: InnerRequest): string[] {
  const targets = [...(request.dependsOn ?? []), ...referencedIds(request.url)];
  for (const value of Object.values(request.headers ?? {})) targets.push(...referencedIds(value));
  if (request.body !== undefined) {
    mapStrings(request.body, (text) => targets.push(...referencedIds(text)));
  }
  return targets;
}

/**
 * The connected components of a batch's dependency and reference graph, as lists of request
 * indices in request order, the components ordered by their first request.
 */
export function components(requests: readonly InnerRequest[]): number[][] {
  const parent = requests.map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    // Pointing the start at its root keeps later walks short.
    parent[index] = root;
    return root;
  };
  const positions = new Map(requests.map((request, index) => [request.id, index]));
  requests.forEach((request, index) => {
    for (const target of targetsOf(request)) {
      const other = positions.get(target);
      if (other !== undefined) parent[find(index)] = find(other);
    }
  });
  const groups = new Map<number, number[]>();
  requests.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });
  return [...groups.values()];
}

/**
 * Packs components, in order, into batches of at most `max` requests (each batch's indices sorted,
 * so every request still follows what it depends on). Returns the first component larger than
 * `max` instead when there is one.
 */
export function packComponents(
  groups: readonly number[][],
  max: number,
): { readonly ok: true; readonly batches: number[][] } | { readonly ok: false; readonly group: number[] } {
  const batches: number[][] = [];
  let current: number[] = [];
  for (const group of groups) {
    if (group.length > max) return { ok: false, group };
    if (current.length + group.length > max) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) batches.push(current);
  return { ok: true, batches: batches.map((batch) => batch.sort((a, b) => a - b)) };
}
