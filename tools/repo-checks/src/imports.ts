import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Manifest } from './workspace.js';

const STATIC_IMPORT = /^\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/gm;
const BARE_IMPORT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;
const RUNTIME_FILE = /\.(?:m?js|cjs)$/;

/** The package a bare specifier loads (`@scope/name/sub` -> `@scope/name`), or none for paths and built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
  return builtinModules.includes(name) ? undefined : name;
}

/** Every package the shipped JavaScript loads at run time (type declarations do not count). */
export function runtimeImports(root: string, files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files.filter((name) => RUNTIME_FILE.test(name))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of [STATIC_IMPORT, BARE_IMPORT, DYNAMIC_IMPORT]) {
      for (const match of text.matchAll(pattern)) {
        const name = packageOf(match[1] ?? '');
        if (name !== undefined) names.add(name);
      }
    }
  }
  return names;
}

/**
 * Dependencies that every user installs although no shipped JavaScript loads them (used for types
 * only: they belong in devDependencies or an optional peer), and packages the JavaScript loads that
 * the manifest does not declare (they would fail at run time).
 */
export function dependencyProblems(manifest: Manifest, imported: ReadonlySet<string>): string[] {
  const dependencies = Object.keys(manifest.dependencies ?? {});
  const declared = new Set([
    ...dependencies,
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  return [
    ...dependencies
      .filter((name) => !imported.has(name))
      .map((name) => `dependency ${name} is not loaded by any shipped JavaScript (type-only?)`),
    ...[...imported]
      .filter((name) => !declared.has(name) && name !== manifest.name)
      .map((name) => `shipped JavaScript loads ${name}, which package.json does not declare`),
  ];
}
