/** GET /logs/extracted/{reportId} — the failure lines of a report, beside its normalised signature (and its alerts, where rules are configured). */
import { reportAlerts } from '#lib/alerts/service';
import { edge } from '#lib/edge';
import { notFound } from '#lib/http/errors';
import { parseLogId } from '#lib/http/ids';
import { html, json, text } from '#lib/http/respond';
import { renderReport, reportAlertsSection } from '#lib/render/index';
import { firstLogState } from '#lib/service/lifecycle';
import { reportView } from '#lib/service/views';

export const handler = edge('getExtract', async (req, { config, stores, alerts }) => {
  const reportId = parseLogId(req.params['reportId'], 'report id');
  const report = await stores.reports.getByReportId(reportId);
  if (!report) throw notFound(`no report ${reportId}`);
  const now = new Date();
  if (!req.wantsJson && !req.prefersHtml) return text(200, `${report.extract}\n`);
  const firstLog = await firstLogState(stores, report, config.lifecycle.retentionDays, now);
  // Without rules there is nothing to show or mute.
  const alerting = alerts && config.alerts.rules.length > 0 ? await reportAlerts(alerts, report) : undefined;
  if (req.wantsJson) return json(200, reportView(report, firstLog, alerting));
  return html(200, renderReport(report, now, firstLog, alerting ? reportAlertsSection(alerting, now) : ''));
});
