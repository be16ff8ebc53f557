/** DELETE /issues/{issueId} — remove the issue and its report; the archived logs stay. */
import { edge } from '#lib/edge';
import { parseIssueId } from '#lib/http/ids';
import { json } from '#lib/http/respond';
import { deleteIssue } from '#lib/service/issues';

export const handler = edge('deleteIssue', async (req, { stores }) => {
  const report = await deleteIssue(stores, parseIssueId(req.params['issueId']));
  return json(200, { deleted: true, issueId: report.issueId, reportId: report.reportId });
});
