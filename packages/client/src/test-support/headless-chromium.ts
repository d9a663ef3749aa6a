import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium binary the browser test drives. */
const BINARY = '/usr/bin/chromium';

/**
 * Whether the browser test can run: with the binary, yes; under `CI=true`, always (a missing
 * binary then fails the launch rather than skipping); otherwise it prints one line and skips.
 */
export function chromiumPresent(): boolean {
  const present = existsSync(BINARY);
  if (!present && process.env.CI !== 'true') {
    console.warn(`skipping the client browser test: install Chromium (${BINARY}, apt-get install chromium)`);
  }
  return present || process.env.CI === 'true';
}

/** Starts headless Chromium, quiet and off the network, in a fresh profile; returns it and its cleanup. */
export async function startChromium(): Promise<{ context: BrowserContext; stop: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'batchwire-client-chromium-'));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
  flags.push('--disable-background-networking', '--disable-component-update', '--disable-sync');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BINARY,
    headless: true,
    args: flags,
    timeout: 30_000,
  });
  const stop = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, stop };
}
