import { NDJSON_MEDIA_TYPE, validateBatchResponse } from '@batchwire/schema';
import type { ServerKind } from '../ipc.js';
import { innerCalls, type Workload } from '../workload.js';
import { checkItem, parseJson } from './check.js';
import type { BatchContender, ContenderId, HttpCall } from './types.js';

/** The Batchwire envelope of N inner requests with ids r0..r(N-1). */
export function batchwireEnvelope(n: number, workload: Workload): string {
  const requests = innerCalls(n, workload).map((call, i) =>
    call.body
      ? {
          id: `r${i}`,
          method: call.method,
          url: call.path,
          headers: { 'content-type': 'application/json' },
          body: call.body,
        }
      : { id: `r${i}`, method: call.method, url: call.path },
  );
  return JSON.stringify({ requests });
}

/** A POST /batch of N inner requests, answered as one JSON document or, when `stream`, as NDJSON. */
export function batchwireCall(n: number, workload: Workload, stream = false): HttpCall {
  return {
    method: 'POST',
    path: '/batch',
    headers: {
      'content-type': 'application/json',
      accept: stream ? NDJSON_MEDIA_TYPE : 'application/json',
    },
    body: batchwireEnvelope(n, workload),
  };
}

/** Why a Batchwire answer of N trivial inner requests is wrong, or undefined when it is right. */
export function checkBatchwire(
  status: number,
  text: string,
  n: number,
  workload: Workload,
): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.error;
  const valid = validateBatchResponse(parsed.value);
  if (!valid.ok) return `not a Batchwire response: ${JSON.stringify(valid.errors.slice(0, 2))}`;
  const { responses, summary } = valid.value;
  if (responses.length !== n) return `${responses.length} responses instead of ${n}`;
  if (summary.total !== n || summary.succeeded !== n) return `summary ${JSON.stringify(summary)}`;
  for (let i = 0; i < n; i++) {
    const response = responses[i]!;
    if (response.id !== `r${i}`) return `response ${i} has id ${response.id}, expected r${i} (order)`;
    const problem = checkItem(i, response.status, response.body, workload);
    if (problem) return problem;
  }
  return undefined;
}

/** A Batchwire contender: one POST /batch of N to `server`, costing the CPU of `cpuServers`. */
export function batchwireContender(
  id: ContenderId,
  label: string,
  server: ServerKind,
  cpuServers: readonly ServerKind[] = [server],
): BatchContender {
  return {
    id,
    label,
    style: 'batch',
    server,
    cpuServers,
    workloads: ['get', 'post'],
    encode: (n, workload) => batchwireCall(n, workload),
    check: checkBatchwire,
  };
}

/** Batchwire in-process: `batchwire()` on Express 5, inner requests dispatched through the same app. */
export const batchwireInProcess = batchwireContender('batchwire', 'Batchwire in-process', 'batchwire');

/** Batchwire gateway: `batchwire({ upstream })` forwarding inner requests to the plain app over undici. */
export const batchwireGateway = batchwireContender(
  'batchwire-gateway',
  'Batchwire gateway',
  'batchwire-gateway',
  ['batchwire-gateway', 'upstream'],
);
