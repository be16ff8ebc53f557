/**
 * Merging and unmerging reports from their pages, in Debian's chromium driven
 * by playwright-core against the real local stack, script disabled: the forms
 * are plain posts. Any console error fails the test; a failing test leaves a
 * screenshot in test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Stack, startStack } from '../helpers/stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = join(__dirname, '..', '..', 'test-results');

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack({
    env: {
      FINGERPRINT_RULES: JSON.stringify([{ fingerprint: 'license server down', message: '*license*' }]),
    },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function step(name: string, body: () => Promise<void>, timeout = 60_000) {
  it(
    name,
    async () => {
      try {
        await body();
        expect(consoleErrors).toEqual([]);
      } catch (error) {
        mkdirSync(RESULTS, { recursive: true });
        const file = join(RESULTS, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => {});
        throw new Error(`${(error as Error).message}\n(screenshot: ${file})`);
      }
    },
    timeout,
  );
}

async function postLog(body: string): Promise<{ reportId: string; occurrences: number }> {
  const response = await fetch(`${stack.url}/logs`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain', accept: 'application/json' },
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as { reportId: string; occurrences: number };
}

async function visit(path: string): Promise<void> {
  const response = await page.goto(`${stack.url}${path}`);
  expect(response?.status()).toBe(200);
}

async function navigate(selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

const occurrencesShown = async () => page.locator('dl.facts dt:text-is("Occurrences") + dd').innerText();

describe('grouping corrections in a browser', () => {
  let kept: { reportId: string };
  let merged: { reportId: string };

  beforeAll(async () => {
    kept = await postLog('INFO sync begins\nERROR sync of album 4411 failed: remote closed the stream\n');
    await postLog('INFO sync begins\nERROR sync of album 93 failed: remote closed the stream\n');
    merged = await postLog('WARNING sync of playlist 7 stalled: remote stopped answering\n');
  });

  step('merges a report into another with the form on its page', async () => {
    await visit(`/logs/extracted/${merged.reportId}`);
    await page.fill('#merge-into', kept.reportId);
    await navigate('#merge-form button[type=submit]');
    // Redirected to the kept report, which now counts both and names the merged one.
    expect(new URL(page.url()).pathname).toBe(`/logs/extracted/${kept.reportId}`);
    expect(await occurrencesShown()).toBe('3');
    expect(await page.locator('ul.merged-sources').innerText()).toContain(merged.reportId);

    await visit('/');
    const listed = await page
      .locator('table tbody a[href^="/logs/extracted/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed).toContain(`/logs/extracted/${kept.reportId}`);
    expect(listed).not.toContain(`/logs/extracted/${merged.reportId}`);
  });

  step("says on the merged report's page where it went, and counts there", async () => {
    await postLog('WARNING sync of playlist 12 stalled: remote stopped answering\n');
    await visit(`/logs/extracted/${merged.reportId}`);
    const notice = page.locator('#merged-notice');
    expect(await notice.innerText()).toContain(`Merged into report ${kept.reportId}`);
    await navigate(`#merged-notice a[href="/logs/extracted/${kept.reportId}"]`);
    expect(await occurrencesShown()).toBe('4');
  });

  step('shows the merge in the history of the kept issue', async () => {
    await visit(`/logs/extracted/${kept.reportId}`);
    await navigate('.actions a[href^="/issues/"]');
    expect(await page.locator('ol.timeline').innerText()).toMatch(
      new RegExp(`Report merged into this one \\(report ${merged.reportId}\\)`),
    );
  });

  step('unmerges with the button, and the report counts on its own again', async () => {
    await visit(`/logs/extracted/${merged.reportId}`);
    await navigate('#merged-notice button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(`/logs/extracted/${merged.reportId}`);
    expect(await page.locator('#merged-notice').count()).toBe(0);
    expect(await occurrencesShown()).toBe('1');
    await postLog('WARNING sync of playlist 30 stalled: remote stopped answering\n');
    await page.reload();
    expect(await occurrencesShown()).toBe('2');
  });

  step('answers a merge into an unknown report with an error page, not a crash', async () => {
    await visit(`/logs/extracted/${merged.reportId}`);
    await page.fill('#merge-into', '000999999');
    const [response] = await Promise.all([
      page.waitForEvent('response', (r) => r.request().method() === 'POST'),
      page.click('#merge-form button[type=submit]'),
    ]);
    await page.waitForLoadState('load');
    expect(response.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/404/);
    // The browser reports the 404 it was answered, as it must: that one message is expected.
    const expected = consoleErrors.filter((m) => m.includes('status of 404'));
    expect(expected).toHaveLength(1);
    consoleErrors.splice(consoleErrors.indexOf(expected[0]!), 1);
  });

  step('says which fingerprint rule grouped a report', async () => {
    const a = await postLog('ERROR license check for seat 12 failed: server did not answer\n');
    const b = await postLog('WARNING feature export disabled: license lease expired\n');
    expect(b.reportId).toBe(a.reportId);
    await visit(`/logs/extracted/${a.reportId}`);
    expect(await page.locator('#fingerprint-rule').innerText()).toContain('license server down');
  });
});
