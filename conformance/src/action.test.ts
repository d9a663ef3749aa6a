import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from './paths.js';
import { type SpawnedServer, spawnReference } from './test-support/spawn-reference.js';

interface ActionInput {
  readonly required?: boolean;
  readonly default?: string;
}
interface ActionStep {
  readonly id?: string;
  readonly shell?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly env?: Record<string, string>;
}
interface Action {
  readonly name: string;
  readonly inputs: Record<string, ActionInput>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(`${PACKAGE_ROOT}action.yml`, 'utf8')) as Action;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnReference();
}, 30_000);
afterAll(async () => {
  await server?.close();
});

/**
 * Runs the action's script as the runner would: inputs as the env its step maps them to, with an
 * `npx` on PATH that stands in for the registry (no test reaches the network) by running this
 * package's built CLI with the arguments the script passed, which it also records.
 */
function runAction(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bw-action-'));
  const argvFile = join(dir, 'npx-argv');
  const npx = join(dir, 'npx');
  writeFileSync(
    npx,
    `#!/bin/sh\nprintf '%s\\n' "$@" > "${argvFile}"\n[ "$1" = "--yes" ] && shift\nshift\nexec "${process.execPath}" "${CLI}" "$@"\n`,
  );
  chmodSync(npx, 0o755);
  const step = action.runs.steps[0]!;
  const env: Record<string, string> = {
    PATH: `${dir}:${process.env.PATH ?? ''}`,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_OUTPUT: join(dir, 'output'),
  };
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(expression)?.[1] ?? '';
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  const run = spawnSync('bash', ['-c', step.run ?? ''], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : '');
  return {
    status: run.status,
    dir,
    argv: read('npx-argv').trim().split('\n'),
    summary: read('summary.md'),
    output: read('output'),
  };
}

describe('conformance/action.yml, the composite GitHub Action', () => {
  it('is a composite action that starts nothing: one bash step, no other action, no service', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps).toHaveLength(1);
    expect(action.runs.steps.every((s) => s.shell === 'bash' && s.uses === undefined)).toBe(true);
    expect(action.inputs.url?.required).toBe(true);
    expect(Object.keys(action.outputs)).toEqual(['exit-code', 'junit', 'markdown']);
  });

  it('never splices an input into the script text (inputs arrive as environment variables)', () => {
    const script = action.runs.steps[0]?.run ?? '';
    expect(script).not.toContain('${{');
    for (const expression of Object.values(action.runs.steps[0]?.env ?? {}))
      expect(expression).toMatch(/^\$\{\{ inputs\.[a-z-]+ \}\}$/);
  });

  it('runs npx @batchwire/conformance run with the pretty, JUnit and Markdown reporters, and puts the report in the job summary', () => {
    const result = runAction({ url: server.url, only: 'envelope.*', version: '0.1.0' });
    expect(result.argv.slice(0, 3)).toEqual(['--yes', '@batchwire/conformance@0.1.0', 'run']);
    expect(result.argv.join(' ')).toContain(
      `--url ${server.url} --fixtures /_conformance --level may --reporter pretty,junit,markdown --out batchwire-conformance`,
    );
    expect(result.status).toBe(0);
    expect(result.summary).toContain('# Batchwire v1 conformance');
    expect(readFileSync(join(result.dir, 'batchwire-conformance', 'junit.xml'), 'utf8')).toContain(
      '<testsuites',
    );
    expect(result.output).toContain('exit-code=0');
  }, 60_000);

  it('honours a baseline: a listed case that now passes is stale, fails the job, and the summary still says why', () => {
    const baseline = join(mkdtempSync(join(tmpdir(), 'bw-baseline-')), 'baseline.txt');
    writeFileSync(baseline, 'envelope.requests-empty\n');
    const result = runAction({ url: server.url, only: 'envelope.requests-*', baseline, strict: 'true' });
    expect(result.argv).toEqual(expect.arrayContaining(['--expected-failures', baseline, '--strict']));
    expect(result.status).toBe(1);
    expect(result.output).toContain('exit-code=1');
    expect(result.summary).toContain('envelope.requests-empty');
  }, 60_000);

  it('passes the exit code 2 of a harness error through (url that is not a batch endpoint)', () => {
    const result = runAction({ url: `${server.origin}/not-the-endpoint` });
    expect(result.status).toBe(2);
    expect(result.output).toContain('exit-code=2');
  }, 60_000);
});
