import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Stryker's sandbox folder (`.stryker-tmp/sandbox-<id>/`, or `.stryker-tmp-<scratch>/…` of a scratch run). */
const SANDBOX = /[\\/]\.stryker-tmp[^\\/]*[\\/]sandbox-[^\\/]+(?=[\\/])/;

/**
 * Bare imports (undici, TypeBox, the workspace's other dist packages) resolve
 * from the real tree: the sandbox copies sources but not the nested pnpm node_modules links.
 */
function resolveFromRealTree(): Plugin {
  return {
    name: 'batchwire-mutation-real-tree',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (importer === undefined || !SANDBOX.test(importer)) return null;
      if (source.startsWith('.') || source.startsWith('/') || source.startsWith('\0') || source.includes(':'))
        return null;
      return this.resolve(source, importer.replace(SANDBOX, ''), { ...options, skipSelf: true });
    },
  };
}

/**
 * The mutation run's only test: the conformance suite against the in-process reference app. The
 * protocol packages resolve to their src/ so the mutants Stryker writes there are what runs.
 */
export default defineConfig({
  plugins: [resolveFromRealTree()],
  resolve: {
    alias: [
      { find: /^@batchwire\/schema$/, replacement: here('../../packages/schema/src/index.ts') },
      {
        find: /^@batchwire\/server\/fetch$/,
        replacement: here('../../packages/server/src/adapters/fetch.ts'),
      },
      { find: /^@batchwire\/server$/, replacement: here('../../packages/server/src/index.ts') },
    ],
  },
  test: {
    root: here('.'),
    include: ['*.mutation.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
