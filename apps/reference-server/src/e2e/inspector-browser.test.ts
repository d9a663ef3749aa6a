import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { peakOverlap } from '@batchwire/inspector';
import { browserAvailable, launchChromium, type TestBrowser } from '@batchwire/test-support';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../test-support/axe.js';
import { killIfRunning, listeningUrl, type SpawnedCli, spawnCli } from '../test-support/spawn-cli.js';

const run = browserAvailable('the inspector browser test') ? describe : describe.skip;
const SHOTS = new URL('../../coverage/inspector/', import.meta.url);

/** The bars of the open timeline, by row index (rows that never ran have none). */
async function bars(page: Page): Promise<Map<number, { start: number; end: number }>> {
  const found = new Map<number, { start: number; end: number }>();
  const rows = page.getByTestId('timeline-row');
  for (let index = 0; index < (await rows.count()); index++) {
    const bar = rows.nth(index).getByTestId('bar');
    if ((await bar.count()) === 0) continue;
    found.set(index, {
      start: Number(await bar.getAttribute('data-start')),
      end: Number(await bar.getAttribute('data-end')),
    });
  }
  return found;
}

run('the batch inspector in headless Chromium', () => {
  let cli: SpawnedCli;
  let origin = '';
  let inspectorUrl = '';
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cli = spawnCli(['--port', '0', '--log-level', 'silent', '--max-concurrency', '4']);
    origin = (await listeningUrl(cli)).origin;
    inspectorUrl = /inspector: (http:\/\/\S+)/.exec(cli.stdout())?.[1] ?? '';
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    if (cli !== undefined) killIfRunning(cli);
  });

  it('the startup line names the inspector, which opens on the playground with a valid demo batch', async () => {
    expect(inspectorUrl).toBe(`${origin}/_batchwire/`);
    await page.goto(inspectorUrl);
    await page.getByRole('heading', { name: 'Playground' }).waitFor({ timeout: 10_000 });
    await page.getByText('Valid envelope: 11 inner requests.').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: new URL('playground.png', SHOTS).pathname, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('validates as you type, naming the JSON Pointer and rule of each error', async () => {
    const editor = page.locator('#envelope');
    const original = await editor.inputValue();
    await editor.fill(original.replace('"id":"d1"', '"id":"d0"'));
    await page.getByTestId('envelope-error').first().waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('envelope-error').allInnerTexts()).toContainEqual(
      expect.stringContaining('/requests/1/id id.duplicate'),
    );
    // Each error links to where its pointer is in the editor, and selects it there.
    await page
      .getByTestId('envelope-error')
      .first()
      .getByRole('button', { name: /^line \d+, column \d+$/ })
      .click();
    const selected = await editor.evaluate((element) => {
      const area = element as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selected).toBe('"d0"');
    await editor.fill(original);
    await page.getByText('Valid envelope: 11 inner requests.').waitFor({ timeout: 5_000 });
  });

  it('a batch sent from the playground appears live and its timeline shows what ran when', async () => {
    await page.getByRole('button', { name: 'Send batch' }).click();
    await page.getByTestId('answer-status').getByText('200').waitFor({ timeout: 10_000 });
    // No reload: the entry arrives over Server-Sent Events.
    const entry = page.getByTestId('journal-entry').first();
    await entry.getByText(/200 · 11 items/).waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'open the newest batch' }).click();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('timeline-row').count()).toBe(11);
    const found = await bars(page);
    expect(found.size).toBe(11);
    const peak = peakOverlap([...found.values()]);
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThanOrEqual(2);
    const dependency = found.get(3);
    const dependent = found.get(10);
    expect(dependent?.start).toBeGreaterThanOrEqual(dependency?.end ?? Number.POSITIVE_INFINITY);
    expect(await page.getByTestId('concurrency').textContent()).toContain('of at most 4');

    await page.getByTestId('timeline-row').nth(10).click();
    const url = (await page.getByTestId('dispatched-url').textContent()) ?? '';
    expect(url).toMatch(/^GET \/_conformance\/echo\?waitedUntil=\d{13}$/);
    await page.screenshot({ path: new URL('timeline.png', SHOTS).pathname, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a batch sent with curl appears in the open page within a second', async () => {
    const before = await page.getByTestId('journal-entry').count();
    await promisify(execFile)('curl', [
      '-sS',
      `${origin}/batch`,
      '-H',
      'content-type: application/json',
      '--data-binary',
      JSON.stringify({
        requests: [
          { id: 'fails', method: 'GET', url: '/_conformance/status/500' },
          { id: 'skipped', method: 'GET', url: '/_conformance/status/200', dependsOn: ['fails'] },
        ],
      }),
    ]);
    const sent = Date.now();
    await expect
      .poll(() => page.getByTestId('journal-entry').count(), { timeout: 1_000, interval: 20 })
      .toBeGreaterThan(before);
    expect(Date.now() - sent).toBeLessThan(1_000);
    await page.getByTestId('journal-entry').first().click();
    await page.getByTestId('never-ran').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('never-ran').textContent()).toMatch(/^424 not run: .*fails/);
    await page.getByTestId('timeline-row').nth(1).click();
    await page
      .getByRole('link', { name: /^req-depends-\d+$/ })
      .first()
      .waitFor({ timeout: 5_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows a streamed batch as streamed, and binary bodies as base64', async () => {
    const response = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ requests: [{ id: 'bytes', method: 'GET', url: '/_conformance/bytes/6' }] }),
    });
    expect((await response.text()).trim().split('\n')).toHaveLength(2);
    const entry = page.getByTestId('journal-entry').first();
    await entry.getByText(/1 item · .* · streamed$/).waitFor({ timeout: 5_000 });
    await entry.click();
    await page.getByTestId('timeline-row').first().click();
    await page.getByText('base64, 6 bytes decoded').waitFor({ timeout: 5_000 });
    expect(await page.getByText('AAECAwQF').count()).toBe(1);
  });

  it('works from the keyboard alone: views, journal entries and timeline rows', async () => {
    await page.getByRole('button', { name: 'Playground' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Playground' }).waitFor({ timeout: 5_000 });
    await page.getByTestId('journal-entry').filter({ hasText: '1 failed' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor({ timeout: 5_000 });
    await page.getByTestId('timeline-row').first().focus();
    await page.keyboard.press('Space');
    await page.getByRole('heading', { name: 'Item fails' }).waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('item-status').textContent()).toBe('500');
  });

  it('is readable in dark mode without serious accessibility violations', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: new URL('timeline-dark.png', SHOTS).pathname, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Playground' }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('serves the OpenAPI document next to the UI', async () => {
    const response = await fetch(`${inspectorUrl}openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/batch']);
  });
});
