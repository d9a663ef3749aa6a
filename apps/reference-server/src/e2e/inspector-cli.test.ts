import { afterAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../test-support/listen.js';
import { killIfRunning, listeningUrl, type SpawnedCli, spawnCli, within } from '../test-support/spawn-cli.js';

describe('the CLI serves the inspector', () => {
  const running: SpawnedCli[] = [];
  const upstreams: Listening[] = [];
  afterAll(async () => {
    for (const cli of running) killIfRunning(cli);
    for (const upstream of upstreams) await upstream.close();
  });

  async function start(args: string[]): Promise<{ cli: SpawnedCli; origin: string }> {
    const cli = spawnCli(['--port', '0', '--log-level', 'silent', ...args]);
    running.push(cli);
    return { cli, origin: (await listeningUrl(cli)).origin };
  }

  it('by default, naming its url in the one startup line', async () => {
    const { cli, origin } = await start([]);
    const lines = cli.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`, inspector: ${origin}/_batchwire/$`));
    const page = await fetch(`${origin}/_batchwire/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Batchwire inspector</title>');
  });

  it('not with --no-inspector', async () => {
    const { cli, origin } = await start(['--no-inspector']);
    expect(cli.stdout()).not.toContain('inspector');
    expect((await fetch(`${origin}/_batchwire/`)).status).toBe(404);
  });

  it('ends its event streams on SIGTERM, so an open inspector tab does not hold the shutdown', async () => {
    const { cli, origin } = await start([]);
    const events = await fetch(`${origin}/_batchwire/api/events`);
    const reader = events.body?.getReader();
    await reader?.read();
    cli.child.kill('SIGTERM');
    // The shutdown grace is 10 s: without the inspector closing its streams the exit would wait for it.
    expect(await within(cli.exited, 6_000, 'exit after SIGTERM')).toBe(0);
  });

  it('in gateway mode in front of another API, journalling what the upstream answered', async () => {
    const upstream = await listen((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
    });
    upstreams.push(upstream);
    const { origin } = await start(['--upstream', upstream.url]);
    const answer = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer secret' },
      body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/things/1' }] }),
    });
    expect(answer.status).toBe(200);
    const [summary] = (await (await fetch(`${origin}/_batchwire/api/batches`)).json()) as {
      batchId: string;
    }[];
    const text = await (await fetch(`${origin}/_batchwire/api/batches/${summary?.batchId}`)).text();
    expect(text).not.toContain('secret');
    const batch = JSON.parse(text) as {
      items: { dispatched?: { url: string }; response?: { status: number; body: { text?: string } } }[];
    };
    expect(batch.items[0]?.dispatched?.url).toBe('/things/1');
    expect(batch.items[0]?.response?.status).toBe(200);
    expect(JSON.parse(batch.items[0]?.response?.body.text ?? 'null')).toEqual({ path: '/things/1' });
  });
});
