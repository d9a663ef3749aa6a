import { afterEach, describe, expect, it } from 'vitest';
import { missingBinaries } from './require-binaries.js';

describe('missingBinaries', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('names what to install in one line outside CI, and nothing when everything is there', () => {
    delete process.env.CI;
    expect(missingBinaries({ 'batchwire-no-such-binary': 'no-such-package', sh: 'dash' })).toBe(
      'batchwire-no-such-binary not found: install it (apt-get install no-such-package) to run these tests',
    );
    expect(missingBinaries({ sh: 'dash' })).toBeUndefined();
  });

  it('fails instead of skipping under CI=true', () => {
    process.env.CI = 'true';
    expect(() => missingBinaries({ 'batchwire-no-such-binary': 'no-such-package' })).toThrow(/^CI=true: /);
  });
});
