/** GET /issues/new — the form to file a bug (upload a log, or name a known report). */
import { httpHandler } from '#lib/http/handler';
import { parseLogId } from '#lib/http/ids';
import { html } from '#lib/http/respond';
import { renderNewIssueForm } from '#lib/render/index';

export const handler = httpHandler(async (req) => {
  const reportId = req.query['reportId'] ? parseLogId(req.query['reportId'], 'reportId') : undefined;
  return html(200, renderNewIssueForm(reportId));
});
