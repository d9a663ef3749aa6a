import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_CAPABILITIES } from '../run/capabilities.js';
import { type Listening, listen } from '../test-support/listen.js';
import { collectingIo } from '../test-support/silent-io.js';
import { main } from './program.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const VALID = { ...FALLBACK_CAPABILITIES, features: { ...FALLBACK_CAPABILITIES.features, references: true } };

let notBatchwire: Listening;
let noFixtures: Listening;

beforeAll(async () => {
  // A web server that is not a batch endpoint, and a batch endpoint without the fixture routes.
  const plain = express();
  plain.use((_req, res) => {
    res.status(404).type('text/html').send('<h1>Not Found</h1>');
  });
  notBatchwire = await listen(plain);
  const batch = express();
  batch.get('/batch', (_req, res) => {
    res.json(VALID);
  });
  batch.post('/batch', (_req, res) => {
    res.json({
      responses: [{ id: 'preflight', status: 404, headers: {}, body: { status: 404 } }],
      summary: { total: 1, succeeded: 0, failed: 1, skipped: 0 },
    });
  });
  noFixtures = await listen(batch);
});

afterAll(async () => {
  await Promise.all([notBatchwire?.close(), noFixtures?.close()]);
});

async function usage(argv: string[]): Promise<{ code: number; err: string; out: string }> {
  const io = collectingIo();
  const code = await main(argv, io);
  return { code, err: io.err(), out: io.out() };
}

describe('the CLI refuses to judge a server it cannot reach as a batch endpoint', () => {
  it('exits 2 with one line naming the status and media type when --url is not a batch endpoint', async () => {
    const { code, err, out } = await usage(['run', '--url', `${notBatchwire.origin}/batch`]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/is not a Batchwire batch endpoint: GET answered 404 text\/html/);
    expect(out).toBe('');
  });

  it('exits 2 with one line when the fixtures do not answer at --fixtures', async () => {
    const { code, err, out } = await usage([
      'run',
      '--url',
      `${noFixtures.origin}/batch`,
      '--fixtures',
      '/elsewhere',
    ]);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(
      /the fixtures do not answer at --fixtures \/elsewhere: GET \/elsewhere\/echo answered 404/,
    );
    expect(out).toBe('');
  });
});

describe('the CLI usage errors', () => {
  it('exits 2 when --only matches no case, before contacting the server', async () => {
    const { code, err } = await usage(['run', '--url', 'http://127.0.0.1:1/batch', '--only', 'nothing.*']);
    expect(code).toBe(2);
    expect(err).toMatch(/--only nothing\.\* matches no case/);
  });

  it('exits 2 when several file reporters would share stdout (no --out)', async () => {
    const { code, err } = await usage([
      'run',
      '--url',
      'http://127.0.0.1:1/batch',
      '--reporter',
      'json,junit',
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/--reporter json,junit writes 2 reports: give --out <dir>/);
  });

  it('ends `list | head` quietly: exit 0 and no EPIPE stack when the reader closes the pipe', async () => {
    const child = spawn(process.execPath, [CLI, 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Like head -1: read the first chunk, then close the read end.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 10_000);
      child.once('exit', (exit) => {
        clearTimeout(timer);
        resolve(exit);
      });
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 15_000);
});
