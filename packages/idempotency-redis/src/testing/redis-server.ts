import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from './binary.js';
import { probeFreePort } from './free-port.js';
import { exitedWithin, stopChild } from './process.js';

/** A `redis-server` started for a test, on its own loopback port and data directory. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Stops it by PID (SIGTERM, then SIGKILL after a bounded wait) and removes its directory. */
  readonly stop: () => Promise<void>;
  /** Kills it with SIGKILL at once, as a crash would (the directory stays until `stop`). */
  readonly kill: () => Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** The binary (default: `redis-server` found on PATH). */
  readonly binary?: string;
  /** Longest wait for "Ready to accept connections" (default 10,000 ms). */
  readonly readyTimeoutMs?: number;
  /** A port to use (to restart on the port of a stopped server); default a free one. */
  readonly port?: number;
}

function startOnce(binary: string, port: number, dir: string, readyMs: number) {
  // No persistence, loopback only, logs to stdout where readiness is read.
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  const child = spawn(binary, [...args, '--daemonize', 'no', '--logfile', ''], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server not ready within ${readyMs} ms: ${output}`)),
      readyMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code ?? signal}) before it was ready: ${output}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { child, ready };
}

/** Starts `redis-server` on a free 127.0.0.1 port with a fresh directory; retries if the port was taken. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = options.binary ?? findBinary('redis-server');
  if (binary === undefined) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'batchwire-redis-'));
  const readyMs = options.readyTimeoutMs ?? 10_000;
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = options.port ?? (await probeFreePort());
    const { child, ready } = startOnce(binary, port, dir, readyMs);
    try {
      await ready;
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      await exitedWithin(child, 2_000);
      continue;
    }
    const kill = async () => {
      child.kill('SIGKILL');
      await exitedWithin(child, 5_000);
    };
    const stop = async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    };
    return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid ?? -1, stop, kill };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
