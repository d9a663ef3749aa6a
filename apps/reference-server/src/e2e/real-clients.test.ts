// Spec Appendix B.4: each row of the client table is this file's claim, with the published client
// driven unchanged against the reference server on 127.0.0.1 (no network), mounted where it posts.
import {
  BatchRequestContent,
  BatchResponseContent,
  Client,
  HTTPMessageHandler,
} from '@microsoft/microsoft-graph-client';
import { OData } from '@odata/client';
import { GraphBrowser, GraphQueryable, graphfi, graphGet, graphPost, type IGraphQueryable } from '@pnp/graph';
import '@pnp/graph/batching.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl, type SpawnedCli, spawnCli, within } from '../test-support/spawn-cli.js';

// '@pnp/graph/batching.js' adds batched() at run time, but its type augmentation does not reach
// this module under NodeNext resolution, and the package types hide create(), its public factory.
interface BatchedGraph {
  create(factory: typeof GraphQueryable, path: string): IGraphQueryable;
}
type Batching = { batched(): [BatchedGraph, () => Promise<void>] };

interface Started {
  readonly cli: SpawnedCli;
  readonly origin: string;
}

let odataAndGraph: Started;
let pnp: Started;

async function start(args: readonly string[]): Promise<Started> {
  const cli = spawnCli(['--port', '0', '--log-level', 'silent', ...args]);
  const { origin } = await listeningUrl(cli);
  return { cli, origin };
}

async function stop(started: Started | undefined): Promise<void> {
  if (!started) return;
  started.cli.child.kill('SIGTERM');
  await within(started.cli.exited, 5_000, 'reference server shutdown').catch(() => {
    started.cli.child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  // One server at both paths the OData and Graph clients post to; PnPjs resolves urls under /v1.0.
  [odataAndGraph, pnp] = await Promise.all([
    start(['--path', '/$batch', '--path', '/v1.0/$batch']),
    start(['--path', '/v1.0/$batch', '--service-path', '/v1.0']),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all([stop(odataAndGraph), stop(pnp)]);
});

function graphClient(origin: string): Client {
  // The SDK's AuthenticationHandler strips Authorization from any host that is not Graph over
  // https; a chain of the transport handler alone sends the outer credential this test sets.
  return Client.initWithMiddleware({
    baseUrl: origin,
    defaultVersion: 'v1.0',
    middleware: new HTTPMessageHandler(),
  });
}

describe('Microsoft Graph JavaScript SDK v3 (BatchRequestContent / BatchResponseContent)', () => {
  it('posts to /v1.0/$batch and reads each answer by id, a failed dependency as 424', async () => {
    const o = odataAndGraph.origin;
    const content = new BatchRequestContent([
      {
        id: '1',
        request: new Request(`${o}/_conformance/items`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'graph' }),
        }),
      },
      { id: '2', request: new Request(`${o}/_conformance/status/404`), dependsOn: ['1'] },
      { id: '3', request: new Request(`${o}/_conformance/echo`), dependsOn: ['2'] },
    ]);
    const raw: unknown = await graphClient(o)
      .api('/$batch')
      .post(await content.getContent());
    const answer = new BatchResponseContent(raw as ConstructorParameters<typeof BatchResponseContent>[0]);
    const created = answer.getResponseById('1');
    expect(created.status).toBe(201);
    expect(created.headers.get('Location')).toMatch(/^\/_conformance\/items\/\d+$/);
    expect(await created.json()).toEqual({ id: expect.any(Number), name: 'graph' });
    expect(answer.getResponseById('2').status).toBe(404);
    const skipped = answer.getResponseById('3');
    expect(skipped.status).toBe(424);
    expect(skipped.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('inherits the outer Authorization and reads text bodies', async () => {
    const o = odataAndGraph.origin;
    const content = new BatchRequestContent([
      { id: 'who', request: new Request(`${o}/_conformance/echo?via=graph`) },
      { id: 'text', request: new Request(`${o}/_conformance/text`) },
    ]);
    const raw: unknown = await graphClient(o)
      .api('/$batch')
      .header('Authorization', 'Bearer demo-token')
      .post(await content.getContent());
    const answer = new BatchResponseContent(raw as ConstructorParameters<typeof BatchResponseContent>[0]);
    expect(await answer.getResponseById('who').json()).toMatchObject({
      method: 'GET',
      path: '/_conformance/echo',
      query: { via: 'graph' },
      headers: { authorization: 'Bearer demo-token', 'batchwire-inner-request': '1' },
    });
    expect(await answer.getResponseById('text').text()).toMatch(/^Batchwire conformance fixture/);
  });
});

describe('PnPjs (@pnp/graph graph.batched())', () => {
  it('resolves each batched call with its own answer under the service path, a 404 rejecting only its promise', async () => {
    const graph = graphfi().using(GraphBrowser({ baseUrl: `${pnp.origin}/v1.0` }));
    const [batched, execute] = (graph as unknown as Batching).batched();
    const echo = graphGet(batched.create(GraphQueryable, '_conformance/echo/pnp'));
    const made = graphPost(batched.create(GraphQueryable, '_conformance/items'), {
      body: JSON.stringify({ name: 'pnp' }),
    });
    const missing = graphGet(batched.create(GraphQueryable, '_conformance/status/404')).then(
      () => 'resolved',
      (error: { status?: number }) => error.status,
    );
    await execute();
    // PnPjs writes "/_conformance/echo/pnp"; --service-path /v1.0 resolves it where the client meant.
    expect(await echo).toMatchObject({ method: 'GET', path: '/v1.0/_conformance/echo/pnp' });
    expect(await made).toEqual({ id: expect.any(Number), name: 'pnp' });
    expect(await missing).toBe(404);
  });
});

describe('@odata/client 2 (execBatchRequestsJson, OData 4.01 JSON batch)', () => {
  it('posts lower-case methods and relative urls to /$batch and gets every answer', async () => {
    const client = OData.New4({
      metadataUri: `${odataAndGraph.origin}/$metadata`,
      processCsrfToken: false,
    });
    // Its V4 types call newBatchRequest synchronous while the batch takes promises; both work.
    const answers = await client.execBatchRequestsJson([
      Promise.resolve(
        client.newBatchRequest({
          collection: '_conformance/items',
          method: 'POST',
          entity: { name: 'odata' },
        }),
      ),
      Promise.resolve(client.newBatchRequest({ collection: '_conformance/echo', method: 'GET' })),
    ]);
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatchObject({
      status: 201,
      raw: { body: { id: expect.any(Number), name: 'odata' } },
    });
    // Written as "get" and "_conformance/echo": the handler sees GET /_conformance/echo (spec 1.1).
    expect(answers[1]).toMatchObject({
      status: 200,
      raw: { body: { method: 'GET', path: '/_conformance/echo' } },
    });
  });
});
