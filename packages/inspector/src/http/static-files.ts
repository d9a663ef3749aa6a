import { readFile } from 'node:fs/promises';

/** A file of the built UI, read once and kept. */
export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json',
};

/** Only plain names inside the UI folder: no traversal, no hidden files. */
const SAFE_PATH = /^(?:assets\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Serves the files of the built UI from `dir`, reading each on first use (a missing or unsafe
 * name answers undefined). The set is small and fixed at build time, so the cache stays bounded.
 */
export function staticFiles(dir: URL): (path: string) => Promise<StaticFile | undefined> {
  const cache = new Map<string, Promise<StaticFile | undefined>>();
  return (path) => {
    if (!SAFE_PATH.test(path) || path.includes('..')) return Promise.resolve(undefined);
    let file = cache.get(path);
    if (file === undefined) {
      const extension = path.slice(path.lastIndexOf('.') + 1);
      file = readFile(new URL(path, dir)).then(
        (body) => ({ body, contentType: TYPES[extension] ?? 'application/octet-stream' }),
        () => undefined,
      );
      // Only hits are kept: a miss for a file that a rebuild adds later is retried.
      void file.then((found) => {
        if (found === undefined) cache.delete(path);
      });
      cache.set(path, file);
    }
    return file;
  };
}
