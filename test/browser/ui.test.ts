/**
 * The browser face, end to end: Debian's chromium (never a downloaded browser)
 * driven by playwright-core against the real local stack. Every page is loaded
 * with script disabled — the UI must work without it — and any console error
 * (a CSP violation shows as one) fails the test. A failing test leaves a
 * screenshot in test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, withBrowser } from '../helpers/browser.ts';

const ui = withBrowser();
const { step, visit, navigate, consoleErrors } = ui;

async function postLog(body: string): Promise<{ logId: string; reportId: string; issueId: string }> {
  const response = await fetch(`${ui.stack.url}/logs`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain' },
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as { logId: string; reportId: string; issueId: string };
}

const CRASH = [
  'INFO starting worker',
  'Traceback (most recent call last):',
  '  File "/srv/app/worker.py", line 42, in run',
  '    handle(job)',
  '  File "/srv/app/jobs.py", line 7, in handle',
  '    raise KeyError(job.id)',
  'KeyError: 91823',
  '',
].join('\n');
const WARNING = 'INFO ok\nWARNING disk usage above 91% on /var/lib/quokka\n';
const ERROR = 'INFO ok\nERROR payment gateway refused the zebra-sandwich token\n';

/** The text of the rows of the page's one list table. */
const rows = () => ui.page.locator('table tbody tr').allInnerTexts();

