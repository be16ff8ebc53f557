/** DELETE /issues/{issueId} — remove the issue and its report; the archived logs stay unless `?logs=delete`. */
import { edge } from '#lib/edge';
import { badRequest } from '#lib/http/errors';
import { parseIssueId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { deleteIssue, deleteIssueWithLogs } from '#lib/service/issues';

export const handler = edge('deleteIssue', async (req, { stores }) => {
  const issueId = parseIssueId(req.params['issueId']);
  const logs = req.query['logs'];
  if (logs !== undefined && logs !== 'delete' && logs !== 'keep')
    throw badRequest('"logs" must be "delete" or "keep"', 'invalid_logs');
  if (logs === 'delete') {
    const { report, logs: removed } = await deleteIssueWithLogs(stores, issueId);
    return json(200, { deleted: true, issueId: report.issueId, reportId: report.reportId, logs: removed });
  }
  const report = await deleteIssue(stores, issueId);
  return json(200, { deleted: true, issueId: report.issueId, reportId: report.reportId });
});
