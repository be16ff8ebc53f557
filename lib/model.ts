/**
 * The records logsift keeps, as the rest of the code sees them (storage
 * adapters map these to and from DynamoDB items). Times are ISO-8601 UTC.
 */

/**
 * Ids are zero-padded decimal: logs and reports 9 digits (a report's id is the
 * id of the log that first produced it), issues 6.
 */
export const LOG_ID_DIGITS = 9;
export const ISSUE_ID_DIGITS = 6;

export function formatId(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}

export const isLogId = (raw: string): boolean => raw.length === LOG_ID_DIGITS && /^\d+$/.test(raw);
export const isIssueId = (raw: string): boolean => raw.length === ISSUE_ID_DIGITS && /^\d+$/.test(raw);

/** C = crash (has a call stack), E = error, W = warning; most severe wins. */
export type ReportType = 'C' | 'E' | 'W';

export type IssueStatus = 'Ghost' | 'Open' | 'Closed';

/** One archived log: 9-digit id, its bytes live in S3 under their SHA-256. */
export interface LogRecord {
  logId: string;
  sha256: string;
  bytes: number;
  receivedAt: string;
  /** null when the log had no failure lines. */
  reportId: string | null;
  reportKey: string | null;
  type: ReportType | null;
  /** The body's media type and encoding as sent (the bytes are kept decompressed). */
  contentType?: string;
  contentEncoding?: string;
  /**
   * A stream's log (unit=event, DESIGN.md §2.1): every report its failure
   * events counted on and how many each; `reportKey`/`reportId` name the first.
   */
  events?: LogEventCount[];
  /** More distinct failures than a record links (MAX_LINKED_REPORTS): all counted, the first linked. */
  eventsTruncated?: boolean;
  /**
   * One of its report's first KEEP_SAMPLES logs: kept past retention. Set by
   * the service; the log index stamps every other record with its expiry
   * (lib/store/retention.ts).
   */
  sample?: true;
  /** Epoch seconds from which the record reads as absent and is swept; absent = kept forever. */
  expiresAt?: number;
}

export interface LogEventCount {
  reportKey: string;
  /** null while pending (not yet counted). */
  reportId: string | null;
  count: number;
}

/** A summary a user sent with a bug submission, kept even when not the first. */
export interface SummaryEntry {
  summary: string;
  at: string;
  logId: string | null;
}

export type HistoryEvent =
  | 'created'
  | 'upgraded'
  | 'closed'
  | 'reopened'
  | 'regressed'
  | 'summary-added'
  // A user's correction of the grouping (lib/service/merge.ts): on the kept report
  // `merged`/`unmerged` name the other one, on the merged report `merged-into`/`unmerged` the kept one.
  | 'merged'
  | 'merged-into'
  | 'unmerged';

export interface HistoryEntry {
  event: HistoryEvent;
  at: string;
  /** The other report of a merge or unmerge. */
  reportId?: string;
}

/** A report merged into another, as the kept report remembers it (lib/service/merge.ts). */
export interface MergedSource {
  reportKey: string;
  reportId: string;
  /** The merged report's occurrences when it was merged: added to the kept one then, taken back by unmerge. */
  occurrences: number;
  at: string;
  /**
   * The writes that move its per-day and tag counts onto the kept report
   * (lib/store/merged-counts.ts), and how many of them are done; absent on a
   * merge made before counts moved with it, which moved none.
   */
  parts?: number;
  moved?: number;
}

/** One count a merge moves onto the kept report, at its place there (lib/store/merged-counts.ts). */
export interface MergedCount {
  field: 'daily' | 'monthly' | 'tags' | 'tagsOther';
  /** The day, the month, or the tag key. */
  key: string;
  /** The tag value, for `tags`. */
  value?: string;
  n: number;
}

/**
 * A report (unique failure) and its issue, stored as one item. The report id is
 * the id of the log that first produced it; the issue id is its own 6-digit id.
 */
/** The id of the log a report was first seen in. */
export function firstLogOf(report: Pick<Report, 'reportId' | 'firstLogId'>): string {
  return report.firstLogId ?? report.reportId;
}

