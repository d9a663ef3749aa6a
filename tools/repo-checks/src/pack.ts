import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Manifest } from './workspace.js';

/** A package as `pnpm pack` ships it, extracted into a temporary folder. */
export interface PackedPackage {
  /** The extracted package root (the tarball's `package/`). */
  readonly root: string;
  /** Every shipped file, relative to `root`, POSIX slashes. */
  readonly files: readonly string[];
  /** The package.json inside the tarball (workspace ranges already replaced by pnpm). */
  readonly manifest: Manifest;
  /** Deletes the temporary folder. */
  readonly dispose: () => void;
}

/** The pinned pnpm: the one running this test (npm test goes through pnpm), else through npx. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath?.includes('pnpm')) return [process.execPath, [execPath]];
  return ['npx', ['-y', 'pnpm@10.34.9']];
}

/** Runs a command, returning its output; throws with its stderr when it fails. */
function exec(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}: ${result.stderr || result.error?.message}`,
    );
  }
  return result.stdout;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Packs the package in `dir` with `pnpm pack` and extracts the tarball. */
export function packPackage(dir: string): PackedPackage {
  const out = mkdtempSync(join(tmpdir(), 'batchwire-pack-'));
  const [command, prefix] = pnpmCommand();
  exec(command, [...prefix, 'pack', '--pack-destination', out], dir);
  const tarball = readdirSync(out).find((file) => file.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
  exec('tar', ['-xzf', tarball], out);
  const root = join(out, 'package');
  return {
    root,
    files: listFiles(root),
    manifest: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest,
    dispose: () => rmSync(out, { recursive: true, force: true }),
  };
}
