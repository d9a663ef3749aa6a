import type { ParsedBatch } from '@batchwire/schema';

/** The dependency graph of a batch, as the scheduler walks it. */
export interface Graph {
  /** Each id to its request's position. */
  readonly positions: Map<string, number>;
  /** For each request, how many of its dependencies have not succeeded yet. */
  readonly waiting: Int32Array;
  /** For each request, the later requests that wait for it. */
  readonly dependents: number[][];
  /** Requests with nothing to wait for, in request order (the scheduler appends as others unblock). */
  readonly ready: number[];
}

/** Builds the graph from the dependencies `parseBatch` found (dependsOn and references). */
export function buildGraph(parsed: ParsedBatch): Graph {
  const requests = parsed.value.requests;
  const total = requests.length;
  const graph: Graph = {
    positions: new Map(),
    waiting: new Int32Array(total),
    dependents: Array.from({ length: total }, () => []),
    ready: [],
  };
  requests.forEach((request, i) => {
    graph.positions.set(request.id, i);
    const deps = parsed.dependencies[i] ?? [];
    graph.waiting[i] = deps.length;
    for (const d of deps) graph.dependents[d]!.push(i);
    if (deps.length === 0) graph.ready.push(i);
  });
  return graph;
}

/** Marks the items whose answers a later request reads through a reference. */
// Stryker disable next-line BlockStatement: without the marks nothing is dropped: a streamed batch only keeps more answers in memory
export function referencedItems(parsed: ParsedBatch): Uint8Array {
  const marks = new Uint8Array(parsed.value.requests.length);
  parsed.referencing.forEach((referencing, j) => {
    if (referencing) for (const d of parsed.dependencies[j] ?? []) marks[d] = 1;
  });
  return marks;
}
