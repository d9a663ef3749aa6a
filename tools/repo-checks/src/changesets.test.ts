import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changesetProblems } from './changesets.js';
import { publishedPackages, repoRoot } from './workspace.js';

const changesetDir = join(repoRoot, '.changeset');
const names = publishedPackages().map((pkg) => pkg.name);
const scratch: string[] = [];

/** A copy of the repository's .changeset folder that a test may break. */
function copyOfChangesets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'batchwire-changesets-'));
  scratch.push(dir);
  cpSync(changesetDir, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the changesets in .changeset/', () => {
  it('all parse and name only published packages of this workspace', () => {
    expect(changesetProblems(changesetDir, names)).toEqual([]);
  });

  it('a copy with a closing --- turned into a heading (the old defect) fails the check', () => {
    const dir = copyOfChangesets();
    writeFileSync(join(dir, 'broken.md'), '---\n\n## "@batchwire/client": minor\n\nA sentence.\n');
    expect(changesetProblems(dir, names)).toEqual([
      { file: 'broken.md', message: 'could not parse changeset - missing or invalid frontmatter.' },
    ]);
  });

  it('a copy naming an unknown package or an invalid bump fails the check', () => {
    const dir = copyOfChangesets();
    writeFileSync(join(dir, 'unknown.md'), '---\n"@batchwire/nope": patch\n---\n\nA sentence.\n');
    writeFileSync(join(dir, 'bump.md'), '---\n"@batchwire/server": huge\n---\n\nA sentence.\n');
    writeFileSync(join(dir, 'silent.md'), '---\n"@batchwire/server": patch\n---\n');
    expect(changesetProblems(dir, names)).toEqual([
      {
        file: 'bump.md',
        message: 'could not parse changeset - invalid version type "huge" for package "@batchwire/server".',
      },
      { file: 'silent.md', message: 'has no changelog sentence' },
      {
        file: 'unknown.md',
        message: 'names "@batchwire/nope", which is not a published package of this workspace',
      },
    ]);
  });
});
