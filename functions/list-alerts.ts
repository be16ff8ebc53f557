/** GET /alerts — recent alert deliveries (`?issueId=` for one issue's, with its mute). */
import { alertsOfIssue, recentAlerts } from '#lib/alerts/service';
import { edge } from '#lib/edge';
import { parseIssueId } from '#lib/http/ids';
import { html, json } from '#lib/http/respond';
import { renderAlertList } from '#lib/render/index';

export const handler = edge('listAlerts', async (req, { stores, alerts }) => {
  const raw = req.query['issueId'];
  if (raw !== undefined) {
    const issue = await alertsOfIssue(stores, alerts, parseIssueId(raw));
    if (req.wantsJson) return json(200, { items: issue.deliveries, muted: issue.muted });
    return html(200, renderAlertList(issue.deliveries, new Date()));
  }
  const items = await recentAlerts(alerts);
  if (req.wantsJson) return json(200, { items });
  return html(200, renderAlertList(items, new Date()));
});
