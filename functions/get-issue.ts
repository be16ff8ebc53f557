/** GET /issues/{issueId} — one issue, ghosts included (its page with the alerts sent for it). */
import { alertsOfReport } from '#lib/alerts/service';
import { edge } from '#lib/edge';
import { parseIssueId } from '#lib/http/ids';
import { html, json } from '#lib/http/respond';
import { alertsSection, renderIssue } from '#lib/render/index';
import { paths } from '#lib/routes';
import { findIssue } from '#lib/service/issues';
import { firstLogState } from '#lib/service/lifecycle';
import { issueView } from '#lib/service/views';

export const handler = edge('getIssue', async (req, { stores, alerts, config }) => {
  const report = await findIssue(stores, parseIssueId(req.params['issueId']));
  const now = new Date();
  const firstLog = await firstLogState(stores, report, config.lifecycle.retentionDays, now);
  if (req.wantsJson) return json(200, issueView(report, firstLog));
  // Without rules there is nothing to show or mute.
  const section =
    alerts && config.alerts.rules.length > 0
      ? await alertsOfReport(alerts, report.reportKey, report.reportId, report.issueId).then((found) =>
          alertsSection(found.deliveries, found.muted, now, paths.issueMute(report.issueId)),
        )
      : '';
  return html(200, renderIssue(report, now, section, firstLog));
});
