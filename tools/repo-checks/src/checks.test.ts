import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineProblems, minimumNode } from './engines.js';
import { dependencyProblems, runtimeImports } from './imports.js';
import { metadataProblems, REPOSITORY_URL } from './metadata.js';
import { sourceMapProblems } from './sourcemaps.js';

// Each check against a small package written to disk with the defect the issue found in a tarball.
const roots: string[] = [];

function fakePackage(files: Record<string, string>): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'batchwire-fake-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return { root, files: Object.keys(files).sort() };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('sourceMapProblems', () => {
  const js = 'export const a = 1;\n//# sourceMappingURL=index.js.map\n';

  it('reports maps that point at ../src files the tarball lacks, and missing map files', () => {
    const pkg = fakePackage({
      'dist/index.js': js,
      'dist/index.js.map': JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }),
      'dist/index.d.ts': 'export declare const a = 1;\n//# sourceMappingURL=index.d.ts.map\n',
    });
    expect(sourceMapProblems(pkg.root, pkg.files)).toEqual([
      'dist/index.d.ts: its source map index.d.ts.map is not in the package',
      'dist/index.js.map: source ../src/index.ts is neither embedded (sourcesContent) nor shipped',
    ]);
  });

  it('accepts embedded sources, shipped sources and inline maps with sourcesContent', () => {
    const inline = Buffer.from(JSON.stringify({ sources: ['x.ts'], sourcesContent: ['x'] })).toString(
      'base64',
    );
    const pkg = fakePackage({
      'dist/index.js': js,
      'dist/index.js.map': JSON.stringify({
        sources: ['../src/index.ts'],
        sourcesContent: ['export const a = 1;'],
      }),
      'dist/other.js': `1;\n//# sourceMappingURL=other.js.map`,
      'dist/other.js.map': JSON.stringify({ sources: ['../src/other.ts'] }),
      'src/other.ts': '1;',
      'dist/inline.js': `1;\n//# sourceMappingURL=data:application/json;base64,${inline}\n`,
    });
    expect(sourceMapProblems(pkg.root, pkg.files)).toEqual([]);
  });
});

describe('dependencyProblems', () => {
  it('reports a dependency only the type declarations import (pino in the server) and an undeclared import', () => {
    const pkg = fakePackage({
      'dist/index.js':
        "import { x } from 'undici';\nimport 'side-effect';\nconst m = await import('@scope/lazy/sub');\n",
      'dist/index.d.ts': "import type { Logger } from 'pino';\n",
      'dist/comment.js':
        "/**\n * import { y } from 'commented-out';\n */\nimport { readFile } from 'node:fs';\nimport path from 'path';\n",
    });
    const imported = runtimeImports(pkg.root, pkg.files);
    expect([...imported].sort()).toEqual(['@scope/lazy', 'side-effect', 'undici']);
    const manifest = { dependencies: { undici: '^7', pino: '^10', '@scope/lazy': '^1' } };
    expect(dependencyProblems(manifest, imported)).toEqual([
      'dependency pino is not loaded by any shipped JavaScript (type-only?)',
      'shipped JavaScript loads side-effect, which package.json does not declare',
    ]);
  });
});

describe('engineProblems', () => {
  it('reports crypto.hash and AbortSignal.any under an engines minimum that predates them', () => {
    const pkg = fakePackage({
      'dist/etag.js': "import { hash } from 'node:crypto';\nhash('sha1', 'x', 'base64');\n",
      'dist/transport.js': 'AbortSignal.any([a, b]);\n',
    });
    expect(engineProblems({ engines: { node: '>=20' } }, pkg.root, pkg.files)).toEqual([
      'dist/etag.js uses crypto.hash (Node 20.12.0) but engines.node allows 20.0.0',
      'dist/transport.js uses AbortSignal.any (Node 20.3.0) but engines.node allows 20.0.0',
    ]);
    expect(engineProblems({ engines: { node: '>=20.12' } }, pkg.root, pkg.files)).toEqual([]);
  });

  it('reads only >= ranges', () => {
    expect(minimumNode('>=20.12')).toBe('20.12.0');
    expect(minimumNode('>= 22.3.1')).toBe('22.3.1');
    expect(minimumNode('^20')).toBeUndefined();
  });
});

describe('metadataProblems', () => {
  it('lists every missing field and leftover workspace: range', () => {
    const manifest = {
      license: 'MIT',
      repository: { type: 'git', url: REPOSITORY_URL },
      dependencies: { '@batchwire/schema': 'workspace:^' },
    };
    expect(metadataProblems(manifest, 'packages/server')).toEqual([
      'repository.directory must be "packages/server"',
      'homepage must point into https://github.com/batchwire/batchwire/',
      'bugs must give an https:// url',
      'engines.node is missing',
      'dependencies.@batchwire/schema is "workspace:^"',
    ]);
  });
});
