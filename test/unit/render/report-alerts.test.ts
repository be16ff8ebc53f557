/**
 * A report's alerts on its own page and in its JSON: the recent deliveries
 * (rule, when, delivered or failing) and its issue's mute state with the form
 * that flips it — the same facts in both, from the same read.
 */

import { REPORT_ALERTS_SHOWN, reportAlerts, setIssueMute } from '#lib/alerts/service';
import { Report as ReportSchema } from '#lib/contracts/answers';
import { renderReport, reportAlertsSection } from '#lib/render/index';
import { reportView } from '#lib/service/views';
import type { Delivery } from '#lib/store/alert-ports';
import { MemoryAlertStore } from '#lib/store/memory/alerts';
import { memoryStores } from '#lib/store/memory/index';
import { makeReport, NOW } from './fixtures.ts';

const report = makeReport();

let made = 0;
function delivery(over: Partial<Delivery> = {}): Delivery {
  made += 1;
  const createdAt = new Date(NOW.getTime() - (60 - made) * 60_000).toISOString();
  return {
    deliveryId: `al_${made}.ops`,
    alertId: `al_${made}`,
    rule: 'db-<errors>',
    kind: 'new',
    destination: 'ops',
    reportKey: report.reportKey,
    reportId: report.reportId,
    issueId: report.issueId,
    type: report.type,
    createdAt,
    state: 'delivered',
    attempts: 1,
    nextAttemptAt: createdAt,
    deliveredAt: createdAt,
    ...over,
  };
}

async function storeWith(deliveries: Delivery[]): Promise<MemoryAlertStore> {
  const alerts = new MemoryAlertStore();
  for (const d of deliveries) expect(await alerts.create(d)).toBe(true);
  return alerts;
}

describe("a report's alerts", () => {
  it('shows the recent deliveries with rule, time and outcome, and a mute form that returns to the page', async () => {
    const alerts = await storeWith([
      delivery({ rule: 'new-errors' }),
      delivery({ rule: 'db-surge', kind: 'surge', state: 'failing', attempts: 6, lastError: 'HTTP 503' }),
      delivery({ rule: 'lost-race', state: 'void' }),
    ]);
    const view = await reportAlerts(alerts, report);
    const section = reportAlertsSection(view, NOW).text;

    expect(section).toContain('new-errors <span class="muted small">(new report)</span>');
    expect(section).toContain('<strong>delivered</strong>');
    expect(section).toContain('db-surge <span class="muted small">(surge)</span>');
    expect(section).toContain('<strong>failing</strong> · HTTP 503');
    expect(section).not.toContain('lost-race');
    expect(section.indexOf('db-surge')).toBeLessThan(section.indexOf('new-errors'));
    expect(section).toMatch(/<time datetime="[^"]+"[^>]*>/);
    expect(section).toContain(`action="/issues/${report.issueId}/mute"`);
    expect(section).toContain('name="muted" value="true"');
    expect(section).toContain('name="back" value="report"');
    expect(section).toContain('Mute alerts');

    const page = renderReport(report, NOW, undefined, reportAlertsSection(view, NOW));
    expect(page).toContain('<section aria-labelledby="alerts-h" id="alerts">');
    expect(renderReport(report, NOW)).not.toContain('id="alerts"');
  });

  it('says the issue is muted, offers to unmute, and gives the JSON view the same facts', async () => {
    const alerts = await storeWith([delivery({ state: 'muted', deliveredAt: undefined })]);
    const stores = memoryStores(() => NOW).stores;
    expect(await stores.reports.create(report)).toBe(true);
    await setIssueMute(stores, alerts, report.issueId, true, NOW);

    const view = await reportAlerts(alerts, report);
    const section = reportAlertsSection(view, NOW).text;
    expect(section).toContain('<strong id="muted-state">Muted:</strong>');
    expect(section).toContain('name="muted" value="false"');
    expect(section).toContain('Unmute alerts');

    const answer = ReportSchema.parse(reportView(report, undefined, view));
    expect(answer.alerts).toEqual({
      muted: true,
      recent: [expect.objectContaining({ rule: 'db-<errors>', state: 'muted', deliveredAt: null })],
      more: false,
      links: { all: `/alerts?issueId=${report.issueId}`, mute: `/issues/${report.issueId}/mute` },
    });
    expect(reportView(report)).not.toHaveProperty('alerts');
  });

  it(`shows the ${REPORT_ALERTS_SHOWN} most recent and links to the rest`, async () => {
    const alerts = await storeWith(
      Array.from({ length: REPORT_ALERTS_SHOWN + 2 }, (_, i) => delivery({ rule: `rule-${i}` })),
    );
    const view = await reportAlerts(alerts, report);
    expect(view.recent.map((d) => d.rule)).toEqual(
      Array.from({ length: REPORT_ALERTS_SHOWN }, (_, i) => `rule-${REPORT_ALERTS_SHOWN + 1 - i}`),
    );
    expect(view.more).toBe(true);
    expect(reportAlertsSection(view, NOW).text).toContain(`href="/alerts?issueId=${report.issueId}"`);
  });

  it('says so when no alert was raised, and escapes what it shows', async () => {
    const none = reportAlertsSection(await reportAlerts(await storeWith([]), report), NOW).text;
    expect(none).toContain('No alerts for this report.');
    const named = await reportAlerts(await storeWith([delivery({ destination: '<ops>' })]), report);
    const text = reportAlertsSection(named, NOW).text;
    expect(text).toContain('&lt;ops&gt;');
    expect(text).not.toContain('<ops>');
  });
});
