import type { EchoBody } from './servers/item-routes.js';

/** What the inner requests of one measurement do: trivial GETs, or POSTs of a small JSON body. */
export type Workload = 'get' | 'post';

/** One inner request as every contender would send it on its own. */
export interface InnerCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: EchoBody;
}

/** The N inner requests of a workload, in order. */
export function innerCalls(n: number, workload: Workload): InnerCall[] {
  const calls: InnerCall[] = [];
  for (let i = 0; i < n; i++) {
    calls.push(
      workload === 'get'
        ? { method: 'GET', path: `/item/${i}` }
        : { method: 'POST', path: '/echo', body: { n: i, name: `item-${i}` } },
    );
  }
  return calls;
}

/** The JSON body the trivial handler answers inner request `index` with. */
export function expectedBody(index: number, workload: Workload): unknown {
  return workload === 'get' ? { id: String(index) } : { echo: { n: index, name: `item-${index}` } };
}
