/** GET /issues/{issueId} — one issue, ghosts included. */
import { edge } from '#lib/edge';
import { parseIssueId } from '#lib/http/ids';
import { html, json } from '#lib/http/respond';
import { renderIssue } from '#lib/render/index';
import { findIssue } from '#lib/service/issues';
import { issueView } from '#lib/service/views';

export const handler = edge('getIssue', async (req, { stores }) => {
  const report = await findIssue(stores, parseIssueId(req.params['issueId']));
  if (req.wantsJson) return json(200, issueView(report));
  return html(200, renderIssue(report, new Date()));
});
