/**
 * Bug tickets: filing a bug (with a log, or against a known report), reading,
 * closing/reopening and deleting an issue. Ids are validated at the edge.
 */
import type { Extraction } from '#lib/extract/index';
import { badRequest, notFound, unprocessable } from '#lib/http/errors';
import type { Report } from '#lib/model';
import type { Stores } from '#lib/store/ports';
import { type IngestResult, ingestLog } from './ingest.ts';

export function parseSummary(raw: string | undefined, maxChars: number): string {
  const summary = (raw ?? '').trim();
  if (summary === '') throw badRequest('a non-empty "summary" is required', 'missing_summary');
  if ([...summary].length > maxChars) {
    throw badRequest(`"summary" is longer than ${maxChars} characters`, 'summary_too_long');
  }
  return summary;
}

export function parseStatus(raw: string | undefined): 'Open' | 'Closed' {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === 'open') return 'Open';
  if (value === 'closed') return 'Closed';
  throw badRequest('"new_status" must be "open" or "closed"', 'invalid_status');
}

export interface FiledBug {
  report: Report;
  /** The log sent with the bug, when one was. */
  ingest: IngestResult | null;
}

/** File a bug with a log: the log is ingested, and its report's issue opened or given the summary. */
export async function fileBugWithLog(
  stores: Stores,
  bytes: Buffer,
  extraction: Extraction,
  summary: string,
  now: Date,
  maxExtractBytes: number,
): Promise<FiledBug> {
  // Refused before anything is written: a bug needs a failure to hang on.
  if (extraction.type === null) {
    throw unprocessable(
      'the log has no failure lines (warning, error or a call stack); attach the log that shows the failure, or send "reportId"',
      'no_failure',
    );
  }
  // The summary rides on the write that counts the log (lib/service/ingest.ts).
  const ingest = await ingestLog(stores, bytes, extraction, now, { maxExtractBytes, summary });
  return { report: ingest.report!, ingest };
}

/** File a bug against a report already known, without sending the log again. */
export async function fileBugForReport(
  stores: Stores,
  reportId: string,
  summary: string,
  now: Date,
): Promise<FiledBug> {
  const report = await stores.reports.getByReportId(reportId);
  if (!report) throw notFound(`no report ${reportId}`);
  return {
    report: await stores.reports.fileSummary(report.reportKey, summary, now.toISOString(), null),
    ingest: null,
  };
}

export async function findIssue(stores: Stores, issueId: string): Promise<Report> {
  const report = await stores.reports.getByIssueId(issueId);
  if (!report) throw notFound(`no issue ${issueId}`);
  return report;
}

export async function changeStatus(stores: Stores, issueId: string, status: 'Open' | 'Closed', now: Date) {
  const report = await findIssue(stores, issueId);
  return stores.reports.setStatus(report.reportKey, status, now.toISOString());
}

/** Delete the issue and its report; the archived logs stay. */
export async function deleteIssue(stores: Stores, issueId: string): Promise<Report> {
  const report = await findIssue(stores, issueId);
  await stores.reports.delete(report);
  return report;
}
