import { PROBLEM_TYPES } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, field, interval, item, refuseBatch, runBatch, uniqueName } from '../test-support/batch.js';
import { MODES, startTopology, type Topology } from '../test-support/topology.js';

interface Echo {
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

describe.each(MODES)('%s mode: dependsOn, references and onError', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  it('runs a dependsOn chain step by step', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'a', method: 'GET', url: '/_conformance/delay/100' },
        { id: 'b', method: 'GET', url: '/_conformance/delay/100', dependsOn: ['a'] },
        { id: 'c', method: 'GET', url: '/_conformance/delay/100', dependsOn: ['b'] },
      ],
    });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => interval(item(batch, id)));
    expect(b!.start).toBeGreaterThanOrEqual(a!.end);
    expect(c!.start).toBeGreaterThanOrEqual(b!.end);
  });

  it('answers 424 for a failed dependency, transitively, without running the dependents', async () => {
    const name = uniqueName('dep');
    const batch = await runBatch(t, {
      requests: [
        { id: 'a', method: 'GET', url: '/_conformance/status/500' },
        { id: 'b', method: 'POST', url: `/_conformance/counters/${name}`, dependsOn: ['a'] },
        { id: 'c', method: 'POST', url: `/_conformance/counters/${name}`, dependsOn: ['b'] },
        { id: 'd', method: 'GET', url: '/_conformance/status/200' },
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['a', 500],
      ['b', 424],
      ['c', 424],
      ['d', 200],
    ]);
    expect(field(item(batch, 'b'), 'type')).toBe(PROBLEM_TYPES.dependencyFailed);
    expect(field(item(batch, 'b'), 'dependency')).toBe('a');
    expect(field(item(batch, 'c'), 'dependency')).toBe('b');
    expect(item(batch, 'b').headers['Content-Type']).toMatch(/^application\/problem\+json/);
    expect(batch.summary).toEqual({ total: 4, succeeded: 1, failed: 1, skipped: 2 });
    expect(await counter(t, name)).toBe(0);
  });

  it('substitutes references with their JSON type in bodies and as text elsewhere', async () => {
    const batch = await runBatch(t, {
      requests: [
        {
          id: 'create',
          method: 'POST',
          url: '/_conformance/items',
          body: { n: 5, tags: ['x', 'y'], ok: true, nil: null },
        },
        {
          id: 'use',
          method: 'POST',
          url: '/_conformance/echo?id=${create#/body/id}',
          headers: { 'X-Item': 'item-${create#/body/id}' },
          body: {
            n: '${create#/body/n}',
            tags: '${create#/body/tags}',
            ok: '${create#/body/ok}',
            nil: '${create#/body/nil}',
            label: 'n=${create#/body/n} ok=${create#/body/ok}',
            status: '${create#/status}',
            literal: '$${create#/body/n}',
          },
        },
        { id: 'read', method: 'GET', url: '/_conformance/items/${create#/body/id}' },
      ],
    });
    const id = field(item(batch, 'create'), 'id');
    const echo = item(batch, 'use').body as Echo;
    expect(echo.body).toEqual({
      n: 5,
      tags: ['x', 'y'],
      ok: true,
      nil: null,
      label: 'n=5 ok=true',
      status: 201,
      literal: '${create#/body/n}',
    });
    expect(echo.query).toEqual({ id: String(id) });
    expect(echo.headers['x-item']).toBe(`item-${String(id)}`);
    expect(item(batch, 'read').body).toEqual({ id, n: 5, tags: ['x', 'y'], ok: true, nil: null });
  });

  it('percent-encodes referenced values in the url', async () => {
    const title = 'a b?c&d=e#f%g+h';
    const batch = await runBatch(t, {
      requests: [
        { id: 'create', method: 'POST', url: '/_conformance/items', body: { title } },
        {
          id: 'echo',
          method: 'GET',
          url: '/_conformance/echo/${create#/body/title}?t=${create#/body/title}',
        },
      ],
    });
    const echo = item(batch, 'echo').body as Echo;
    expect(item(batch, 'echo').status).toBe(200);
    const prefix = '/_conformance/echo/';
    expect(echo.path.startsWith(prefix)).toBe(true);
    expect(echo.path.slice(prefix.length)).not.toMatch(/[ ?#]/);
    expect(decodeURIComponent(echo.path.slice(prefix.length))).toBe(title);
    expect(echo.query).toEqual({ t: title });
  });

  it('refuses a referenced value that becomes an encoded slash in the path (item 400, not run)', async () => {
    const name = uniqueName('slash');
    const batch = await runBatch(t, {
      requests: [
        { id: 'create', method: 'POST', url: '/_conformance/items', body: { v: 'a/b' } },
        { id: 'use', method: 'POST', url: `/_conformance/counters/${name}\${create#/body/v}` },
      ],
    });
    expect(item(batch, 'use').status).toBe(400);
    expect(field(item(batch, 'use'), 'type')).toBe(PROBLEM_TYPES.invalidResolvedUrl);
  });

  it('answers 424 naming the pointer when a reference resolves to nothing, and runs nothing', async () => {
    const name = uniqueName('pointer');
    const batch = await runBatch(t, {
      requests: [
        { id: 'create', method: 'POST', url: '/_conformance/items', body: { a: 1 } },
        { id: 'use', method: 'POST', url: `/_conformance/counters/${name}?v=\${create#/body/missing}` },
        { id: 'body', method: 'POST', url: '/_conformance/echo', body: { v: '${create#/body/a/deeper}' } },
      ],
    });
    expect(item(batch, 'use').status).toBe(424);
    expect(field(item(batch, 'use'), 'type')).toBe(PROBLEM_TYPES.unresolvedReference);
    expect(field(item(batch, 'use'), 'pointer')).toBe('/body/missing');
    expect(item(batch, 'body').status).toBe(424);
    expect(await counter(t, name)).toBe(0);
  });

  it('a reference implies a dependency: a failed referenced request gives 424', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'a', method: 'GET', url: '/_conformance/status/404' },
        { id: 'b', method: 'GET', url: '/_conformance/echo?s=${a#/body/status}' },
      ],
    });
    expect(item(batch, 'b').status).toBe(424);
    expect(field(item(batch, 'b'), 'dependency')).toBe('a');
  });

  it('refuses malformed reference tokens and references to later requests (400, nothing runs)', async () => {
    const name = uniqueName('token');
    const counterUrl = `/_conformance/counters/${name}`;
    await refuseBatch(
      t,
      { requests: [{ id: 'a', method: 'POST', url: counterUrl, body: { v: '${oops}' } }] },
      400,
    );
    await refuseBatch(
      t,
      {
        requests: [
          { id: 'a', method: 'POST', url: counterUrl, body: { v: '${b#/body}' } },
          { id: 'b', method: 'POST', url: counterUrl },
        ],
      },
      400,
    );
    expect(await counter(t, name)).toBe(0);
  });

  it('onError "stop": requests not yet started are skipped with 424, running ones finish', async () => {
    const name = uniqueName('stop');
    const batch = await runBatch(t, {
      options: { onError: 'stop' },
      requests: [
        { id: 'fail', method: 'GET', url: '/_conformance/status/500' },
        { id: 'running', method: 'GET', url: '/_conformance/delay/300' },
        { id: 'later', method: 'POST', url: `/_conformance/counters/${name}`, dependsOn: ['running'] },
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['fail', 500],
      ['running', 200],
      ['later', 424],
    ]);
    expect(field(item(batch, 'later'), 'type')).toBe(PROBLEM_TYPES.skipped);
    expect(batch.summary).toEqual({ total: 3, succeeded: 1, failed: 1, skipped: 1 });
    expect(await counter(t, name)).toBe(0);
  });

  it('onError "continue" (the default) runs the rest after a failure', async () => {
    const name = uniqueName('continue');
    const batch = await runBatch(t, {
      requests: [
        { id: 'fail', method: 'GET', url: '/_conformance/status/500' },
        { id: 'running', method: 'GET', url: '/_conformance/delay/100' },
        { id: 'later', method: 'POST', url: `/_conformance/counters/${name}`, dependsOn: ['running'] },
      ],
    });
    expect(item(batch, 'later').status).toBe(200);
    expect(await counter(t, name)).toBe(1);
  });
});
