import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions } from './engines.js';
import { publishedPackages, readManifest, repoRoot, workspacePackages } from './workspace.js';

const scratch = mkdtempSync(join(tmpdir(), 'batchwire-version-'));
const published = publishedPackages();
const changesetDir = join(repoRoot, '.changeset');
/** The packages some changeset asks to release as a new major version. */
const askedMajor = new Set(
  readdirSync(changesetDir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .flatMap((file) => parseChangeset(readFileSync(join(changesetDir, file), 'utf8')).releases)
    .filter((release) => release.type === 'major')
    .map((release) => release.name),
);
let result: ReturnType<typeof spawnSync>;

/**
 * A scratch copy holding what `changeset version` reads and writes: the root manifest, the workspace
 * list, .changeset/, and every workspace package's manifest and changelog; node_modules is linked so
 * the configured changelog generator resolves. The real tree is never touched.
 */
beforeAll(() => {
  for (const file of ['package.json', 'pnpm-workspace.yaml'])
    cpSync(join(repoRoot, file), join(scratch, file));
  cpSync(join(repoRoot, '.changeset'), join(scratch, '.changeset'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  for (const { dir } of workspacePackages()) {
    mkdirSync(join(scratch, dir), { recursive: true });
    for (const file of ['package.json', 'CHANGELOG.md']) {
      if (existsSync(join(repoRoot, dir, file))) cpSync(join(repoRoot, dir, file), join(scratch, dir, file));
    }
  }
  const cli = join(repoRoot, 'node_modules', '@changesets', 'cli', 'bin.js');
  result = spawnSync(process.execPath, [cli, 'version'], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a `changeset version` dry run on a scratch copy', () => {
  it('succeeds and consumes every changeset', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    const left = readdirSync(join(scratch, '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(left).toEqual([]);
  });

  it.each(published)('bumps $name and writes its CHANGELOG.md', ({ dir, manifest }) => {
    const bumped = readManifest(join(scratch, dir, 'package.json'));
    expect(compareVersions(bumped.version ?? '0.0.0', manifest.version ?? '0.0.0')).toBeGreaterThan(0);
    const changelog = readFileSync(join(scratch, dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`# ${manifest.name}`);
    expect(changelog).toContain(`## ${bumped.version}`);
  });

  it.each(published)(
    'takes $name to a new major version only when a changeset asks for it',
    ({ name, dir, manifest }) => {
      // A minor bump of a package named in peerDependencies with a range the new version leaves makes
      // changesets release the dependent as a new major (0.0.0 -> 1.0.0); keep peer ranges wide enough.
      const major = (version: string | undefined) => (version ?? '0').split('.')[0];
      const bumped = readManifest(join(scratch, dir, 'package.json'));
      if (!askedMajor.has(name)) expect(major(bumped.version)).toBe(major(manifest.version));
    },
  );
});
