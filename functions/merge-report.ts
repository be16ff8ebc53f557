/**
 * POST /logs/extracted/{reportId}/merge — `into=<reportId>` (url-encoded,
 * multipart or JSON): the report's failures count on `into` from now on. A
 * browser's form post is redirected to the kept report's page.
 */
import { edge } from '#lib/edge';
import { readForm } from '#lib/http/form';
import { parseLogId } from '#lib/http/ids';
import { json, redirect } from '#lib/http/respond';
import { paths } from '#lib/routes';
import { mergeReport } from '#lib/service/merge';
import { mergeView } from '#lib/service/views';

export const handler = edge('mergeReport', async (req, { stores }) => {
  const reportId = parseLogId(req.params['reportId'], 'report id');
  const form = await readForm(req, { maxFileBytes: 0, maxFieldChars: 64 });
  const into = parseLogId((form.fields['into'] ?? '').trim(), '"into" (the report to keep)');
  const { report, kept } = await mergeReport(stores, reportId, into, new Date());
  if (req.prefersHtml) return redirect(paths.report(kept?.reportId ?? report.reportId));
  return json(200, mergeView(report, kept));
});
