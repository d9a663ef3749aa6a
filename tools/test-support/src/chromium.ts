import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive (`.ci/run` installs it under CI). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep a test browser headless, quiet and off the network (this machine has none). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether browser tests run here: true when Chromium is installed; under `CI=true` always true,
 * so a missing browser fails the launch instead of skipping. Outside CI a missing browser prints
 * one line saying what to install.
 */
export function browserAvailable(suite: string): boolean {
  if (existsSync(CHROMIUM_PATH) || process.env.CI === 'true') return true;
  console.warn(`skipping ${suite}: ${CHROMIUM_PATH} is missing (install it: apt-get install chromium)`);
  return false;
}

/** A headless Chromium with a fresh profile; `close()` ends it and removes the profile. */
export interface TestBrowser {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/** Launches Debian's Chromium with a fresh `--user-data-dir` in a temp folder. */
export async function launchChromium(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'batchwire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    timeout: 30_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
