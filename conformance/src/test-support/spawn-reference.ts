import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The reference server's CLI, built by turbo before this package's tests run. */
export const REFERENCE_CLI = fileURLToPath(
  new URL('../../../apps/reference-server/dist/cli.js', import.meta.url),
);

/** A reference server child process and its batch endpoint. */
export interface SpawnedServer {
  readonly url: string;
  readonly origin: string;
  readonly close: () => Promise<void>;
}

const STARTUP_MS = 15_000;

/** Starts `node apps/reference-server/dist/cli.js --port 0 ...args` and waits (bounded) for its URL line. */
export function spawnReference(args: readonly string[] = []): Promise<SpawnedServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [REFERENCE_CLI, '--port', '0', '--log-level', 'silent', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`the reference server did not print its URL within ${STARTUP_MS} ms: ${output}`));
    }, STARTUP_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /batch endpoint: (http:\/\/[^\s)]+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        const url = found[1]!;
        resolve({ url, origin: new URL(url).origin, close });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the reference server exited with ${code} before listening: ${output}`));
    });
  });
}
