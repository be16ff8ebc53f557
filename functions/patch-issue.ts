/**
 * PATCH /issues/{issueId} — `new_status=open|closed` (multipart, url-encoded or
 * JSON). Also POST /issues/{issueId}/status, the same change from an HTML form
 * (browsers cannot send PATCH without script), answered with a redirect.
 */
import { edge } from '#lib/edge';
import { readForm } from '#lib/http/form';
import { parseIssueId } from '#lib/http/ids';
import { json, redirect } from '#lib/http/respond';
import { changeStatus, parseStatus } from '#lib/service/issues';
import { issueView } from '#lib/service/views';

// postIssueStatus shares this file and its access (test/unit/edge.test.ts checks they agree).
export const handler = edge('patchIssue', async (req, { stores }) => {
  const issueId = parseIssueId(req.params['issueId']);
  const form = await readForm(req, { maxFileBytes: 0, maxFieldChars: 64 });
  const status = parseStatus(form.fields['new_status'] ?? form.fields['status']);
  const report = await changeStatus(stores, issueId, status, new Date());
  if (req.method === 'POST' && !req.wantsJson) return redirect(`/issues/${issueId}`);
  return json(200, issueView(report));
});
