/**
 * The JSON shapes logsift answers with: stable camelCase fields, ISO-8601 UTC
 * times. DESIGN.md §2 fixes the ingest answer and the issue's core fields.
 */
import type { LogRecord, Report } from '#lib/model';
import type { IngestResult } from './ingest.ts';

export function ingestView({ log, report, isNew }: IngestResult) {
  return {
    logId: log.logId,
    reportId: report?.reportId ?? null,
    issueId: report?.issueId ?? null,
    type: report?.type ?? null,
    new: isNew,
    occurrences: report?.occurrences ?? null,
  };
}

export function issueView(report: Report) {
  return {
    issueId: report.issueId,
    status: report.status,
    summary: report.summary,
    summaries: report.summaries,
    reportId: report.reportId,
    logId: report.reportId,
    type: report.type,
    occurrences: report.occurrences,
    firstSeen: report.firstSeen,
    lastSeen: report.lastSeen,
    regressed: report.regressed,
    history: report.history,
    links: {
      self: `/issues/${report.issueId}`,
      report: `/logs/extracted/${report.reportId}`,
      firstLog: `/logs/${report.reportId}`,
    },
  };
}

export function reportView(report: Report) {
  return {
    reportId: report.reportId,
    issueId: report.issueId,
    status: report.status,
    type: report.type,
    occurrences: report.occurrences,
    firstSeen: report.firstSeen,
    lastSeen: report.lastSeen,
    fingerprint: report.reportKey,
    signature: report.signature,
    extract: report.extract,
    extractTruncated: report.extractTruncated,
    firstLogSha256: report.logSha256,
    daily: report.daily,
    links: {
      self: `/logs/extracted/${report.reportId}`,
      issue: `/issues/${report.issueId}`,
      firstLog: `/logs/${report.reportId}`,
    },
  };
}

export function logView(log: LogRecord) {
  return {
    logId: log.logId,
    sha256: log.sha256,
    bytes: log.bytes,
    receivedAt: log.receivedAt,
    reportId: log.reportId,
    type: log.type,
    links: { raw: `/logs/${log.logId}`, report: log.reportId ? `/logs/extracted/${log.reportId}` : null },
  };
}
