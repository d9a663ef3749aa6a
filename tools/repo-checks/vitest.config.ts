import { packageVitestConfig } from '../../vitest.shared.js';

// Packing every published package and the scratch `changeset version` take a few seconds each.
export default packageVitestConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
