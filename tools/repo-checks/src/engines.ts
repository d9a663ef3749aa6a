import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './workspace.js';

/** A Node API newer than Node 20.0 and the first 20.x (or later) release that has it. */
interface NodeApi {
  readonly name: string;
  readonly since: string;
  readonly pattern: RegExp;
}

/** The newer APIs a shipped file may use; the declared engines minimum must cover each one found. */
export const NODE_APIS: readonly NodeApi[] = [
  {
    name: 'crypto.hash',
    since: '20.12.0',
    pattern: /import\s*\{[^}]*\bhash\b[^}]*\}\s*from\s*['"](?:node:)?crypto['"]|\bcrypto\.hash\(/,
  },
  { name: 'util.styleText', since: '20.12.0', pattern: /\bstyleText\(/ },
  { name: 'import.meta.dirname', since: '20.11.0', pattern: /\bimport\.meta\.(?:dirname|filename)\b/ },
  { name: 'AbortSignal.any', since: '20.3.0', pattern: /\bAbortSignal\.any\(/ },
  { name: 'Object.groupBy', since: '21.0.0', pattern: /\b(?:Object|Map)\.groupBy\(/ },
  { name: 'Promise.withResolvers', since: '22.0.0', pattern: /\bPromise\.withResolvers\(/ },
  { name: 'Array.fromAsync', since: '22.0.0', pattern: /\bArray\.fromAsync\(/ },
  { name: 'process.getBuiltinModule', since: '22.3.0', pattern: /\bprocess\.getBuiltinModule\(/ },
];

/** Compares two `major.minor.patch` versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The minimum of an `engines.node` range of the one form this repository uses, `>=X[.Y[.Z]]`. */
export function minimumNode(range: string | undefined): string | undefined {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range?.trim() ?? '');
  return match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : undefined;
}

/** Newer Node APIs the shipped JavaScript uses that the declared `engines.node` minimum lacks. */
export function engineProblems(manifest: Manifest, root: string, files: readonly string[]): string[] {
  const minimum = minimumNode(manifest.engines?.node);
  if (minimum === undefined)
    return [
      `engines.node "${manifest.engines?.node}" is not a ">=X.Y" range (the one form these checks read)`,
    ];
  const problems: string[] = [];
  for (const file of files.filter((name) => /\.(?:m?js|cjs)$/.test(name))) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const api of NODE_APIS) {
      if (compareVersions(api.since, minimum) > 0 && api.pattern.test(text)) {
        problems.push(`${file} uses ${api.name} (Node ${api.since}) but engines.node allows ${minimum}`);
      }
    }
  }
  return problems;
}
