import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceApp } from '../app.js';
import { type Listening, listen } from '../test-support/listen.js';
import type { CorsOrigins } from './cors.js';

const PAGE = 'http://127.0.0.1:5173';
const OTHER = 'http://127.0.0.1:5174';

async function serve(cors?: CorsOrigins): Promise<Listening> {
  return listen(createReferenceApp(cors === undefined ? {} : { cors }));
}

async function preflight(server: Listening, origin: string) {
  const res = await request(`${server.url}/batch`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  await res.body.dump();
  return res;
}

async function post(server: Listening, origin: string) {
  const res = await request(`${server.url}/batch`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
    body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/_conformance/status/200' }] }),
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  const body = (await res.body.json()) as { responses: { status: number; headers?: object }[] };
  return { res, body };
}

describe('batch endpoint with --cors <origin>', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await serve([PAGE]);
  });
  afterAll(() => server.close());

  it('answers a preflight from a granted origin with the headers a batch call needs', async () => {
    const res = await preflight(server, PAGE);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(PAGE);
    expect(String(res.headers['access-control-allow-methods']).split(',')).toContain('POST');
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'idempotency-key', 'content-type']));
    expect(String(res.headers.vary)).toMatch(/origin/i);
  });

  it('grants nothing to an origin it was not given', async () => {
    const res = await preflight(server, OTHER);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const { res: actual } = await post(server, OTHER);
    expect(actual.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks the batch answer readable and exposes Idempotency-Replayed', async () => {
    const { res, body } = await post(server, PAGE);
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(PAGE);
    expect(String(res.headers['access-control-expose-headers']).toLowerCase()).toContain(
      'idempotency-replayed',
    );
    expect(body.responses[0]?.status).toBe(200);
  });
});

describe('batch endpoint with --cors *', () => {
  it('grants any origin', async () => {
    const server = await serve('*');
    try {
      expect((await preflight(server, OTHER)).headers['access-control-allow-origin']).toBe('*');
    } finally {
      await server.close();
    }
  });
});

describe('batch endpoint without --cors', () => {
  it('answers OPTIONS 405 and grants no origin', async () => {
    const server = await serve();
    try {
      const res = await preflight(server, PAGE);
      expect(res.statusCode).toBe(405);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const { res: actual } = await post(server, PAGE);
      expect(actual.statusCode).toBe(200);
      expect(actual.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
