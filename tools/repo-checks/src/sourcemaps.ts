import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

interface SourceMap {
  readonly sources?: readonly string[];
  readonly sourceRoot?: string;
  readonly sourcesContent?: readonly (string | null)[];
}

const MAP_COMMENT = /[#@]\s*sourceMappingURL=(\S+?)\s*(?:\*\/)?\s*$/;
const CODE_FILE = /\.(?:m?js|cjs|d\.m?ts|d\.cts)$/;

function mapProblems(map: SourceMap, mapPath: string, files: ReadonlySet<string>): string[] {
  const base = posix.join(posix.dirname(mapPath), map.sourceRoot ?? '');
  return (map.sources ?? []).flatMap((source, index) => {
    if (typeof map.sourcesContent?.[index] === 'string') return [];
    if (files.has(posix.normalize(posix.join(base, source)))) return [];
    return [`${mapPath}: source ${source} is neither embedded (sourcesContent) nor shipped`];
  });
}

function readMap(text: string, where: string): SourceMap | string {
  try {
    return JSON.parse(text) as SourceMap;
  } catch {
    return `${where}: not a JSON source map`;
  }
}

/**
 * Source maps that send a debugger or a stack trace to files the tarball does not hold: every
 * `sourceMappingURL` must resolve inside the package, and every source a map lists must be embedded
 * in `sourcesContent` or shipped. `files` are the tarball's paths relative to `root`.
 */
export function sourceMapProblems(root: string, files: readonly string[]): string[] {
  const shipped = new Set(files);
  const problems: string[] = [];
  for (const file of files) {
    if (CODE_FILE.test(file)) {
      const lines = readFileSync(join(root, file), 'utf8').trimEnd().split('\n');
      const url = MAP_COMMENT.exec(lines.at(-1) ?? '')?.[1];
      if (url === undefined) continue;
      if (url.startsWith('data:')) {
        const map = readMap(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8'), file);
        problems.push(...(typeof map === 'string' ? [map] : mapProblems(map, file, shipped)));
      } else if (!shipped.has(posix.normalize(posix.join(posix.dirname(file), url)))) {
        problems.push(`${file}: its source map ${url} is not in the package`);
      }
    } else if (file.endsWith('.map')) {
      const map = readMap(readFileSync(join(root, file), 'utf8'), file);
      problems.push(...(typeof map === 'string' ? [map] : mapProblems(map, file, shipped)));
    }
  }
  return problems;
}
