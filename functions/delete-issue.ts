/** DELETE /issues/{issueId} — remove the issue and its report; the archived logs stay. */
import { getApp } from '#lib/app';
import { httpHandler } from '#lib/http/handler';
import { parseIssueId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { deleteIssue } from '#lib/service/issues';

const { config, stores } = getApp();

export const handler = httpHandler(
  async (req) => {
    const report = await deleteIssue(stores, parseIssueId(req.params['issueId']));
    return json(200, { deleted: true, issueId: report.issueId, reportId: report.reportId });
  },
  { exposeErrors: config.exposeErrors, auth: config.auth, access: 'admin' },
);
