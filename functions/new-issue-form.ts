/** GET /issues/new — the form to file a bug (upload a log, or name a known report). */
import { openEdge } from '#lib/edge-open';
import { parseLogId } from '#lib/http/ids';
import { html } from '#lib/http/respond';
import { renderNewIssueForm } from '#lib/render/index';

export const handler = openEdge('newIssueForm', async (req) => {
  const reportId = req.query['reportId'] ? parseLogId(req.query['reportId'], 'reportId') : undefined;
  return html(200, renderNewIssueForm(reportId));
});
