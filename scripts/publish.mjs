#!/usr/bin/env node
// The release workflow's publish step (through `node scripts/run.mjs publish`, after a build): every
// public workspace package whose version is not on the registry yet is packed by pnpm (which turns
// `workspace:` ranges into real ones) and the tarball is published with `npm publish --provenance`.
// Each published version gets a local annotated git tag `<name>@<version>`, reported to
// changesets/action through its CHANGESETS_OUTPUT events file so the action pushes it and creates
// the GitHub release.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run');
const pnpm = ['npx', '-y', 'pnpm@10.34.9'];

/** Runs a command and returns its stdout; exits with its status when it fails, unless `allowFailure`. */
function sh(command, args, { cwd = root, allowFailure = false } = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0 && !allowFailure) {
    console.error(`publish: ${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return result.status === 0 ? result.stdout : undefined;
}

const workspace = JSON.parse(sh(pnpm[0], [...pnpm.slice(1), '-r', 'ls', '--depth', '-1', '--json']));
const publishable = workspace.filter((pkg) => pkg.private !== true && pkg.name && pkg.version);

for (const { name, version, path } of publishable) {
  const spec = `${name}@${version}`;
  if (sh('npm', ['view', spec, 'version'], { allowFailure: true })?.trim() === version) {
    console.log(`publish: ${spec} is already on the registry`);
    continue;
  }
  const out = mkdtempSync(join(tmpdir(), 'batchwire-publish-'));
  sh(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', out], { cwd: path });
  const tarball = readdirSync(out).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) {
    console.error(`publish: pnpm pack wrote no tarball for ${spec}`);
    process.exit(1);
  }
  const publishArgs = ['publish', join(out, tarball), '--provenance', '--access', 'public'];
  if (dryRun) publishArgs.push('--dry-run');
  sh('npm', publishArgs);
  if (dryRun) continue;
  sh('git', ['tag', '-a', spec, '-m', spec]);
  console.log(`New tag: ${spec}`);
  if (process.env.CHANGESETS_OUTPUT) {
    appendFileSync(
      process.env.CHANGESETS_OUTPUT,
      `${JSON.stringify({ type: 'git-tag', tag: spec, packageName: name })}\n`,
    );
  }
}