export interface Report {
  /** SHA-256 of the normalised signature. */
  reportKey: string;
  reportId: string;
  issueId: string;
  type: ReportType;
  occurrences: number;
  firstSeen: string;
  lastSeen: string;
  /** The raw failure lines of the first log (may be truncated, see extractTruncated). */
  extract: string;
  extractTruncated: boolean;
  /**
   * What the report is (lib/extract/title.ts): the error type and message, or
   * the failure message, parameters masked; and where: the top in-app frame,
   * or the logger. Absent on reports created before titles: see headlineOfReport.
   */
  title?: string;
  culprit?: string | null;
  /** The normalised signature the key is the hash of (cut to its byte budget, see signatureTruncated). */
  signature: string;
  /** The stored signature is a prefix of the one hashed (lib/store/budgets.ts). */
  signatureTruncated?: boolean;
  /** SHA-256 of the first log's raw bytes. */
  logSha256: string;
  /**
   * The first log's id, where it is not the report's own (a report first seen
   * in a stream takes an id of its own, DESIGN.md §2.1); see firstLogOf.
   */
  firstLogId?: string;
  status: IssueStatus;
  /** The summary the issue was opened with ('' while a ghost). */
  summary: string;
  /** Further summaries sent for the same failure. */
  summaries: SummaryEntry[];
  history: HistoryEntry[];
  /** History entries dropped to keep the item within its budget (the oldest after the first). */
  historyDropped?: number;
  regressed: boolean;
  /** Occurrences per UTC day, 'YYYY-MM-DD' -> count (for the sparkline). */
  daily: Record<string, number>;
  /** Occurrences of days folded out of `daily`, 'YYYY-MM' -> count. */
  monthly?: Record<string, number>;
  /** The context its occurrences carried, top values per key (lib/service/tags.ts); absent before tags. */
  tags?: TagCounts;
  /** Occurrences whose value was folded out of `tags`, per key. */
  tagsOther?: Partial<Record<TagKey, number>>;
  /**
   * Merged by a user into the report with this key (and id): its signature
   * counts there, and it is in no list, until it is unmerged.
   */
  mergedInto?: string;
  mergedIntoId?: string;
  /** The reports merged into this one. */
  mergedFrom?: MergedSource[];
  /** The fingerprint rule (configuration, lib/extract/fingerprint-rules.ts) that grouped this report. */
  rule?: string;
}

/**
 * The context kept out of a signature but summarised on its report, as
 * Sentry's tags panel does: which services, environments, hosts and loggers
 * a failure was seen in.
 */
export const TAG_KEYS = ['service', 'environment', 'host', 'logger'] as const;
export type TagKey = (typeof TAG_KEYS)[number];
/** Per key: occurrences per value. */
export type TagCounts = Partial<Record<TagKey, Record<string, number>>>;
/** One occurrence's (or one document's) value per key. */
export type TagValues = Partial<Record<TagKey, string>>;
/** What one write adds to a report's tags: counts per value, and counts folded into `tagsOther`. */
export interface TagDelta {
  values: TagCounts;
  other: Partial<Record<TagKey, number>>;
}
/** Values per tag key a report shows (and keeps after a fold, lib/store/budgets.ts). */
export const TAG_TOP = 10;

/** The most frequent first; ties by value, so a fold is deterministic. */
export function byCount(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

export interface TagCount {
  value: string;
  count: number;
}

/** A report's tags panel: each key's top values, most frequent first, and the occurrences folded away. */
export interface TagPanel {
  tags: Record<TagKey, TagCount[]>;
  tagsOther: Record<TagKey, number>;
}

export function tagPanel(report: Pick<Report, 'tags' | 'tagsOther'>): TagPanel {
  const panel: TagPanel = {
    tags: { service: [], environment: [], host: [], logger: [] },
    tagsOther: { service: 0, environment: 0, host: 0, logger: 0 },
  };
  for (const key of TAG_KEYS) {
    let other = report.tagsOther?.[key] ?? 0;
    byCount(report.tags?.[key] ?? {}).forEach(([value, count], i) => {
      if (i < TAG_TOP) panel.tags[key].push({ value, count });
      else other += count;
    });
    panel.tagsOther[key] = other;
  }
  return panel;
}
