/**
 * Merging and unmerging reports from their pages, in Debian's chromium driven
 * by playwright-core against the real local stack, script disabled: the forms
 * are plain posts. Any console error fails the test; a failing test leaves a
 * screenshot in test-results/.
 */
import { withBrowser } from '../helpers/browser.ts';

const ui = withBrowser({
  env: {
    FINGERPRINT_RULES: JSON.stringify([{ fingerprint: 'license server down', message: '*license*' }]),
  },
});
const { step, visit, navigate, consoleErrors } = ui;

async function postLog(body: string): Promise<{ reportId: string; occurrences: number }> {
  const response = await fetch(`${ui.stack.url}/logs`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain', accept: 'application/json' },
  });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as { reportId: string; occurrences: number };
}

const occurrencesShown = async () => ui.page.locator('dl.facts dt:text-is("Occurrences") + dd').innerText();

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
    await ui.page.fill('#merge-into', kept.reportId);
    await navigate('#merge-form button[type=submit]');
    // Redirected to the kept report, which now counts both and names the merged one.
    expect(new URL(ui.page.url()).pathname).toBe(`/logs/extracted/${kept.reportId}`);
    expect(await occurrencesShown()).toBe('3');
    expect(await ui.page.locator('ul.merged-sources').innerText()).toContain(merged.reportId);

    await visit('/');
    const listed = await ui.page
      .locator('table tbody a[href^="/logs/extracted/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(listed).toContain(`/logs/extracted/${kept.reportId}`);
    expect(listed).not.toContain(`/logs/extracted/${merged.reportId}`);
  });

  step("says on the merged report's page where it went, and counts there", async () => {
    await postLog('WARNING sync of playlist 12 stalled: remote stopped answering\n');
    await visit(`/logs/extracted/${merged.reportId}`);
    const notice = ui.page.locator('#merged-notice');
    expect(await notice.innerText()).toContain(`Merged into report ${kept.reportId}`);
    await navigate(`#merged-notice a[href="/logs/extracted/${kept.reportId}"]`);
    expect(await occurrencesShown()).toBe('4');
  });

  step('shows the merge in the history of the kept issue', async () => {
    await visit(`/logs/extracted/${kept.reportId}`);
    await navigate('.actions a[href^="/issues/"]');
    expect(await ui.page.locator('ol.timeline').innerText()).toMatch(
      new RegExp(`Report merged into this one \\(report ${merged.reportId}\\)`),
    );
  });

  step('unmerges with the button, and the report counts on its own again', async () => {
    await visit(`/logs/extracted/${merged.reportId}`);
    await navigate('#merged-notice button[type=submit]');
    expect(new URL(ui.page.url()).pathname).toBe(`/logs/extracted/${merged.reportId}`);
    expect(await ui.page.locator('#merged-notice').count()).toBe(0);
    expect(await occurrencesShown()).toBe('1');
    await postLog('WARNING sync of playlist 30 stalled: remote stopped answering\n');
    await ui.page.reload();
    expect(await occurrencesShown()).toBe('2');
  });

  step('answers a merge into an unknown report with an error page, not a crash', async () => {
    await visit(`/logs/extracted/${merged.reportId}`);
    await ui.page.fill('#merge-into', '000999999');
    const [response] = await Promise.all([
      ui.page.waitForEvent('response', (r) => r.request().method() === 'POST'),
      ui.page.click('#merge-form button[type=submit]'),
    ]);
    await ui.page.waitForLoadState('load');
    expect(response.status()).toBe(404);
    expect(await ui.page.locator('h1').innerText()).toMatch(/404/);
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
    expect(await ui.page.locator('#fingerprint-rule').innerText()).toContain('license server down');
  });
});
