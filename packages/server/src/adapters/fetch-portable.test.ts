import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext, Script } from 'node:vm';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NODE_ONLY = /^(node:|undici$|undici\/)/;
const entry = fileURLToPath(new URL('./fetch.ts', import.meta.url));

let outdir: string;
let metafile: Metafile;
const nodeOnly: { path: string; importer: string }[] = [];

/** Output files the entry loads at once: itself and, transitively, its static imports. */
function staticClosure(outputs: Metafile['outputs'], start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(start);
  return seen;
}

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'batchwire-fetch-bundle-'));
  // As a Workers/browser bundler sees the package: no Node platform, Web conditions first.
  const result = await build({
    entryPoints: { fetch: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['worker', 'browser'],
    mainFields: ['module', 'main'],
    outdir,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-node-only',
        setup(bundler) {
          bundler.onResolve({ filter: NODE_ONLY }, (args) => {
            nodeOnly.push({ path: args.path, importer: args.importer });
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  metafile = result.metafile;
}, 60_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

describe('@batchwire/server/fetch on a Web-standard runtime', () => {
  it('loads no Node built-in and no undici in in-process mode (the gateway only in a lazy chunk)', () => {
    const outputs = metafile.outputs;
    const entryFile = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined)!;
    const eager = [...staticClosure(outputs, entryFile)];
    const eagerNodeOnly = eager.flatMap((file) =>
      (outputs[file]?.imports ?? []).filter((imported) => NODE_ONLY.test(imported.path)),
    );
    expect(eagerNodeOnly).toEqual([]);
    // The only Node-only import of the whole package graph is the gateway's undici, behind import().
    const cwd = process.cwd();
    expect(nodeOnly.map(({ path, importer }) => `${path} <- ${relative(cwd, importer)}`)).toEqual([
      'undici <- src/dispatch/gateway.ts',
    ]);
  });

  it('runs a batch through a plain fetch handler with no Buffer, setImmediate, process or require', async () => {
    // The same graph as one script, run in a realm holding only Web-standard globals (as a Worker has).
    const script = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'batchwireFetchModule',
      platform: 'neutral',
      conditions: ['worker', 'browser'],
      mainFields: ['module', 'main'],
      logLevel: 'silent',
      external: ['undici'],
    });
    const web = {
      Request,
      Response,
      Headers,
      ReadableStream,
      TextEncoder,
      TextDecoder,
      URL,
      AbortController,
    };
    const timing = { setTimeout, clearTimeout, queueMicrotask, performance };
    // The host's Uint8Array, as a Worker's body bytes and the core share one realm.
    const realm = createContext({ ...web, ...timing, Uint8Array, crypto, btoa, atob, console });
    new Script(script.outputFiles[0]!.text).runInContext(realm);
    expect(
      runInContext('[typeof Buffer, typeof setImmediate, typeof process, typeof require]', realm),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    const { batchwireFetch } = realm.batchwireFetchModule as typeof import('./fetch.js');
    const app = async (request: Request): Promise<Response> => {
      const { pathname } = new URL(request.url);
      if (pathname === '/items/7')
        return Response.json({ id: 7, inner: request.headers.get('batchwire-inner-request') !== null });
      if (pathname === '/text')
        return new Response('caf\u00e9', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      if (pathname === '/bytes')
        return new Response(new Uint8Array([0, 255, 1]), {
          headers: { 'content-type': 'application/octet-stream' },
        });
      if (pathname === '/big')
        return new Response('x'.repeat(300), { headers: { 'content-type': 'text/plain' } });
      return new Response('missing', { status: 404 });
    };
    const handler = batchwireFetch({ fetch: app, idempotency: {}, limits: { maxItemResponseBytes: 256 } });
    const post = () =>
      handler(
        new Request('http://api.test/batch', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': 'k-1',
            authorization: 'Bearer a',
          },
          body: JSON.stringify({
            requests: [
              { id: 'item', method: 'GET', url: '/items/7' },
              { id: 'text', method: 'GET', url: '/text' },
              { id: 'bytes', method: 'GET', url: '/bytes' },
              { id: 'big', method: 'GET', url: '/big' },
            ],
          }),
        }),
      );
    const first = await post();
    const second = await post();
    const answer = {
      status: first.status,
      body: await first.json(),
      replayed: second.headers.get('idempotency-replayed'),
    };
    expect(answer.status).toBe(200);
    const responses = (answer.body as { responses: { id: string }[] }).responses;
    const byId = Object.fromEntries(responses.map((item) => [item.id, item]));
    expect(byId.item).toMatchObject({ status: 200, body: { id: 7, inner: true } });
    expect(byId.text).toMatchObject({ status: 200, body: 'café' });
    expect(byId.bytes).toMatchObject({ status: 200, body: 'AP8B' });
    expect(byId.big).toMatchObject({
      status: 502,
      body: { type: expect.stringContaining('response-too-large') },
    });
    // The idempotency key was hashed (Web Crypto) and the answer stored: the retry replays.
    expect(answer.replayed).toBe('true');
  }, 60_000);
});
