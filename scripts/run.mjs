#!/usr/bin/env node
// Entry point for the README's two commands (`npm start`, `npm test`) and for `npm run bench`.
// It needs only Node and npm: the pinned pnpm is used when present, fetched through npx otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Runs a command in the repo root, inheriting stdio; exits with its status on failure. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: isWindows, ...options });
  if (result.error) {
    console.error(`batchwire: could not run ${command}: ${result.error.message}`);
    process.exit(2);
  }
  if (result.status !== 0 && !options.allowFailure) process.exit(result.status ?? 1);
  return result.status ?? 1;
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

/** Sums the vitest JSON reports written by the test task into one closing line. */
function printTestTotals() {
  const reports = [];
  for (const dir of ['packages', 'apps', '.']) {
    const base = join(root, dir);
    const names = dir === '.' ? ['conformance'] : existsSync(base) ? readdirSync(base) : [];
    for (const name of names) {
      const file = join(base, name, 'coverage', 'vitest-report.json');
      if (existsSync(file)) reports.push(JSON.parse(readFileSync(file, 'utf8')));
    }
  }
  const passed = reports.reduce((n, r) => n + (r.numPassedTests ?? 0), 0);
  const failed = reports.reduce((n, r) => n + (r.numFailedTests ?? 0), 0);
  const skipped = reports.reduce((n, r) => n + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0), 0);
  console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed };
}

const [task = 'test', ...rest] = process.argv.slice(2);
const frozen = ['install', '--frozen-lockfile', '--prefer-offline'];

switch (task) {
  case 'install':
    pnpmRun(frozen);
    break;
  case 'build':
    pnpmRun(frozen);
    turbo(['build', ...rest]);
    break;
  case 'test': {
    pnpmRun(frozen);
    const status = turbo(
      ['build', 'typecheck', 'lint', 'test', '--continue', '--output-logs=new-only', ...rest],
      {
        allowFailure: true,
      },
    );
    const totals = printTestTotals();
    if (status !== 0) process.exit(status);
    if (totals.passed === 0) {
      console.error('batchwire: no test ran');
      process.exit(1);
    }
    break;
  }
  case 'start':
    pnpmRun(frozen);
    turbo(['build', '--filter=@batchwire/reference-server...', '--output-logs=errors-only']);
    run(process.execPath, [join('apps', 'reference-server', 'dist', 'cli.js'), ...rest]);
    break;
  case 'bench':
    pnpmRun(frozen);
    turbo(['build', '--filter=@batchwire/bench...', '--output-logs=errors-only']);
    pnpmRun(['--filter', '@batchwire/bench', 'run', 'bench', ...rest]);
    break;
  default:
    console.error(`batchwire: unknown task "${task}" (expected start, test, build, bench, install)`);
    process.exit(2);
}
