import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Path of the built CLI (turbo builds the app before its tests run). */
export const CLI_PATH = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A spawned CLI process and what it printed. */
export interface SpawnedCli {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  readonly exited: Promise<number | string>;
}

/** Spawns `node dist/cli.js ...args` with piped output. */
export function spawnCli(args: readonly string[]): SpawnedCli {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const LISTENING = /listening on (http:\/\/[^\s]+) \(batch endpoint: (http:\/\/[^\s)]+)\)/;

/** Waits (bounded) for the listening line and returns the origin and the batch endpoint url. */
export async function listeningUrl(cli: SpawnedCli, ms = 10_000): Promise<{ origin: string; batch: string }> {
  const found = new Promise<{ origin: string; batch: string }>((resolve, reject) => {
    const check = () => {
      const match = LISTENING.exec(cli.stdout());
      if (match) {
        cli.child.stdout?.off('data', check);
        resolve({ origin: match[1]!, batch: match[2]! });
      }
    };
    cli.child.stdout?.on('data', check);
    cli.exited.then((code) => reject(new Error(`CLI exited (${code}) before listening: ${cli.stderr()}`)));
    check();
  });
  return within(found, ms, 'waiting for the listening line');
}

/** Kills the process if it is still running (test cleanup). */
export function killIfRunning(cli: SpawnedCli): void {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
}
