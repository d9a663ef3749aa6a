import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineProblems } from './engines.js';
import { dependencyProblems, runtimeImports } from './imports.js';
import { metadataProblems } from './metadata.js';
import { type PackedPackage, packPackage } from './pack.js';
import { REPO_BLOB, relativeLinks, unshippedNames } from './readme.js';
import { sourceMapProblems } from './sourcemaps.js';
import { publishedPackages, repoRoot } from './workspace.js';

const published = publishedPackages();

describe('the repository checks cover every published package', () => {
  it('finds the four original ones', () => {
    const names = published.map((pkg) => pkg.name);
    for (const name of [
      '@batchwire/schema',
      '@batchwire/server',
      '@batchwire/client',
      '@batchwire/conformance',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('builds each of them before these tests (turbo.json @batchwire/repo-checks#test dependsOn)', () => {
    const turbo = JSON.parse(readFileSync(join(repoRoot, 'turbo.json'), 'utf8')) as {
      tasks: Record<string, { dependsOn?: string[] }>;
    };
    const dependsOn = turbo.tasks['@batchwire/repo-checks#test']?.dependsOn ?? [];
    const missing = published.map((pkg) => `${pkg.name}#build`).filter((task) => !dependsOn.includes(task));
    expect(missing, 'add these to "@batchwire/repo-checks#test".dependsOn in turbo.json').toEqual([]);
  });
});

describe.each(published)('the packed tarball of $name', ({ dir }) => {
  let packed: PackedPackage;
  beforeAll(() => {
    packed = packPackage(join(repoRoot, dir));
  });
  afterAll(() => packed?.dispose());

  it('has complete metadata and no workspace: ranges', () => {
    expect(metadataProblems(packed.manifest, dir)).toEqual([]);
  });

  it('ships a README without relative links', () => {
    expect(packed.files).toContain('README.md');
    const hint = `the registry page breaks relative links: use ${REPO_BLOB}<path>`;
    expect(relativeLinks(readFileSync(join(packed.root, 'README.md'), 'utf8')), hint).toEqual([]);
  });

  it('holds every file its README names, or the README links to where it is', () => {
    const readme = readFileSync(join(packed.root, 'README.md'), 'utf8');
    const hint = `ship these, or link them in the same paragraph to ${REPO_BLOB}<path>`;
    expect(unshippedNames(readme, packed.files), hint).toEqual([]);
  });

  it('has source maps that resolve inside the tarball', () => {
    expect(sourceMapProblems(packed.root, packed.files)).toEqual([]);
  });

  it('depends at run time only on what its JavaScript loads, and declares all of it', () => {
    const imported = runtimeImports(packed.root, packed.files);
    expect(dependencyProblems(packed.manifest, imported)).toEqual([]);
  });

  it('declares an engines.node minimum that has every Node API its JavaScript uses', () => {
    expect(engineProblems(packed.manifest, packed.root, packed.files)).toEqual([]);
  });
});
