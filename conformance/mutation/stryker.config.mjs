// StrykerJS configuration of the mutation run (run from the repository root by run.mjs).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The protocol code a client can observe; logging-only files are left out (see README). */
export const MUTATE = [
  'packages/schema/src/parse/**/*.ts',
  'packages/server/src/engine/**/*.ts',
  'packages/server/src/core/**/*.ts',
  '!**/*.test.ts',
  '!**/types.ts',
  '!packages/server/src/core/logger.ts',
  '!packages/server/src/core/log-rejection.ts',
  '!packages/server/src/core/inner-errors.ts',
];

/** A scratch run (run.mjs --scratch): its own sandbox and report folders, the committed ones untouched. */
const scratch = process.env.BATCHWIRE_MUTATION_SCRATCH;
const scratchOptions = scratch
  ? {
      tempDirName: `conformance/mutation/.stryker-tmp-${scratch}`,
      reporters: ['json', 'clear-text', 'progress'],
      jsonReporter: { fileName: `conformance/mutation/.scratch/${scratch}/mutation.json` },
      incrementalFile: `conformance/mutation/.scratch/${scratch}/stryker-incremental.json`,
    }
  : {};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: [
    require.resolve('@stryker-mutator/vitest-runner'),
    fileURLToPath(new URL('./ignore-prose.mjs', import.meta.url)),
  ],
  ignorers: ['prose'],
  vitest: { configFile: 'conformance/mutation/vitest.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: MUTATE,
  // The sandbox gets the sources the run needs; bare imports resolve from the real tree (vitest.config.ts).
  ignorePatterns: [
    '/*',
    '!/package.json',
    '!/tsconfig.base.json',
    '!/packages',
    '/packages/*',
    '!/packages/schema',
    '!/packages/server',
    '!/conformance',
    'dist',
    'coverage',
    'node_modules',
    '/conformance/mutation/report',
    '/conformance/mutation/sample',
    '/conformance/mutation/.scratch',
    '/conformance/mutation/.stryker-tmp*',
  ],
  tempDirName: 'conformance/mutation/.stryker-tmp',
  cleanTempDir: true,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'conformance/mutation/report/index.html' },
  jsonReporter: { fileName: 'conformance/mutation/report/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportTests: false },
  incrementalFile: 'conformance/mutation/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 8000,
  thresholds: { high: 90, low: 80, break: null },
  ...scratchOptions,
};
