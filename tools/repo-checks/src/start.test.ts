import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './workspace.js';

// `npm start` as a supervisor, Docker or CI runs it: the signal goes to the npm process only. The
// already-built reference server is started without install and build (BATCHWIRE_SKIP_SETUP=1).
const env = { ...process.env, BATCHWIRE_SKIP_SETUP: '1', npm_config_update_notifier: 'false' };
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `npm start -- --port 0` and resolves with the npm process and the port once the server listens. */
function npmStart(): Promise<{ npm: ChildProcess; port: number; output: () => string }> {
  const npm = spawn('npm', ['start', '--', '--port', '0'], { cwd: repoRoot, env });
  started.push(npm);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  npm.stdout?.on('data', collect);
  npm.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening within 20 s:\n${output}`)), 20_000);
    npm.stdout?.on('data', () => {
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port === undefined) return;
      clearTimeout(timer);
      resolve({ npm, port: Number(port), output: () => output });
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
  });
}

/** Resolves with the exit code, or rejects when the process is still running after `ms`. */
function exitWithin(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after the signal`)), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Whether nothing holds the port any more (we can listen on it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('npm start under a supervisor', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'kill -%s <npm pid> stops the server, frees the port and exits 0',
    async (signal) => {
      const { npm, port, output } = await npmStart();
      const answer = await fetch(`http://127.0.0.1:${port}/batch`, { method: 'OPTIONS' });
      expect(answer.status).toBeLessThan(500);
      npm.kill(signal);
      expect(await exitWithin(npm, 10_000)).toBe(0);
      expect(await portIsFree(port)).toBe(true);
      expect(output()).toContain('shutting down');
    },
  );

  it('exits with the server’s own exit code when the server fails', async () => {
    const args = ['--port', 'not-a-port'];
    const direct = spawnSync(
      process.execPath,
      [join('apps', 'reference-server', 'dist', 'cli.js'), ...args],
      {
        cwd: repoRoot,
        env,
      },
    );
    expect(direct.status).not.toBe(0);
    const npm = spawn('npm', ['start', '--', ...args], { cwd: repoRoot, env, stdio: 'ignore' });
    started.push(npm);
    expect(await exitWithin(npm, 20_000)).toBe(direct.status);
  });
});
