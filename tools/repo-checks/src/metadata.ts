import type { Manifest } from './workspace.js';

/** The repository every published package comes from. */
export const REPOSITORY_URL = 'git+https://github.com/batchwire/batchwire.git';

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * What a careful user misses in a packed package.json: where the code lives (repository with the
 * package's folder), a homepage, where to report bugs, the license, the Node versions, and version
 * ranges a registry install can resolve (no `workspace:` left over).
 */
export function metadataProblems(manifest: Manifest, dir: string): string[] {
  const problems: string[] = [];
  const repository = typeof manifest.repository === 'object' ? manifest.repository : undefined;
  if (repository?.type !== 'git' || repository.url !== REPOSITORY_URL) {
    problems.push(`repository must be { "type": "git", "url": "${REPOSITORY_URL}" }`);
  }
  if (repository?.directory !== dir) problems.push(`repository.directory must be "${dir}"`);
  if (!manifest.homepage?.startsWith('https://github.com/batchwire/batchwire/')) {
    problems.push('homepage must point into https://github.com/batchwire/batchwire/');
  }
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
  if (!bugs?.startsWith('https://')) problems.push('bugs must give an https:// url');
  if (!manifest.license) problems.push('license is missing');
  if (!manifest.engines?.node) problems.push('engines.node is missing');
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${name} is "${range}"`);
    }
  }
  return problems;
}
