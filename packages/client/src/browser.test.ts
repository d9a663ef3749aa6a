import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserAvailable, launchChromium, type TestBrowser } from '@batchwire/test-support';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, listenLocal, readBody } from './test-support/local-server.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('## In the browser'));
const [, example, printed] = /```js\n([\s\S]*?)```\s*```text\n([\s\S]*?)```/.exec(section) ?? [];
const README_ORIGIN = 'http://127.0.0.1:3000';

/** The page: an import map for the bundled client, then the module under test. */
const page = (module: string) => `<!doctype html><meta charset="utf-8"><title>client</title>
<script type="importmap">{ "imports": { "@batchwire/client": "/client.js" } }</script>
<script type="module">
${module}
console.log('[done]');
</script>`;

const run = browserAvailable('the client browser test') ? describe : describe.skip;

run('@batchwire/client in headless Chromium', () => {
  let bundle: string;
  let reference: ReferenceServer;
  let origin: LocalServer;
  let browser: TestBrowser;
  let module = '';
  /** Cookies the same-origin `/batch` proxy saw, one entry per POST. */
  const cookies: (string | undefined)[] = [];

  beforeAll(async () => {
    const built = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0]!.text;
    // The page's own origin: the page, the bundle, and a same-origin /batch passed to the reference server.
    origin = await listenLocal(async (req, res) => {
      const path = req.url ?? '/';
      if (path === '/client.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      if (path.startsWith('/batch')) {
        const body = await readBody(req);
        if (req.method === 'POST') cookies.push(req.headers.cookie);
        const answer = await fetch(reference.url, {
          method: req.method ?? 'GET',
          headers: { 'content-type': 'application/json', accept: req.headers.accept ?? '*/*' },
          ...(req.method === 'POST' ? { body } : {}),
        });
        return res
          .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
          .end(await answer.text());
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'set-cookie': 'session=page-cookie; Path=/',
      });
      res.end(page(module));
    });
    reference = await startReferenceServer(['--cors', origin.origin, '--log-level', 'silent']);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([reference?.close(), origin?.close()]);
  });

  /** Loads the page running `code` as a module and returns what it logged, up to "[done]". */
  async function logsOf(code: string): Promise<string[]> {
    module = code;
    const tab = await browser.context.newPage();
    const lines: string[] = [];
    const done = new Promise<void>((resolve) => {
      tab.on('console', (message) => {
        if (message.text() === '[done]') resolve();
        else lines.push(message.text());
      });
      tab.on('pageerror', (error) => {
        // An exception the module did not catch: the page is over, and the test shows it.
        lines.push(`pageerror: ${error.message}`);
        resolve();
      });
    });
    try {
      await tab.goto(`${origin.origin}/`, { timeout: 10_000 });
      await Promise.race([
        done,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`page did not finish: ${lines.join(' | ')}`)), 15_000),
        ),
      ]);
      return lines;
    } finally {
      await tab.close();
    }
  }

  it('runs the README browser section as printed against the reference server started with --cors', async () => {
    expect(example, 'README has a js block and its output under "## In the browser"').toBeDefined();
    const lines = await logsOf(example!.replaceAll(README_ORIGIN, reference.origin));
    expect(lines.join('\n')).toBe(printed!.trim());
  }, 30_000);

  it('passes credentials to fetch: the page cookie goes with "same-origin", not with "omit"', async () => {
    const code = (credentials: string) => `
import { createClient } from '@batchwire/client';
const client = createClient({ url: '/batch', credentials: '${credentials}' });
const result = await client.fetch('/_conformance/echo');
console.log(result.status);`;
    cookies.length = 0;
    expect(await logsOf(code('same-origin'))).toEqual(['200']);
    expect(await logsOf(code('omit'))).toEqual(['200']);
    expect(cookies).toEqual(['session=page-cookie', undefined]);
  }, 30_000);
});
