import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_BLOB, relativeLinks, unshippedNames } from './readme.js';
import { publishedPackages, repoRoot } from './workspace.js';

describe.each(publishedPackages())('the README of $name in the repository', ({ dir }) => {
  it('exists and has only absolute links (the registry page breaks relative ones)', () => {
    const file = join(repoRoot, dir, 'README.md');
    expect(existsSync(file)).toBe(true);
    expect(relativeLinks(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('relativeLinks', () => {
  it('finds inline, reference, image and HTML links that are not absolute', () => {
    const markdown = [
      'See [the spec](../../spec/) and [schema](../schema), ![logo](./logo.png).',
      '[ref]: docs/guide.md',
      '<a href="CHANGELOG.md">changes</a>',
      'Fine: [abs](https://example.com/x), [mail](mailto:a@b.c), [anchor](#usage).',
      '```md',
      '[inside a code block](./ignored.md)',
      '```',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([
      '../../spec/',
      '../schema',
      './logo.png',
      'docs/guide.md',
      'CHANGELOG.md',
    ]);
  });
});

describe('unshippedNames', () => {
  const files = ['dist/index.js', 'cases/v1/limits/max.json', 'json/batch.schema.json'];

  it('accepts names the tarball holds, globs and <placeholders> included', () => {
    const markdown =
      'Cases are `cases/v1/**/*.json` (`cases/v1/<area>/<name>.json`), schemas `json/<name>.schema.json`.';
    expect(unshippedNames(markdown, files)).toEqual([]);
  });

  it('reports a named script that is not shipped, unless the paragraph links to it in the repository', () => {
    const missing = '`node scripts/bench-dispatch.mjs [N]` prints the CPU time.';
    const linked = `${missing} It is in the repository: [scripts/bench-dispatch.mjs](${REPO_BLOB}packages/server/scripts/bench-dispatch.mjs).`;
    expect(unshippedNames(missing, files)).toEqual(['scripts/bench-dispatch.mjs']);
    expect(unshippedNames(linked, files)).toEqual([]);
    expect(
      unshippedNames(
        `${missing}\n\n[elsewhere](${REPO_BLOB}packages/server/scripts/bench-dispatch.mjs)`,
        files,
      ),
    ).toEqual(['scripts/bench-dispatch.mjs']);
  });

  it('accepts a glob that is not shipped when the paragraph links into its folder', () => {
    const glob = 'Reports land in `apps/example-*/report.json`';
    expect(unshippedNames(glob, files)).toEqual(['apps/example-*/report.json']);
    const linked = `${glob} ([the examples](${REPO_BLOB}apps/example-fastify/README.md)).`;
    expect(unshippedNames(linked, files)).toEqual([]);
    const tree = `${glob} ([apps](https://github.com/batchwire/batchwire/tree/main/apps)).`;
    expect(unshippedNames(tree, files)).toEqual([]);
    const elsewhere = `${glob} ([docs](https://github.com/batchwire/batchwire/tree/main/docs)).`;
    expect(unshippedNames(elsewhere, files)).toEqual(['apps/example-*/report.json']);
  });
});
