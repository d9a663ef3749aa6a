import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareVersions, minimumNode } from './engines.js';
import { publishedPackages, repoRoot } from './workspace.js';

// The workflows cannot run here; these tests keep their jobs, commands and pins from rotting.

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly permissions?: Record<string, string>;
  readonly strategy?: { readonly matrix?: { readonly node?: readonly string[] } };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const readWorkflow = (name: string): Workflow =>
  parse(readFileSync(join(repoRoot, '.github', 'workflows', name), 'utf8')) as Workflow;

const ci = readWorkflow('ci.yml');
const release = readWorkflow('release.yml');
const allSteps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps);

/** The lowest engines.node minimum any published package declares. */
const declaredMinimum = publishedPackages()
  .map((pkg) => minimumNode(pkg.manifest.engines?.node) ?? '0.0.0')
  .sort(compareVersions)[0];

describe.each([
  ['ci.yml', ci],
  ['release.yml', release],
])('%s', (_name, workflow) => {
  it('pins every action by a full commit SHA', () => {
    const unpinned = allSteps(workflow)
      .map((step) => step.uses)
      .filter((uses): uses is string => uses !== undefined)
      .filter((uses) => !/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/.test(uses));
    expect(unpinned).toEqual([]);
  });

  it('gives no write permission to the whole workflow', () => {
    const granted = Object.entries(workflow.permissions ?? { all: 'write' }).filter(
      ([, level]) => level !== 'read',
    );
    expect(granted).toEqual([]);
  });

  it('names only scripts that exist', () => {
    const scripts = allSteps(workflow)
      .flatMap((step) => [step.run ?? '', ...Object.values(step.with ?? {}).map(String)])
      .flatMap((command) => [...command.matchAll(/\bnode\s+(\S+\.m?js)\b/g)].map((match) => match[1] ?? ''));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => !existsSync(join(repoRoot, script)))).toEqual([]);
  });
});

describe('ci.yml', () => {
  const job = ci.jobs.test;

  it('runs on pushes to main and on pull requests', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
  });

  it('tests the engines minimum every published package declares, 22 and 24', () => {
    const minimums = new Set(publishedPackages().map((pkg) => pkg.manifest.engines?.node));
    expect([...minimums], 'every published package declares the same engines.node').toHaveLength(1);
    expect(job?.strategy?.matrix?.node).toEqual([declaredMinimum, '22', '24']);
  });

  it('runs npm test on a fresh checkout, then the built packages on the minimum itself', () => {
    const steps = job?.steps ?? [];
    const names = steps.map((step) => step.uses?.split('@')[0] ?? step.run);
    expect(names).toContain('actions/checkout');
    const test = steps.findIndex((step) => step.run === 'npm test');
    const smoke = steps.findIndex((step) => step.run?.includes('min-node-smoke.mjs'));
    const minimumNode = steps.findIndex(
      (step) =>
        step.uses?.startsWith('actions/setup-node@') && step.with?.['node-version'] === '${{ matrix.node }}',
    );
    expect(test).toBeGreaterThan(-1);
    expect(minimumNode).toBeGreaterThan(test);
    expect(smoke).toBeGreaterThan(minimumNode);
    expect(steps[smoke]?.if).toBe(`matrix.node == '${declaredMinimum}'`);
    expect(steps[minimumNode]?.if).toBe(`matrix.node == '${declaredMinimum}'`);
  });
});

describe('release.yml', () => {
  const job = release.jobs.release;
  const action = job?.steps.find((step) => step.uses?.startsWith('changesets/action@'));

  it('asks for contents and pull-requests write and an id token, nothing else', () => {
    expect(job?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('versions with changesets/action and publishes through scripts/publish.mjs with npm publish --provenance', () => {
    expect(action?.with?.['publish-script']).toBe('node scripts/run.mjs publish');
    expect(action?.with?.['version-script']).toMatch(/changeset version$/);
    const runner = readFileSync(join(repoRoot, 'scripts', 'run.mjs'), 'utf8');
    expect(runner).toContain("join('scripts', 'publish.mjs')");
    const publish = readFileSync(join(repoRoot, 'scripts', 'publish.mjs'), 'utf8');
    expect(publish).toContain("['publish', join(out, tarball), '--provenance', '--access', 'public']");
    expect(publish).toMatch(/sh\('npm', publishArgs\)/);
  });

  it('hands the npm token only to the step that publishes', () => {
    const withToken = allSteps(release).filter((step) => JSON.stringify(step).includes('secrets.'));
    expect(withToken).toEqual([action]);
  });
});
