import { IDEMPOTENCY_KEY_HEADER } from '@batchwire/schema';

/** An answer read through the front (nginx), with the instance that gave it. */
export interface FrontAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The instance that answered: the last of `X-Upstream` (nginx lists refused ones first). */
  readonly upstream: string | null;
  readonly body: unknown;
}

/** POSTs an envelope to `/batch` through `front`, with an optional Idempotency-Key (bounded wait). */
export async function postThrough(
  front: string,
  envelope: unknown,
  key?: string,
  headers: Record<string, string> = {},
): Promise<FrontAnswer> {
  const res = await fetch(`${front}/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: key }),
      ...headers,
    },
    body: JSON.stringify(envelope),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an nginx error page): kept as text for the assertion message
  }
  const upstream = res.headers.get('x-upstream')?.split(', ').at(-1) ?? null;
  return { status: res.status, headers: res.headers, upstream, body };
}

/** A batch that increments one counter and then waits `ms`, so it is still running for a while. */
export function countingBatch(counterName: string, ms: number): unknown {
  return {
    requests: [
      { id: 'count', method: 'POST', url: `/_conformance/counters/${counterName}` },
      { id: 'wait', method: 'GET', url: `/_conformance/delay/${ms}`, dependsOn: ['count'] },
    ],
  };
}
