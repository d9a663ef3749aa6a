import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository root (this package lives in tools/repo-checks). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The fields of a package.json the checks read. */
export interface Manifest {
  readonly name?: string;
  readonly version?: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly homepage?: string;
  readonly bugs?: { readonly url?: string } | string;
  readonly repository?:
    | { readonly type?: string; readonly url?: string; readonly directory?: string }
    | string;
  readonly engines?: { readonly node?: string };
  readonly bin?: Record<string, string> | string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly scripts?: Record<string, string>;
}

/** One workspace package: its name, its folder relative to the root (POSIX slashes) and its manifest. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Reads a package.json. */
export function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every package that pnpm-workspace.yaml names (`dir` and `dir/*` entries), sorted by folder. */
export function workspacePackages(root: string = repoRoot): WorkspacePackage[] {
  const config = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: string[] };
  const dirs = (config.packages ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const base = join(root, pattern.slice(0, -2));
    if (!existsSync(base)) return [];
    return readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(base, entry.name));
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({
      dir: relative(root, dir).split('\\').join('/'),
      manifest: readManifest(join(dir, 'package.json')),
    }))
    .filter(
      (pkg): pkg is { dir: string; manifest: Manifest & { name: string } } =>
        typeof pkg.manifest.name === 'string',
    )
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The packages that get published to npm: every workspace package not marked private. */
export function publishedPackages(root: string = repoRoot): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}
