import { type ChildProcess, fork } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));
/** Bytes in a MiB. */
export const MiB = 1024 * 1024;
const TIMEOUT_MS = 300_000;

/** The benchmark server process and its RSS reports. */
export interface Child {
  readonly port: number;
  ask(kind: 'reset' | 'peak' | 'rss'): Promise<number>;
  stop(): Promise<void>;
}

function waitFor<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`server: no ${kind} within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      done();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`server exited (${code}) before ${kind}`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Forks `server.js` with `args` and waits (bounded) until it listens. */
export async function startServer(args: string[] = []): Promise<Child> {
  const child = fork(SERVER, args, {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await waitFor<{ port: number }>(child, 'ready');
  return {
    port,
    ask: async (kind) => {
      const reply = waitFor<{ rss: number }>(child, kind === 'reset' ? 'baseline' : kind);
      child.send({ kind });
      return (await reply).rss;
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ kind: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A read answer: status, bytes, and the text when it was kept. */
export interface Posted {
  readonly status: number;
  readonly bytes: number;
  readonly text: string;
}

/** POSTs an envelope and reads the answer, at most `bytesPerSecond` when given (pausing the socket). */
export function post(
  port: number,
  envelope: unknown,
  ndjson: boolean,
  bytesPerSecond?: number,
): Promise<Posted> {
  const body = JSON.stringify(envelope);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/batch',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(ndjson ? { accept: 'application/x-ndjson' } : {}),
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const start = Date.now();
        let bytes = 0;
        // Only the small answers are kept whole; the slow-reader answer is counted, not kept.
        const keep = bytesPerSecond === undefined;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
          if (bytesPerSecond === undefined) return;
          const due = (bytes / bytesPerSecond) * 1000 - (Date.now() - start);
          if (due > 0) {
            res.pause();
            setTimeout(() => res.resume(), due);
          }
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}
