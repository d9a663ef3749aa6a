// The CI-sized sample (`npm run mutation -- --sample`): a few protocol files, its own report folder.
import base from './stryker.config.mjs';

/** A few minutes' worth: the url rules, the depth limit, the dependency graph, the envelope reader. */
export const SAMPLE = [
  'packages/schema/src/parse/url-rules.ts',
  'packages/schema/src/parse/depth.ts',
  'packages/server/src/engine/graph.ts',
  'packages/server/src/engine/slicer.ts',
  'packages/server/src/core/envelope.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: SAMPLE,
  htmlReporter: { fileName: 'conformance/mutation/sample/index.html' },
  jsonReporter: { fileName: 'conformance/mutation/sample/mutation.json' },
  incrementalFile: 'conformance/mutation/sample/stryker-incremental.json',
};
