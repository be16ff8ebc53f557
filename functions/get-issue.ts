/** GET /issues/{issueId} — one issue, ghosts included. */
import { edge } from '#lib/edge';
import { parseIssueId } from '#lib/http/ids';
import { html, json } from '#lib/http/respond';
import { renderIssue } from '#lib/render/index';
import { findIssue } from '#lib/service/issues';
import { firstLogState } from '#lib/service/lifecycle';
import { issueView } from '#lib/service/views';

export const handler = edge('getIssue', async (req, { config, stores }) => {
  const report = await findIssue(stores, parseIssueId(req.params['issueId']));
  const now = new Date();
  const firstLog = await firstLogState(stores, report, config.lifecycle.retentionDays, now);
  if (req.wantsJson) return json(200, issueView(report, firstLog));
  return html(200, renderIssue(report, now, firstLog));
});
