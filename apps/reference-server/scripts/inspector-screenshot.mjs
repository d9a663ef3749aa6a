#!/usr/bin/env node
/**
 * Regenerates docs/inspector.png, the README's picture of the batch inspector: starts the built
 * CLI on a free port (--max-concurrency 4), sends the playground's demo batch from headless
 * Chromium and captures its timeline with the dependent item opened. Run after `npm run build`:
 * `node apps/reference-server/scripts/inspector-screenshot.mjs`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '@batchwire/test-support';
import { chromium } from 'playwright-core';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const OUT = fileURLToPath(new URL('../docs/inspector.png', import.meta.url));
const server = spawn(
  process.execPath,
  [CLI, '--port', '0', '--log-level', 'silent', '--max-concurrency', '4'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const profile = await mkdtemp(join(tmpdir(), 'batchwire-screenshot-'));
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the server did not start within 10 s')), 10_000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /inspector: (http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
    timeout: 30_000,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Send batch' }).click();
  await page.getByTestId('answer-status').getByText('200').waitFor({ timeout: 10_000 });
  await page
    .getByTestId('journal-entry')
    .first()
    .getByText(/200 · 11 items/)
    .waitFor({ timeout: 5_000 });
  await page.getByTestId('journal-entry').first().click();
  await page.getByTestId('timeline-row').nth(10).click();
  await page.getByTestId('dispatched-url').waitFor({ timeout: 5_000 });
  await page.screenshot({ path: OUT });
  await context.close();
  process.stdout.write(`wrote ${OUT}\n`);
} finally {
  server.kill('SIGTERM');
  await rm(profile, { recursive: true, force: true });
}
