import type { Request } from 'express';
import { request } from 'undici';

/** A response as the proxies pass it on. */
export interface Forwarded {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

const DROPPED = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

/** The request headers a proxy passes on (framing headers dropped), with overrides. */
export function forwardHeaders(req: Request, drop: readonly string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || DROPPED.has(name) || drop.includes(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Sends a request on with undici and reads the whole answer. */
export async function forward(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: Buffer | string | undefined,
): Promise<Forwarded> {
  const response = await request(url, {
    method: method as 'POST',
    headers,
    ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }),
    signal: AbortSignal.timeout(15_000),
  });
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || DROPPED.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { status: response.statusCode, headers: out, body: Buffer.from(await response.body.arrayBuffer()) };
}
