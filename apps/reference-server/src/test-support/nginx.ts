import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitedWithin, findBinary, probeFreePort, stopChild } from '@batchwire/idempotency-redis/testing';
import { sleep } from './wait.js';

/** A real nginx in front of some upstream ports, started for a test. */
export interface Nginx {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly pid: number;
  /** Stops it by PID (SIGTERM, SIGKILL after a bounded wait) and removes its directory. */
  readonly stop: () => Promise<void>;
}

/**
 * The config a deployment would use, in the test's own directory: round robin over the
 * instances, keep-alive to them, default buffering (the server's `X-Accel-Buffering: no` turns it
 * off for NDJSON), and a header naming the instance that answered, so tests see where a retry went.
 */
export function nginxConfig(dir: string, port: number, upstreamPorts: readonly number[]): string {
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${join(dir, name)};`)
    .join('\n');
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
${temp}
  upstream batchwire {
${servers}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    location / {
      proxy_pass http://batchwire;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_read_timeout 60s;
      add_header X-Upstream $upstream_addr always;
      # nginx consumes X-Accel-* headers; this echoes what the instance sent, for the tests.
      add_header X-Upstream-Accel-Buffering $upstream_http_x_accel_buffering always;
    }
  }
}
`;
}

async function ready(origin: string, child: ChildProcess, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${origin}/batch`, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  return false;
}

/** Starts nginx (non-daemon, own prefix, config, pid, logs and temp paths) on a free loopback port. */
export async function startNginx(upstreamPorts: readonly number[]): Promise<Nginx> {
  const binary = findBinary('nginx');
  if (binary === undefined) throw new Error('nginx is not installed (apt-get install nginx)');
  const dir = mkdtempSync(join(tmpdir(), 'batchwire-nginx-'));
  // Run as root, nginx's workers drop to "nobody", who must reach the temp paths.
  chmodSync(dir, 0o755);
  const config = join(dir, 'nginx.conf');
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await probeFreePort();
    writeFileSync(config, nginxConfig(dir, port, upstreamPorts));
    const child = spawn(binary, ['-p', dir, '-c', config, '-e', join(dir, 'error.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const origin = `http://127.0.0.1:${port}`;
    if (await ready(origin, child, 10_000)) {
      const stop = async () => {
        await stopChild(child);
        rmSync(dir, { recursive: true, force: true });
      };
      return { origin, pid: child.pid ?? -1, stop };
    }
    child.kill('SIGKILL');
    await exitedWithin(child, 5_000);
  }
  const log = readFileSync(join(dir, 'error.log'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`nginx did not start: ${log}`);
}
