import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The reference server's CLI, built by `turbo run build --filter=@batchwire/reference-server...`. */
export const REFERENCE_CLI = fileURLToPath(
  new URL('../../../../apps/reference-server/dist/cli.js', import.meta.url),
);

/** A running reference server. */
export interface ReferenceServer {
  /** The batch endpoint, e.g. `http://127.0.0.1:43121/batch`. */
  readonly url: string;
  /** The server's origin, e.g. `http://127.0.0.1:43121`. */
  readonly origin: string;
  /** Stops the server (SIGTERM, then SIGKILL after a bounded wait). */
  readonly close: () => Promise<void>;
}

const STARTUP_MS = 15_000;
const SHUTDOWN_MS = 5_000;

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Spawns `node apps/reference-server/dist/cli.js --port 0 ...args` and waits for its batch url. */
export async function startReferenceServer(args: readonly string[] = []): Promise<ReferenceServer> {
  if (!existsSync(REFERENCE_CLI))
    throw new Error(`${REFERENCE_CLI} is missing: build the reference server first`);
  const child = spawn(process.execPath, [REFERENCE_CLI, '--port', '0', '--host', '127.0.0.1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`no batch url within ${STARTUP_MS} ms:\n${output}`)),
      STARTUP_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /(http:\/\/[^\s)]+\/batch)\b/.exec(output);
      if (found) done(() => resolve(found[1]!));
    };
    const onExit = (code: number | null) => fail(new Error(`reference server exited (${code}):\n${output}`));
    function done(settle: () => void) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      settle();
    }
    function fail(error: Error) {
      child.kill('SIGKILL');
      done(() => reject(error));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', onExit);
  });
  child.stdout?.resume();
  return {
    url,
    origin: new URL(url).origin,
    close: async () => {
      child.kill('SIGTERM');
      if (!(await exited(child, SHUTDOWN_MS))) {
        child.kill('SIGKILL');
        await exited(child, SHUTDOWN_MS);
      }
    },
  };
}
