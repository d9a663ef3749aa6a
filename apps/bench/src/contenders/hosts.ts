import type { Workload } from '../workload.js';
import { batchwireContender } from './batchwire.js';
import { checkItem, isRecord, parseJson } from './check.js';
import type { BatchContender, SeparateContender } from './types.js';

/** Batchwire in-process on Express 4.21+ (the same middleware as on Express 5), for the side-by-side. */
export const batchwireExpress4 = batchwireContender(
  'batchwire-express4',
  'Batchwire in-process, Express 4',
  'batchwire-express4',
);

/** The Fastify 5 plugin (`@batchwire/server/fastify`), inner requests through Fastify's router. */
export const batchwireFastify = batchwireContender(
  'batchwire-fastify',
  'Batchwire Fastify plugin',
  'fastify',
);

/** N separate keep-alive requests to the same Fastify app. */
export const fastifySeparate: SeparateContender = {
  id: 'fastify-separate',
  label: 'separate requests to Fastify, HTTP/1.1 keep-alive',
  style: 'separate-h1',
  server: 'fastify',
  cpuServers: ['fastify'],
  workloads: ['get', 'post'],
};

function checkInjected(status: number, text: string, n: number, workload: Workload): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.error;
  const responses = isRecord(parsed.value) ? parsed.value.responses : undefined;
  if (!Array.isArray(responses) || responses.length !== n) return `not ${n} responses`;
  for (let i = 0; i < n; i++) {
    const entry: unknown = responses[i];
    if (!isRecord(entry)) return `response ${i} is not an object`;
    const problem = checkItem(i, entry.status, entry.body, workload);
    if (problem) return problem;
  }
  return undefined;
}

/** One request whose handler makes the N inner requests as N `fastify.inject` calls (GET only). */
export const fastifyInject: BatchContender = {
  id: 'fastify-inject',
  label: 'Fastify, N inject calls in one request',
  style: 'batch',
  server: 'fastify',
  cpuServers: ['fastify'],
  workloads: ['get'],
  encode: (n) => ({ method: 'GET', path: `/inject?n=${n}`, headers: {} }),
  check: checkInjected,
};

/** The fetch adapter (`@batchwire/server/fetch`) on Hono and @hono/node-server. */
export const batchwireHono = batchwireContender('batchwire-hono', 'Batchwire fetch adapter, Hono', 'hono');

/** N separate keep-alive requests to the same Hono app. */
export const honoSeparate: SeparateContender = {
  id: 'hono-separate',
  label: 'separate requests to Hono, HTTP/1.1 keep-alive',
  style: 'separate-h1',
  server: 'hono',
  cpuServers: ['hono'],
  workloads: ['get', 'post'],
};
