import { browserAvailable, launchChromium, type TestBrowser } from '@batchwire/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../test-support/listen.js';
import { killIfRunning, listeningUrl, type SpawnedCli, spawnCli } from '../test-support/spawn-cli.js';

/**
 * The page a front-end developer would write: it posts a batch with a bearer token and an
 * Idempotency-Key to another origin, twice, and reports what the browser let it read.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>batch caller</title><script>
window.callBatch = async (url) => {
  const envelope = { requests: [
    { id: 'create', method: 'POST', url: '/blogs/entries', body: { groupId: 1, title: 'From a browser', content: 'cors' } },
    { id: 'read', method: 'GET', url: '/blogs/entries/\${create#/body/id}' },
  ] };
  const init = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-token', 'Idempotency-Key': 'browser-' + Date.now() },
    body: JSON.stringify(envelope),
  };
  try {
    const first = await fetch(url, init);
    const body = await first.json();
    const again = await fetch(url, init);
    await again.text();
    return { status: first.status, body, replayed: again.headers.get('Idempotency-Replayed') };
  } catch (error) {
    return { refused: String(error) };
  }
};
</script>`;

interface PageResult {
  readonly status?: number;
  readonly body?: { responses: { id: string; status: number; body: { title?: string } }[] };
  readonly replayed?: string | null;
  readonly refused?: string;
}

const run = browserAvailable('the browser CORS test') ? describe : describe.skip;

run('a page on another loopback origin calls /batch from headless Chromium', () => {
  let page: Listening;
  let browser: TestBrowser;
  const servers: SpawnedCli[] = [];

  beforeAll(async () => {
    page = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    });
    browser = await launchChromium();
  }, 40_000);
  afterAll(async () => {
    for (const server of servers.splice(0)) killIfRunning(server);
    await browser?.close();
    await page?.close();
  });

  async function callFromPage(cliArgs: string[]): Promise<PageResult> {
    const server = spawnCli(['--port', '0', '--log-level', 'silent', ...cliArgs]);
    servers.push(server);
    const { batch } = await listeningUrl(server);
    const tab = await browser.context.newPage();
    try {
      await tab.goto(page.url, { timeout: 10_000 });
      return (await tab.evaluate((url) => {
        const call = (globalThis as unknown as { callBatch: (u: string) => Promise<unknown> }).callBatch;
        return call(url);
      }, batch)) as PageResult;
    } finally {
      await tab.close();
    }
  }

  it('reads the results and the replay header from a server started with --cors <page origin>', async () => {
    const result = await callFromPage(['--cors', page.url]);
    expect(result.refused).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.body?.responses.map((r) => [r.id, r.status])).toEqual([
      ['create', 201],
      ['read', 200],
    ]);
    expect(result.body?.responses[1]?.body.title).toBe('From a browser');
    expect(result.replayed).toBe('true');
  }, 30_000);

  it('is refused by the same server started without --cors', async () => {
    const result = await callFromPage([]);
    expect(result.refused).toMatch(/TypeError/);
    expect(result.status).toBeUndefined();
  }, 30_000);

  it('is refused by a server granting only another origin', async () => {
    const result = await callFromPage(['--cors', 'http://127.0.0.1:1']);
    expect(result.refused).toMatch(/TypeError/);
  }, 30_000);
});
