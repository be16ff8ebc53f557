/**
 * Bug tickets: filing a bug (with a log, or against a known report), reading,
 * closing/reopening and deleting an issue. Ids are validated at the edge; the
 * issue's rules (a ghost has no status to change, how many further summaries
 * an issue keeps) are decided here, and every check that can refuse a request
 * runs before its first write.
 */

import { setTimeout as delay } from 'node:timers/promises';
import { retryDelayMs } from '#lib/alerts/backoff';
import type { LogsDeletedAnswer } from '#lib/contracts/lifecycle';
import { Conflict, Invalid, NotFound, Unprocessable } from '#lib/errors';
import type { Extraction } from '#lib/extract/index';
import type { Report, SummaryEntry } from '#lib/model';
import { roomForSummary } from '#lib/store/budgets';
import type { Stores } from '#lib/store/ports';
import { type IngestResult, ingestLog, issueFull, SUMMARY_LIMITS } from './ingest.ts';
import { deleteReportLogs } from './lifecycle.ts';

/** Summaries count characters (code points), whatever the body's encoding. */
export function parseSummary(raw: string | undefined, maxChars: number): string {
  const summary = (raw ?? '').trim();
  if (summary === '') throw new Invalid('missing_summary', 'a non-empty "summary" is required');
  if ([...summary].length > maxChars) {
    throw new Invalid('summary_too_long', `"summary" is longer than ${maxChars} characters`);
  }
  return summary;
}

export function parseStatus(raw: string | undefined): 'Open' | 'Closed' {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === 'open') return 'Open';
  if (value === 'closed') return 'Closed';
  throw new Invalid('invalid_status', '"new_status" must be "open" or "closed"');
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
  if (extraction.type === null || extraction.fingerprint === null) {
    throw new Unprocessable(
      'no_failure',
      'the log has no failure lines (warning, error or a call stack); attach the log that shows the failure, or send "reportId"',
    );
  }
  // An issue without room for the summary refuses it before the log is archived.
  // (Filled in the meantime by another filing: ingest undoes its log record.)
  const known = await stores.reports.getByKey(extraction.fingerprint);
  const probe: SummaryEntry = { summary, at: now.toISOString(), logId: '0'.repeat(9) };
  if (known && known.status !== 'Ghost' && !roomForSummary(known.summaries, probe)) throw issueFull(known);
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
  if (!report) throw new NotFound(`no report ${reportId}`);
  if (report.mergedIntoId !== undefined) {
    throw new Conflict(
      `report ${reportId} is merged into report ${report.mergedIntoId}; file the bug there`,
      'report_merged',
    );
  }
  const entry: SummaryEntry = { summary, at: now.toISOString(), logId: null };
  const outcome = await stores.reports.fileSummary(report.reportKey, reportId, entry, SUMMARY_LIMITS);
  if (outcome.kind === 'missing') throw new NotFound(`no report ${reportId}`);
  if (outcome.kind === 'full') throw issueFull(outcome.report);
  return { report: outcome.report, ingest: null };
}

export async function findIssue(stores: Stores, issueId: string): Promise<Report> {
  const report = await stores.reports.getByIssueId(issueId);
  if (!report) throw new NotFound(`no issue ${issueId}`);
  return report;
}

/** Compare-and-set rounds a status change may lose to others before it answers 409. */
const STATUS_ATTEMPTS = 8;
/** Waits between them: doubling from 5 ms with jitter, so racing changes stop retrying in step. */
const STATUS_RETRY = { baseDelayMs: 5, maxDelayMs: 200 };

/**
 * Close or reopen: a compare-and-set on the status read and on the issue id
 * asked about, so the history records each real change once and a report
 * deleted and filed again as another issue in between is never changed. A
 * change that loses the race reads again after a jittered wait: a hundred
 * at once on one issue otherwise lost five rounds in a row often enough
 * (16 of 100 answered 409 in one run on two loaded cores).
 */
export async function changeStatus(
  stores: Stores,
  issueId: string,
  status: 'Open' | 'Closed',
  now: Date,
): Promise<Report> {
  for (let attempt = 0; attempt < STATUS_ATTEMPTS; attempt++) {
    if (attempt > 0) await delay(retryDelayMs(attempt, STATUS_RETRY));
    const current = await findIssue(stores, issueId);
    if (current.status === 'Ghost') {
      throw new Conflict(
        'this issue is a ghost (no bug was filed yet); file a bug with a summary to open it',
      );
    }
    if (current.status === status) return current;
    const change = { issueId, from: current.status, to: status };
    const updated = await stores.reports.setStatus(current.reportKey, change, now.toISOString());
    if (updated) return updated;
  }
  throw new Conflict('the issue is changing too fast; try again');
}

/** Delete the issue and its report; the archived logs stay. */
export async function deleteIssue(stores: Stores, issueId: string): Promise<Report> {
  const report = await findIssue(stores, issueId);
  // Either side of a merge: deleting it would leave the other pointing at nothing.
  if (report.mergedInto !== undefined || (report.mergedFrom ?? []).length > 0) {
    throw new Conflict(
      `report ${report.reportId} is part of a merge; unmerge it (or the reports merged into it) first`,
      'report_merged',
    );
  }
  await stores.reports.delete(report);
  return report;
}

/**
 * Delete the issue, its report and the report's logs, those of reports merged
 * into it included (lib/service/lifecycle):
 * the logs first, so a failure midway leaves the report to delete them by,
 * and the same request can be repeated.
 */
export async function deleteIssueWithLogs(
  stores: Stores,
  issueId: string,
): Promise<{ report: Report; logs: LogsDeletedAnswer }> {
  const report = await findIssue(stores, issueId);
  // The logs of reports merged into it counted on it too; their records name their own report.
  const keys = [report.reportKey, ...(report.mergedFrom ?? []).map((source) => source.reportKey)];
  const removed = { logs: 0, blobs: 0, blobsKept: 0 };
  for (const key of keys) {
    const part = await deleteReportLogs(stores, key);
    removed.logs += part.logs;
    removed.blobs += part.blobs;
    removed.blobsKept += part.blobsKept;
  }
  await stores.reports.delete(report);
  return {
    report,
    logs: { deleted: removed.logs, blobsDeleted: removed.blobs, blobsKept: removed.blobsKept },
  };
}