describe('logsift in a browser', () => {
  let crash: Awaited<ReturnType<typeof postLog>>;
  let warning: Awaited<ReturnType<typeof postLog>>;

  beforeAll(async () => {
    crash = await postLog(CRASH);
    await postLog(CRASH);
    warning = await postLog(WARNING);
    await postLog(ERROR);
  });

  step('lists the reports with types, counts, relative times and sparklines', async () => {
    await visit('/');
    expect(await ui.page.title()).toBe('Reports · logsift');
    const crashRow = ui.page.locator('tbody tr', {
      has: ui.page.locator(`a[href="/logs/extracted/${crash.reportId}"]`),
    });
    await expect(crashRow.count()).resolves.toBe(1);
    const cells = await crashRow.locator('td').allInnerTexts();
    // Each row leads with what failed and where (title, culprit), as Sentry's do.
    expect(cells[0]).toMatch(/^KeyError: <\*>\n.*\(jobs\.py\)$/);
    expect(cells[1]).toMatch(/^C/);
    expect(cells[2]).toBe('2');
    expect(cells[3]).toBe('just now');
    expect(await crashRow.locator('svg.spark').getAttribute('aria-label')).toBe(
      '2 occurrences in the last 14 days',
    );
    expect(await ui.page.locator('caption').innerText()).toMatch(/^3 reports/);
    // table headers for screen readers, a label for every control
    expect(await ui.page.locator('thead th[scope="col"]').count()).toBe(8);
    for (const id of await ui.page
      .locator('form.filters select, form.filters input:not([type=hidden])')
      .evaluateAll((els) => els.map((e) => e.id))) {
      expect(await ui.page.locator(`label[for="${id}"]`).count()).toBe(1);
    }
  });

  step('searches, filters by type and sorts', async () => {
    await visit('/');
    await ui.page.fill('#f-q', 'zebra-sandwich');
    await navigate('form.filters button[type=submit]');
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toContain('E');
    await expect(ui.page.locator('caption').innerText()).resolves.toMatch(/^1 report matching the filters/);

    await visit('/');
    await ui.page.selectOption('#f-type', 'W');
    await navigate('form.filters button[type=submit]');
    const onlyWarnings = await rows();
    expect(onlyWarnings).toHaveLength(1);
    expect(onlyWarnings[0]).toContain(warning.reportId);
    expect(await ui.page.locator('caption').innerText()).toBe('1 report matching the filters');

    await visit('/?sort=occurrences');
    expect((await rows())[0]).toContain(crash.reportId);
    await navigate('a:has-text("Occurrences")');
    expect(ui.page.url()).toContain('order=asc');
    expect((await rows()).at(-1)).toContain(crash.reportId);
  });

  step('pages through the list with the Next link', async () => {
    await visit('/?limit=2');
    const first = await rows();
    expect(first).toHaveLength(2);
    expect(await ui.page.locator('caption').innerText()).toBe('3 reports, 2 on this page');
    await navigate('a[rel="next"]');
    const second = await rows();
    expect(second).toHaveLength(1);
    expect(await ui.page.locator('caption').innerText()).toBe('3 reports, 1 on this page');
    expect(second[0]).not.toBe(first[0]);
    await navigate('a:has-text("First page")');
    expect(await rows()).toEqual(first);
  });

  step('follows links both ways between report, issue and log pages', async () => {
    await visit('/');
    await navigate(`a[href="/logs/extracted/${crash.reportId}"]`);
    expect(await ui.page.locator('h1').innerText()).toContain(`Report ${crash.reportId}`);
    expect(await ui.page.locator('p.headline .title').innerText()).toBe('KeyError: <*>');
    expect(await ui.page.locator('pre').first().innerText()).toContain('KeyError: 91823');

    await navigate(`a[href="/issues/${crash.issueId}"]`);
    expect(await ui.page.locator('h1').innerText()).toMatch(new RegExp(`Issue ${crash.issueId}\\s+Ghost`));
    await navigate(`main a[href="/logs/extracted/${crash.reportId}"] >> nth=0`);
    expect(ui.page.url()).toBe(`${ui.stack.url}/logs/extracted/${crash.reportId}`);

    await navigate('a:has-text("First log")');
    expect(ui.page.url()).toBe(`${ui.stack.url}/logs/${crash.reportId}`);
    expect(await ui.page.locator('h1').innerText()).toContain(`Log ${crash.reportId}`);
    expect(await ui.page.locator('pre').innerText()).toContain('File "/srv/app/jobs.py", line 7');
    await navigate(`main dd a[href="/issues/${crash.issueId}"]`);
    expect(ui.page.url()).toBe(`${ui.stack.url}/issues/${crash.issueId}`);
    await ui.page.goBack({ waitUntil: 'load' });
    await navigate(`main dd a[href="/logs/extracted/${crash.reportId}"]`);
    expect(ui.page.url()).toBe(`${ui.stack.url}/logs/extracted/${crash.reportId}`);

    const raw = await ui.page.request.get(`${ui.stack.url}/logs/${crash.reportId}?format=text`);
    expect(raw.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(await raw.text()).toBe(CRASH);
  });

  let filed = '';

  step('files a bug through the form with an uploaded log, and sees it listed', async () => {
    await visit('/issues/new');
    await ui.page.setInputFiles('#file', {
      name: 'checkout.log',
      mimeType: 'text/plain',
      buffer: Buffer.from('INFO cart\nERROR checkout failed: inventory service timed out after 30s\n'),
    });
    await ui.page.fill('#summary', 'Checkout fails when the inventory service is slow');
    await navigate('main button[type=submit]');
    filed = /\/issues\/(\d{6})$/.exec(ui.page.url())![1]!;
    expect(await ui.page.locator('h1').innerText()).toMatch(/Open/);
    expect(await ui.page.locator('p.summary').first().innerText()).toBe(
      'Checkout fails when the inventory service is slow',
    );
    expect(await ui.page.locator('#history-h + ol').innerText()).toMatch(/Report created/);

    await navigate('header a:has-text("Issues")');
    const listed = await rows();
    expect(listed.some((r) => r.includes(filed) && r.includes('Checkout fails'))).toBe(true);
  });

  step('closes the bug through the form and sees it move to the closed filter', async () => {
    await visit(`/issues/${filed}`);
    await navigate('button:has-text("Close issue")');
    expect(await ui.page.locator('h1 .badge').first().innerText()).toBe('Closed');
    expect(await ui.page.locator('#history-h + ol').innerText()).toMatch(/Closed/);

    await visit('/issues');
    await ui.page.selectOption('#f-status', 'closed');
    await navigate('form.filters button[type=submit]');
    expect((await rows()).some((r) => r.includes(filed))).toBe(true);
    await visit('/issues?status=open');
    expect((await rows()).some((r) => r.includes(filed))).toBe(false);
  });

  step('shows a regression in the issue history when the failure comes back', async () => {
    await postLog('INFO cart\nERROR checkout failed: inventory service timed out after 12s\n');
    await visit(`/issues/${filed}`);
    expect(await ui.page.locator('h1').innerText()).toMatch(/Open\s+regressed/);
    const history = await ui.page.locator('#history-h + ol li').allInnerTexts();
    expect(history.map((h) => h.split(/\s{2,}|\n| just now| \d+ \w+ ago/)[0]!.trim())).toEqual([
      'Report created',
      'Closed',
      'Seen again after closing (regressed)',
    ]);
    await visit('/issues?status=open');
    expect((await rows()).some((r) => r.includes(filed) && r.includes('regressed'))).toBe(true);
  });

  step('files a bug against a known report from its ghost issue page', async () => {
    await visit(`/issues/${warning.issueId}`);
    await ui.page.fill('main textarea[name=summary]', 'Disk fills up on the quokka host');
    await navigate('main form button:has-text("File bug")');
    expect(await ui.page.locator('h1').innerText()).toMatch(/Open/);
    expect(await ui.page.locator('#history-h + ol').innerText()).toMatch(/Filed as a bug/);
  });

  let tagged = '';

  step('shows a tags panel on a report page whose values lead to the filtered list', async () => {
    const records = ['pay-1', 'pay-2', 'pay-1'].map((hostname, i) =>
      JSON.stringify({
        level: 'error',
        logger: 'billing.charges',
        msg: `charge ${i} refused by the card network`,
        service: 'billing',
        env: 'production',
        hostname,
      }),
    );
    const sent = await fetch(`${ui.stack.url}/logs`, {
      method: 'POST',
      body: `${records.join('\n')}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const { reports } = (await sent.json()) as { reports: Array<{ reportId: string }> };
    expect(reports).toHaveLength(1);
    tagged = reports[0]!.reportId;
    await visit(`/logs/extracted/${reports[0]!.reportId}`);
    const panel = ui.page.locator('section#tags');
    expect(await panel.isVisible()).toBe(true);
    const host = ui.page.locator('section[aria-label="Host"] li');
    expect((await host.allInnerTexts()).map((t) => t.split(/\s+/))).toEqual([
      ['pay-1', '2'],
      ['pay-2', '1'],
    ]);
    expect(await ui.page.locator('section[aria-label="Service"] li').innerText()).toMatch(/^billing\s+3$/);
    await navigate('section[aria-label="Service"] a:has-text("billing")');
    expect(ui.page.url()).toBe(`${ui.stack.url}/?service=billing`);
    expect(await ui.page.locator('#f-service').inputValue()).toBe('billing');
    const listed = await rows();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain(reports[0]!.reportId);
    await expect(ui.page.locator('caption').innerText()).resolves.toMatch(/^1 report matching the filters/);
  });

  step('reads well on a phone (390 px): no sideways page scroll, screenshots kept', async () => {
    const phone = await ui.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const small = await phone.newPage();
    small.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    try {
      mkdirSync(RESULTS, { recursive: true });
      for (const [path, name] of [
        ['/', 'phone-reports'],
        ['/issues', 'phone-issues'],
        [`/issues/${filed}`, 'phone-issue'],
        [`/logs/extracted/${crash.reportId}`, 'phone-report'],
        [`/logs/extracted/${tagged}`, 'phone-report-tags'],
      ] as const) {
        expect((await small.goto(`${ui.stack.url}${path}`))?.status()).toBe(200);
        const width = await small.evaluate<number>('document.documentElement.scrollWidth');
        expect({ path, width }).toEqual({ path, width: 390 });
        await small.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
      }
    } finally {
      await phone.close();
    }
  });
});
