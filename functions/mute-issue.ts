/** POST /issues/{issueId}/mute — `muted=true|false` (url-encoded, multipart or JSON); a browser's post is redirected back (`back=report`: to the report page it came from). */
import { parseMuted, setIssueMute } from '#lib/alerts/service';
import { edge } from '#lib/edge';
import { readForm } from '#lib/http/form';
import { parseIssueId } from '#lib/http/ids';
import { json, redirect } from '#lib/http/respond';
import { paths } from '#lib/routes';

export const handler = edge('muteIssue', async (req, { stores, alerts }) => {
  const issueId = parseIssueId(req.params['issueId']);
  const form = await readForm(req, { maxFileBytes: 0, maxFieldChars: 16 });
  const { reportId, ...mute } = await setIssueMute(
    stores,
    alerts,
    issueId,
    parseMuted(form.fields['muted']),
    new Date(),
  );
  if (!req.wantsJson && req.prefersHtml)
    return redirect(form.fields['back'] === 'report' ? paths.report(reportId) : paths.issue(issueId));
  return json(200, mute);
});
