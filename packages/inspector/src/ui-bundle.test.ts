import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ASSETS = new URL('../dist/ui/assets/', import.meta.url);
/** What the README states (about 41 KiB today); the budget leaves room, not a blank cheque. */
const BUDGET_GZIP_BYTES = 48 * 1024;

describe('the built inspector UI', () => {
  it('is self-contained (no CDN) and within its gzipped size budget', () => {
    // `test` runs after `build` (turbo), so a missing bundle is a broken build, not a skip.
    expect(existsSync(ASSETS), 'dist/ui/assets: run the build first').toBe(true);
    const html = readFileSync(new URL('../index.html', ASSETS), 'utf8');
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    let total = 0;
    for (const name of readdirSync(ASSETS)) {
      const body = readFileSync(new URL(name, ASSETS));
      expect(body.toString('utf8'), name).not.toMatch(/\bimport\s*\(?["']https?:/);
      total += gzipSync(body, { level: 9 }).length;
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });
});
