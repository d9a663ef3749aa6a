#!/usr/bin/env node
// Entry point for the README's commands (`npm start`, `npm test`, `npm run build`, `npm run bench`)
// and for the release workflow. It needs only Node and npm: the pinned pnpm is used when present,
// fetched through npx otherwise. Children run asynchronously so that SIGINT/SIGTERM sent to npm (by
// a terminal, a supervisor, Docker or CI) reach them, and this process exits with their code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '10.34.9';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
  COREPACK_ENABLE_STRICT: '0',
};
const isWindows = process.platform === 'win32';
/** `npm start` with BATCHWIRE_SKIP_SETUP=1 starts the already-built server (tests, supervisors). */
const skipSetup = process.env.BATCHWIRE_SKIP_SETUP === '1';

let child;
let stopSignal;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopSignal ??= signal;
    // The server shuts down gracefully on the first signal; later ones are forwarded too (it ignores repeats).
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(128 + constants.signals[signal]);
  });
}

/** The exit code a shell would report for a child that ended with `code` or by `signal`. */
const exitCodeOf = (code, signal) => code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);

/**
 * Runs a command in the repo root with inherited stdio, forwarding stop signals to it. Resolves with
 * its exit code; exits on failure unless `allowFailure`, and after a stop signal once the child ended.
 */
function run(command, args, options = {}) {
  const { allowFailure = false, ...spawnOptions } = options;
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, env, stdio: 'inherit', shell: isWindows, ...spawnOptions });
    child.once('error', (error) => {
      console.error(`batchwire: could not run ${command}: ${error.message}`);
      process.exit(2);
    });
    child.once('exit', (code, signal) => {
      child = undefined;
      const status = exitCodeOf(code, signal);
      if (stopSignal !== undefined) process.exit(status);
      if (status !== 0 && !allowFailure) process.exit(status);
      resolve(status);
    });
  });
}

/** The pnpm command line: the installed pnpm when it is the pinned version, else npx. */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8', shell: isWindows });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm', []];
  return ['npx', ['-y', `pnpm@${PNPM_VERSION}`]];
}

const [pnpm, pnpmPrefix] = pnpmCommand();
const pnpmRun = (args, options) => run(pnpm, [...pnpmPrefix, ...args], options);
const turbo = (args, options) => pnpmRun(['exec', 'turbo', 'run', ...args], options);

/** Sums the vitest JSON reports written (or restored from turbo's cache) since `since` into one line. */
function printTestTotals(since) {
  const reports = [];
  for (const dir of ['packages', 'apps', 'tools', '.']) {
    const base = join(root, dir);
    const names = dir === '.' ? ['conformance', 'spec'] : existsSync(base) ? readdirSync(base) : [];
    for (const name of names) {
      const file = join(base, name, 'coverage', 'vitest-report.json');
      if (existsSync(file) && statSync(file).mtimeMs >= since)
        reports.push(JSON.parse(readFileSync(file, 'utf8')));
    }
  }
  const passed = reports.reduce((n, r) => n + (r.numPassedTests ?? 0), 0);
  const failed = reports.reduce((n, r) => n + (r.numFailedTests ?? 0), 0);
  const skipped = reports.reduce((n, r) => n + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0), 0);
  console.log(
    `\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped (${reports.length} packages)`,
  );
  return { passed, failed };
}

const [task = 'test', ...rest] = process.argv.slice(2);
const frozen = ['install', '--frozen-lockfile', '--prefer-offline'];
const serverOnly = '@batchwire/reference-server...';

switch (task) {
  case 'install':
    await pnpmRun(frozen);
    break;
  case 'build':
    await pnpmRun(frozen);
    await turbo(['build', ...rest]);
    break;
  case 'test': {
    // Extra arguments go to turbo: `npm test -- --filter=@batchwire/server`, `npm test -- --force`.
    const since = Date.now() - 1000;
    await pnpmRun(frozen);
    const status = await turbo(
      ['build', 'typecheck', 'lint', 'test', '--continue', '--output-logs=new-only', ...rest],
      { allowFailure: true },
    );
    const totals = printTestTotals(since);
    if (status !== 0) process.exit(status);
    if (totals.passed === 0) {
      console.error('batchwire: no test ran');
      process.exit(1);
    }
    break;
  }
  case 'start': {
    if (!skipSetup) {
      // Only the reference server and what it depends on: the dev tooling of other packages stays out.
      await pnpmRun([...frozen, '--filter', serverOnly]);
      await turbo(['build', `--filter=${serverOnly}`, '--output-logs=errors-only']);
    }
    const status = await run(
      process.execPath,
      [join('apps', 'reference-server', 'dist', 'cli.js'), ...rest],
      {
        allowFailure: true,
      },
    );
    process.exit(status);
    break;
  }
  case 'bench':
    await pnpmRun(frozen);
    await turbo(['build', '--filter=@batchwire/bench...', '--output-logs=errors-only']);
    await pnpmRun(['--filter', '@batchwire/bench', 'run', 'bench', ...rest]);
    break;
  case 'publish':
    await pnpmRun(frozen);
    await turbo(['build', '--output-logs=errors-only']);
    await run(process.execPath, [join('scripts', 'publish.mjs'), ...rest]);
    break;
  default:
    console.error(`batchwire: unknown task "${task}" (expected start, test, build, bench, install, publish)`);
    process.exit(2);
}
