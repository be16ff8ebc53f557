/** POST /issues — file a bug: a log + summary, or a known reportId + summary. */
import { edge } from '#lib/edge';
import { badRequest } from '#lib/http/errors';
import { readForm } from '#lib/http/form';
import { parseLogId } from '#lib/http/ids';
import { json, redirect } from '#lib/http/respond';
import { extract } from '#lib/service/ingest';
import { fileBugForReport, fileBugWithLog, parseSummary } from '#lib/service/issues';
import { issueView } from '#lib/service/views';

export const handler = edge('createIssue', async (req, { config, stores }) => {
  const form = await readForm(req, {
    maxFileBytes: config.maxLogBytes,
    // room for whitespace around a summary of the longest length (parseSummary applies the limit)
    maxFieldChars: config.maxSummaryChars + 256,
  });
  const summary = parseSummary(form.fields['summary'], config.maxSummaryChars);
  const rawReportId = (form.fields['reportId'] ?? form.fields['report_id'] ?? '').trim();
  const now = new Date();
  let filed: Awaited<ReturnType<typeof fileBugForReport>>;
  if (form.file && rawReportId) throw badRequest('send either a "file" or a "reportId", not both');
  if (form.file) {
    if (form.file.data.length === 0) throw badRequest('the log is empty', 'empty_log');
    const bytes = form.file.data;
    filed = await fileBugWithLog(stores, bytes, extract(bytes, config), summary, now, config.maxExtractBytes);
  } else if (rawReportId) {
    filed = await fileBugForReport(stores, parseLogId(rawReportId, 'reportId'), summary, now);
  } else {
    throw badRequest('send the log as a "file" part, or the "reportId" of a known report', 'missing_file');
  }
  if (req.prefersHtml) return redirect(`/issues/${filed.report.issueId}`);
  return json(201, issueView(filed.report), { Location: `/issues/${filed.report.issueId}` });
});
