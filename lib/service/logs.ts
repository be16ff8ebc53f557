/** Reading archived logs and the report each one counted towards. */
import { NotFound } from '#lib/errors';
import type { LogRecord, Report } from '#lib/model';
import type { Stores } from '#lib/store/ports';

export async function findLog(stores: Stores, logId: string): Promise<LogRecord> {
  const log = await stores.logs.get(logId);
  if (!log) throw new NotFound(`no log ${logId}`);
  return log;
}

/** The report a log counts towards; not found when it had no failure or its report was deleted. */
export async function findLogReport(stores: Stores, log: LogRecord): Promise<Report> {
  if (!log.reportKey) throw new NotFound(`log ${log.logId} has no failure lines, so no report`);
  const report = await stores.reports.getByKey(log.reportKey);
  if (!report) throw new NotFound(`the report of log ${log.logId} was deleted`);
  return report;
}

/**
 * A log as a reader sees it. A record whose report is not settled in it names
 * the report by key: COUNT_MODE=async never settles one (the count stream, not
 * the record, carries the count), and in sync mode a request can die between
 * its count and the settle. The report found by that key fills in its id and,
 * for a document, its type, as a settle would have.
 */
export async function logAsCounted(stores: Stores, log: LogRecord): Promise<LogRecord> {
  if (log.reportId !== null || log.reportKey === null) return log;
  const report = await stores.reports.getByKey(log.reportKey);
  if (!report) return log;
  return { ...log, reportId: report.reportId, ...(log.events ? {} : { type: report.type }) };
}
