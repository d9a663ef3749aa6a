import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where turbo builds the reference server's CLI before the spec's tests run. */
export const REFERENCE_CLI = fileURLToPath(
  new URL('../../../apps/reference-server/dist/cli.js', import.meta.url),
);

/** A reference server started for a test run. */
export interface RunningServer {
  /** The batch endpoint the CLI printed, e.g. `http://127.0.0.1:43121/batch`. */
  readonly batchUrl: URL;
  /** Stops the process and waits (bounded) for it to exit. */
  readonly stop: () => Promise<void>;
}

const URL_IN_OUTPUT = /https?:\/\/[^\s()]+\/batch\b/;

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Spawns `node apps/reference-server/dist/cli.js --port 0` and resolves once it printed its batch
 * endpoint URL; rejects when the CLI is missing, exits, or prints nothing within `timeoutMs`.
 */
export function startReferenceServer(timeoutMs = 15_000): Promise<RunningServer> {
  if (!existsSync(REFERENCE_CLI)) {
    return Promise.reject(
      new Error(`${REFERENCE_CLI} does not exist: build the reference server first (turbo run build)`),
    );
  }
  const child = spawn(process.execPath, [REFERENCE_CLI, '--port', '0', '--log-level', 'silent'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 5_000);
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${reason}\n--- reference server output ---\n${output}`)));
    };
    const timer = setTimeout(() => fail(`no batch endpoint URL printed within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = URL_IN_OUTPUT.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({ batchUrl: new URL(found[0]), stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) =>
      fail(`the reference server exited early (code ${code}, signal ${signal})`),
    );
  });
}
