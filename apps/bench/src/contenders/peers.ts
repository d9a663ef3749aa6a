import { innerCalls, type Workload } from '../workload.js';
import { checkKeyed, isRecord, parseJson } from './check.js';
import type { BatchContender, HttpCall } from './types.js';

/** `?k0=/item/0&k1=/item/1...`: the query-string envelope of express-batch and multifetch. */
function queryEnvelope(base: string, n: number): HttpCall {
  const pairs = innerCalls(n, 'get').map((call, i) => `k${i}=${call.path}`);
  return { method: 'GET', path: `${base}?${pairs.join('&')}`, headers: {} };
}

function entry(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function checkedJson(
  status: number,
  text: string,
  verify: (value: unknown) => string | undefined,
): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 120)}`;
  const parsed = parseJson(text);
  return parsed.ok ? verify(parsed.value) : parsed.error;
}

/** express-batch 0.2.1: GET only, keyed `{ k0: { status, result } }`. */
export const expressBatch: BatchContender = {
  id: 'express-batch',
  label: 'express-batch',
  style: 'batch',
  server: 'express-batch',
  cpuServers: ['express-batch'],
  workloads: ['get'],
  encode: (n) => queryEnvelope('/batch', n),
  check: (status, text, n, workload) =>
    checkedJson(status, text, (value) =>
      checkKeyed(value, n, workload, (e) => ({ status: entry(e).status, body: entry(e).result })),
    ),
};

/** multifetch 1.1.1 with concurrency 1000: GET only, keyed `{ k0: { statusCode, headers, body }, _error }`. */
export const multifetch: BatchContender = {
  id: 'multifetch',
  label: 'multifetch (concurrency 1000)',
  style: 'batch',
  server: 'multifetch',
  cpuServers: ['multifetch'],
  workloads: ['get'],
  encode: (n) => queryEnvelope('/multifetch', n),
  check: (status, text, n, workload) =>
    checkedJson(status, text, (value) =>
      checkKeyed(value, n, workload, (e) => ({ status: entry(e).statusCode, body: entry(e).body }), [
        '_error',
      ]),
    ),
};

/** batch-request 0.1.4: POST of keyed requests, each replayed as loopback HTTP; GET and POST. */
export const batchRequest: BatchContender = {
  id: 'batch-request',
  label: 'batch-request',
  style: 'batch',
  server: 'batch-request',
  cpuServers: ['batch-request'],
  workloads: ['get', 'post'],
  encode: (n: number, workload: Workload) => {
    const envelope: Record<string, unknown> = {};
    innerCalls(n, workload).forEach((call, i) => {
      envelope[`k${i}`] = call.body
        ? {
            method: call.method,
            url: call.path,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(call.body),
          }
        : { method: call.method, url: call.path };
    });
    return {
      method: 'POST',
      path: '/batch',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    };
  },
  check: (status, text, n, workload) =>
    checkedJson(status, text, (value) =>
      checkKeyed(value, n, workload, (e) => ({ status: entry(e).statusCode, body: entry(e).body })),
    ),
};
