#!/usr/bin/env node
// Runs the full conformance suite against this example served by Bun and by Deno (not Node):
// the fetch adapter on Web-standard runtimes. The binaries are not dependencies of the repo; give
// them as BUN=/path/to/bun DENO=/path/to/deno, or have them on PATH (the registry's `bun` and
// `deno` npm packages install working ones). Writes conformance-report/report-<runtime>.json for
// the implementations table (then run node conformance/scripts/implementations.mjs).
//   npm run build && node scripts/web-runtimes.mjs
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordImplementation } from '@batchwire/conformance/implementations';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '..', 'dist', 'serve-web.js');
const STARTUP_MS = 20_000;

const runtimes = [
  { name: 'bun', label: 'Bun', bin: process.env.BUN ?? 'bun', args: [entry] },
  { name: 'deno', label: 'Deno', bin: process.env.DENO ?? 'deno', args: ['run', '-A', entry] },
];

/** Major.minor of a runtime, or undefined when the binary does not run. */
function versionOf(bin) {
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const found = run.status === 0 ? /(\d+\.\d+)\.\d+/.exec(run.stdout) : null;
  return found?.[1];
}

/** Starts the example on a runtime and resolves with its batch URL and a stop function (by PID). */
function start(runtime) {
  const child = spawn(runtime.bin, runtime.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: join(here, '..'),
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${runtime.label} printed no URL within ${STARTUP_MS} ms: ${output}`));
    }, STARTUP_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/batch/.exec(output)?.[0];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${runtime.label} exited with ${code}: ${output}`));
    });
  });
}

let failed = false;
for (const runtime of runtimes) {
  const version = versionOf(runtime.bin);
  if (version === undefined) {
    console.log(
      `${runtime.name}: not run (install it: npm install --prefix /tmp/rt ${runtime.name}, then ${runtime.name.toUpperCase()}=/tmp/rt/node_modules/.bin/${runtime.name})`,
    );
    continue;
  }
  const { url, stop } = await start(runtime);
  try {
    const { report, problems } = await recordImplementation({
      implementation: {
        name: `example-hono-${runtime.name}`,
        host: `Hono 4 on ${runtime.label} ${version}`,
        mode: 'in-process',
      },
      run: { url },
      reportDir: join(here, '..', 'conformance-report'),
      reportFile: `report-${runtime.name}.json`,
    });
    const { passed, failed: failures, skipped } = report.summary;
    console.log(`${runtime.name} ${version}: ${passed} passed, ${failures} failed, ${skipped} skipped`);
    for (const problem of problems) console.log(`  ${problem}`);
    if (problems.some((p) => !p.startsWith('the implementations table'))) failed = true;
  } finally {
    await stop();
  }
}
process.exit(failed ? 1 : 0);
