import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The vitest settings every workspace package shares: tests beside the code, a JSON report that
 * the root test command sums into one closing line, and bounded waits.
 */
export function packageVitestConfig(test: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: ['default', 'json'],
      outputFile: { json: 'coverage/vitest-report.json' },
      testTimeout: 20_000,
      hookTimeout: 20_000,
      ...test,
    },
  });
}
