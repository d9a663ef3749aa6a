import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceApp } from './app.js';
import { type Listening, listen } from './test-support/listen.js';

const silent = pino({ level: 'silent' });

describe('the inspector in the reference app', () => {
  let on: Listening;
  let off: Listening;
  beforeAll(async () => {
    on = await listen(
      createReferenceApp({ inspector: true, paths: ['/batch', '/v1.0/$batch'], logger: silent }),
    );
    off = await listen(createReferenceApp({ logger: silent }));
  });
  afterAll(async () => {
    await on.close();
    await off.close();
  });

  async function post(origin: string, envelope: unknown) {
    const response = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token' },
      body: JSON.stringify(envelope),
    });
    return (await response.json()) as { responses: { id: string; status: number }[] };
  }

  it('records what the batch endpoint ran, credentials masked', async () => {
    await post(on.url, { requests: [{ id: 'one', method: 'GET', url: '/blogs/entries/1' }] });
    const list = (await (await fetch(`${on.url}/_batchwire/api/batches`)).json()) as {
      batchId: string;
      status: number;
    }[];
    expect(list[0]?.status).toBe(200);
    const batch = await (await fetch(`${on.url}/_batchwire/api/batches/${list[0]?.batchId}`)).text();
    expect(batch).toContain('/blogs/entries/1');
    expect(batch).not.toContain('demo-token');
  });

  it('records a refused envelope with its problem and the pointer of each violation', async () => {
    const response = await fetch(`${on.url}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: 'http://elsewhere.test/' }] }),
    });
    expect(response.status).toBe(400);
    const [latest] = (await (await fetch(`${on.url}/_batchwire/api/batches`)).json()) as {
      batchId: string;
      status: number;
      itemCount: number;
    }[];
    expect(latest).toMatchObject({ status: 400, itemCount: 0 });
    const batch = (await (await fetch(`${on.url}/_batchwire/api/batches/${latest?.batchId}`)).json()) as {
      problem?: { errors?: { pointer: string }[] };
    };
    expect(batch.problem?.errors?.map((error) => error.pointer)).toContain('/requests/0/url');
  });

  it('is out of reach of inner requests (a batch cannot read the journal or hold its event stream)', async () => {
    const answer = await post(on.url, {
      requests: [
        { id: 'journal', method: 'GET', url: '/_batchwire/api/batches' },
        { id: 'events', method: 'GET', url: '/_batchwire/api/events' },
      ],
    });
    expect(answer.responses.map((r) => r.status)).toEqual([404, 404]);
  });

  it('describes every path of the batch endpoint in its OpenAPI document; the playground posts to the first', async () => {
    const document = (await (await fetch(`${on.url}/_batchwire/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(document.paths)).toEqual(['/batch', '/v1.0/$batch']);
    expect(await (await fetch(`${on.url}/_batchwire/api/config`)).json()).toEqual({ batchPath: '/batch' });
  });

  it('is not served unless asked for', async () => {
    expect((await fetch(`${off.url}/_batchwire/`)).status).toBe(404);
  });
});
