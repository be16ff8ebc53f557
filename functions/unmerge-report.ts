/**
 * POST /logs/extracted/{reportId}/unmerge — the merged report counts its own
 * failures again. A browser's form post is redirected to its page.
 */
import { edge } from '#lib/edge';
import { parseLogId } from '#lib/http/ids';
import { json, redirect } from '#lib/http/respond';
import { paths } from '#lib/routes';
import { unmergeReport } from '#lib/service/merge';
import { mergeView } from '#lib/service/views';

export const handler = edge('unmergeReport', async (req, { stores }) => {
  const reportId = parseLogId(req.params['reportId'], 'report id');
  const { report, kept } = await unmergeReport(stores, reportId, new Date());
  if (req.prefersHtml) return redirect(paths.report(report.reportId));
  return json(200, mergeView(report, kept));
});
