/**
 * The browser harness every browser test shares: Debian's chromium (never a
 * downloaded browser) driven by playwright-core against a real local stack.
 * Pages load with script disabled — the UI must work without it — and any
 * console error or warning (a CSP violation shows as one) fails the step. A
 * failing step leaves a full-page screenshot in test-results/.
 *
 *   const ui = withBrowser({ env: { … } });   // registers beforeAll/afterAll
 *   ui.step('does a thing', async () => { await ui.visit('/'); … });
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Stack, type StackOptions, startStack } from './stack.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = join(__dirname, '..', '..', 'test-results');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface BrowserHarness {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and warnings and page errors seen so far; a step fails unless it is empty. */
  readonly consoleErrors: string[];
  /** An `it` that also fails on console errors and keeps a screenshot when it fails. */
  step(name: string, body: () => Promise<void>, timeout?: number): void;
  /** Loads a path of the stack and expects a 200. */
  visit(path: string): Promise<void>;
  /** Clicks something that navigates (a link, a form button) and waits for the new page to load. */
  navigate(selector: string): Promise<void>;
}

/** Launches chromium the way every browser test does. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/**
 * Starts a stack and a browser in beforeAll, stops both in afterAll. A
 * function for `options` is called then, so it can name what an earlier
 * beforeAll set up (a receiver's address).
 */
export function withBrowser(options: StackOptions | (() => StackOptions) = {}): BrowserHarness {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    stack = await startStack(typeof options === 'function' ? options() : options);
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`withBrowser(): ${name} is used before beforeAll ran`);
    return value;
  };

  const harness: BrowserHarness = {
    get stack() {
      return started(stack, 'the stack');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get context() {
      return started(context, 'the context');
    },
    get page() {
      return started(page, 'the page');
    },
    consoleErrors,
    step(name, body, timeout = 60_000) {
      it(
        name,
        async () => {
          try {
            await body();
            expect(consoleErrors).toEqual([]);
          } catch (error) {
            mkdirSync(RESULTS, { recursive: true });
            const file = join(RESULTS, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
            await page?.screenshot({ path: file, fullPage: true }).catch(() => {});
            throw new Error(`${(error as Error).message}\n(screenshot: ${file})`);
          }
        },
        timeout,
      );
    },
    async visit(path) {
      const response = await harness.page.goto(`${harness.stack.url}${path}`);
      expect(response?.status()).toBe(200);
    },
    async navigate(selector) {
      const current = harness.page;
      await Promise.all([current.waitForEvent('framenavigated'), current.click(selector)]);
      await current.waitForLoadState('load');
    },
  };
  return harness;
}
