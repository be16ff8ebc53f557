/**
 * The JSON shapes logsift answers with: stable camelCase fields, ISO-8601 UTC
 * times, each typed by its schema in lib/contracts and linked through lib/routes.
 */

import type { ReportAlertsAnswer } from '#lib/contracts/alerts';
import type {
  AcceptedAnswer,
  IngestAnswer,
  IssueAnswer,
  LogAnswer,
  MergeAnswer,
  ReportAnswer,
  StreamIngestAnswer,
} from '#lib/contracts/answers';
import type { FirstLogStateAnswer } from '#lib/contracts/lifecycle';
import { headlineOfReport } from '#lib/extract/title';
import { firstLogOf, type LogRecord, type Report, tagPanel } from '#lib/model';
import { paths } from '#lib/routes';
import type { EventsResult } from './events.ts';
import type { IngestResult } from './ingest.ts';

export function ingestView({ log, report, isNew }: IngestResult): IngestAnswer {
  return {
    logId: log.logId,
    reportId: report?.reportId ?? null,
    issueId: report?.issueId ?? null,
    type: report?.type ?? null,
    new: isNew,
    occurrences: report?.occurrences ?? null,
  };
}

export function streamIngestView({ log, events, reports }: EventsResult): StreamIngestAnswer {
  return {
    logId: log.logId,
    events,
    reports: reports.map(({ report, counted, isNew }) => ({
      reportId: report.reportId,
      issueId: report.issueId,
      type: report.type,
      new: isNew,
      occurrences: report.occurrences,
      counted,
    })),
  };
}

/** COUNT_MODE=async: a request whose counts went to the count stream. */
export function acceptedView(log: LogRecord, events?: number): AcceptedAnswer {
  return {
    logId: log.logId,
    counting: 'pending',
    type: log.type,
    ...(events !== undefined ? { events } : {}),
    failures: log.events ? log.events.length : log.reportKey ? 1 : 0,
  };
}

/** The first log's link, or null once it is gone (the page and JSON say why instead). */
function firstLogLink(report: Report, firstLog: FirstLogStateAnswer | undefined): string | null {
  return firstLog && firstLog.state !== 'kept' ? null : paths.log(firstLogOf(report));
}

export function issueView(report: Report, firstLog?: FirstLogStateAnswer): IssueAnswer {
  return {
    issueId: report.issueId,
    ...headlineOfReport(report),
    status: report.status,
    summary: report.summary,
    summaries: report.summaries,
    reportId: report.reportId,
    logId: firstLogOf(report),
    type: report.type,
    occurrences: report.occurrences,
    firstSeen: report.firstSeen,
    lastSeen: report.lastSeen,
    regressed: report.regressed,
    ...tagPanel(report),
    history: report.history,
    ...(firstLog ? { firstLog } : {}),
    links: {
      self: paths.issue(report.issueId),
      report: paths.report(report.reportId),
      firstLog: firstLogLink(report, firstLog),
    },
  };
}

/** `alerts`: the report's recent alerts and mute (lib/alerts/service.ts reportAlerts), on its own answer. */
export function reportView(
  report: Report,
  firstLog?: FirstLogStateAnswer,
  alerts?: ReportAlertsAnswer,
): ReportAnswer {
  return {
    reportId: report.reportId,
    issueId: report.issueId,
    ...headlineOfReport(report),
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
    ...(firstLog ? { firstLog } : {}),
    ...tagPanel(report),
    mergedInto: report.mergedIntoId ?? null,
    mergedFrom: (report.mergedFrom ?? []).map(({ reportId, occurrences, at }) => ({
      reportId,
      occurrences,
      at,
    })),
    rule: report.rule ?? null,
    ...(alerts ? { alerts } : {}),
    links: {
      self: paths.report(report.reportId),
      issue: paths.issue(report.issueId),
      firstLog: firstLogLink(report, firstLog),
    },
  };
}

export function logView(log: LogRecord): LogAnswer {
  return {
    logId: log.logId,
    sha256: log.sha256,
    bytes: log.bytes,
    receivedAt: log.receivedAt,
    reportId: log.reportId,
    type: log.type,
    links: { raw: paths.log(log.logId), report: log.reportId ? paths.report(log.reportId) : null },
  };
}

export function mergeView(report: Report, kept: Report | null): MergeAnswer {
  return { report: reportView(report), kept: kept ? reportView(kept) : null };
}
