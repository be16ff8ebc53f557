/**
 * The storage logsift needs, as small interfaces. The service layer depends on
 * these only; lib/store/s3-archive.ts and lib/store/dynamo-*.ts implement them.
 */
import type { IssueStatus, LogRecord, Report, ReportType } from '#lib/model';

/** Raw log bytes, content-addressed: identical logs are stored once. */
export interface LogArchive {
  /** Idempotent: storing bytes already stored costs no storage. */
  putBlob(sha256: string, bytes: Buffer): Promise<void>;
  getBlob(sha256: string): Promise<Buffer | null>;
}

export interface LogIndex {
  put(log: LogRecord): Promise<void>;
  get(logId: string): Promise<LogRecord | null>;
}

export interface IdAllocator {
  nextLogId(): Promise<string>;
  nextIssueId(): Promise<string>;
}

export type ReportSort = 'lastSeen' | 'firstSeen' | 'occurrences';

export interface ListQuery {
  sort: ReportSort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  type?: ReportType;
  /** Issues only: Open or Closed; absent = both (never ghosts). */
  status?: Exclude<IssueStatus, 'Ghost'>;
  /** Case-sensitive substring of summary, extract or signature. */
  q?: string;
}

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReportStore {
  /** Count one more occurrence of an existing report; null when no report has that key. */
  countOccurrence(reportKey: string, at: string): Promise<Report | null>;
  /** Create a report once; false when one with that key already exists. */
  create(report: Report): Promise<boolean>;
  getByKey(reportKey: string): Promise<Report | null>;
  getByReportId(reportId: string): Promise<Report | null>;
  getByIssueId(issueId: string): Promise<Report | null>;
  /** Ghost -> Open with the summary; on an issue already opened, keep the summary beside the first. */
  fileSummary(reportKey: string, summary: string, at: string, logId: string | null): Promise<Report>;
  /** Closed -> Open because the failure came back. No-op unless Closed. */
  markRegressed(reportKey: string, at: string): Promise<Report | null>;
  setStatus(reportKey: string, status: 'Open' | 'Closed', at: string): Promise<Report>;
  delete(report: Report): Promise<void>;
  listReports(query: ListQuery): Promise<PageOf<Report>>;
  listIssues(query: ListQuery): Promise<PageOf<Report>>;
}

export interface Stores {
  archive: LogArchive;
  logs: LogIndex;
  ids: IdAllocator;
  reports: ReportStore;
}
