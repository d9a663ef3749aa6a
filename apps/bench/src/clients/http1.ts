import { type Dispatcher, Pool } from 'undici';
import type { HttpCall } from '../contenders/types.js';

/** Longest any one request may take before the bench gives up on it. */
export const REQUEST_TIMEOUT_MS = 120_000;

/** A keep-alive undici Pool to a loopback server with bounded header and body waits. */
export function keepAlivePool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: 60_000,
  });
}

/** Sends one request and reads the whole answer as text. */
export async function send(
  dispatcher: Dispatcher,
  call: HttpCall,
): Promise<{ status: number; text: string }> {
  const { statusCode, body } = await dispatcher.request({
    method: call.method,
    path: call.path,
    headers: call.headers,
    body: call.body ?? null,
  });
  return { status: statusCode, text: await body.text() };
}
