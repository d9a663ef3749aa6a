import { packageVitestConfig } from '../../vitest.shared.js';

export default packageVitestConfig({ include: ['src/**/*.test.ts', 'ui/src/**/*.test.ts'] });
