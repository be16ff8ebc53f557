/**
 * Reports and their issues in memory, under the contract of
 * lib/store/dynamo-reports.ts: a report and its issue are one record keyed by
 * the report key, and every change is one conditional step on it (counted,
 * upgraded, closed only while its condition holds; a lost race changes
 * nothing and says so). New reports are cut to the byte budgets, per-day
 * counts and history folded past their bounds, exactly as the adapter does.
 * Totals are counters moved after the change they count, best effort: a fault
 * on `reports.totals-add` leaves them off by one, as a failed ADD would.
 * Lists follow the adapter's indexes (reports by lastSeen, firstSeen or
 * occurrences; issues by issue id, ghosts never listed) and seal their cursors
 * with the same CursorSealer, bound to the same list and filters.
 */
import { randomBytes } from 'node:crypto';
import {
  type IssueStatus,
  type MergedCount,
  type MergedSource,
  type Report,
  type ReportType,
  type SummaryEntry,
  TAG_KEYS,
  type TagDelta,
} from '#lib/model';
import {
  fitNewReport,
  fold,
  foldTags,
  needsFolding,
  summariesBytes,
  summaryEntryBytes,
} from '#lib/store/budgets';
import { CursorSealer, type Key, type KeyShape } from '#lib/store/cursor';
import { applyCounts, partsOf, takeBack } from '#lib/store/merged-counts';
import type {
  FiledWith,
  ListQuery,
  PageOf,
  ReportStore,
  SequencedOutcome,
  SequenceGuard,
  StatusChange,
  SummaryLimits,
  SummaryOutcome,
  Totals,
} from '#lib/store/ports';
import type { Faults } from './faults.ts';

type Counter = 'reports' | `type${ReportType}` | 'statusOpen' | 'statusClosed';

interface ListSpec {
  /** The adapter's index name: cursors are bound to it. */
  name: string;
  partitionAttribute: string;
  partition: string;
  sortAttribute: 'lastSeen' | 'firstSeen' | 'occurrences' | 'issueId';
}

const REPORT_LISTS: Record<ListQuery['sort'], Omit<ListSpec, 'partition'>> = {
  lastSeen: { name: 'reportsByLastSeen', partitionAttribute: 'listKey', sortAttribute: 'lastSeen' },
  firstSeen: { name: 'reportsByFirstSeen', partitionAttribute: 'listKey', sortAttribute: 'firstSeen' },
  occurrences: { name: 'reportsByOccurrences', partitionAttribute: 'listKey', sortAttribute: 'occurrences' },
};

const day = (at: string) => at.slice(0, 10);

function statusDelta(status: IssueStatus, delta: number): Partial<Record<Counter, number>> {
  return status === 'Ghost' ? {} : { [`status${status}`]: delta };
}

/** A request's tag counts added as the adapter's nested SETs add them (a report before tags gets empty ones). */
function addTags(report: Report, delta: TagDelta): void {
  if (!report.tags || !report.tagsOther) Object.assign(report, foldTags(report));
  for (const key of TAG_KEYS) {
    const values = report.tags![key]!;
    for (const [value, n] of Object.entries(delta.values[key] ?? {}))
      values[value] = (values[value] ?? 0) + n;
    const other = delta.other[key] ?? 0;
    if (other > 0) report.tagsOther![key] = (report.tagsOther![key] ?? 0) + other;
  }
}

/** The list's tag filters: the value is among the report's kept tag values, as the adapter's filter reads them. */
function hasTags(report: Report, query: ListQuery): boolean {
  return (['service', 'environment'] as const).every(
    (key) => query[key] === undefined || Object.hasOwn(report.tags?.[key] ?? {}, query[key] as string),
  );
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class MemoryReportStore implements ReportStore {
  private readonly reports = new Map<string, Report>();
  private readonly counters: Record<Counter, number> = {
    reports: 0,
    typeC: 0,
    typeE: 0,
    typeW: 0,
    statusOpen: 0,
    statusClosed: 0,
  };
  private readonly cursors: CursorSealer;

  constructor(
    private readonly faults: Faults,
    /** Cursors are signed per store unless a secret is shared (another store refuses them). */
    cursorSecret: string = randomBytes(32).toString('hex'),
  ) {
    this.cursors = new CursorSealer(cursorSecret);
  }

  async countOccurrence(reportKey: string, at: string, n = 1, tags?: TagDelta): Promise<Report | null> {
    await this.faults.enter('reports.count');
    const report = this.reports.get(reportKey);
    if (!report || report.mergedInto !== undefined) return null;
    this.count(report, at, n);
    if (tags) addTags(report, tags);
    return this.settle(report);
  }

  /** Stream positions per report (`seq#<shard>` on the adapter's item). */
  private readonly positions = new Map<string, Map<string, string>>();

  async countSequenced(
    reportKey: string,
    at: string,
    n: number,
    guard: SequenceGuard,
    tags?: TagDelta,
  ): Promise<SequencedOutcome> {
    await this.faults.enter('reports.count');
    const report = this.reports.get(reportKey);
    if (!report) return { kind: 'missing' };
    const positions = this.positions.get(reportKey) ?? new Map<string, string>();
    const applied = positions.get(guard.stream);
    if (applied !== undefined && applied >= guard.first) return { kind: 'applied', position: applied };
    if (report.mergedInto !== undefined) return { kind: 'missing' };
    positions.set(guard.stream, guard.last);
    this.positions.set(reportKey, positions);
    const seen = report.lastSeen;
    this.count(report, at, n);
    if (seen > at) report.lastSeen = seen;
    if (tags) addTags(report, tags);
    return { kind: 'counted', report: this.settle(report) };
  }

  async countWithSummary(
    reportKey: string,
    at: string,
    bug: FiledWith,
    limits: SummaryLimits,
    tags?: TagDelta,
  ): Promise<SummaryOutcome> {
    const entry = { summary: bug.summary, at, logId: bug.logId };
    return this.writeSummary(reportKey, null, entry, limits, true, tags);
  }

  async create(report: Report, positions: Record<string, string> = {}): Promise<boolean> {
    await this.faults.enter('reports.create');
    if (this.reports.has(report.reportKey)) return false;
    this.reports.set(report.reportKey, structuredClone(fitNewReport(report)));
    this.positions.set(report.reportKey, new Map(Object.entries(positions)));
    await this.bump({ reports: 1, [`type${report.type}`]: 1, ...statusDelta(report.status, 1) });
    return true;
  }

  async getByKey(reportKey: string): Promise<Report | null> {
    await this.faults.enter('reports.get');
    const report = this.reports.get(reportKey);
    return report ? structuredClone(report) : null;
  }

  async getByReportId(reportId: string): Promise<Report | null> {
    await this.faults.enter('reports.get');
    return this.find((report) => report.reportId === reportId);
  }

  async getByIssueId(issueId: string): Promise<Report | null> {
    await this.faults.enter('reports.get');
    return this.find((report) => report.issueId === issueId);
  }

  fileSummary(
    reportKey: string,
    reportId: string,
    entry: SummaryEntry,
    limits: SummaryLimits,
  ): Promise<SummaryOutcome> {
    return this.writeSummary(reportKey, reportId, entry, limits, false);
  }

  /** Ghost -> Open with the summary, or the summary kept beside the first within `limits`. */
  private async writeSummary(
    reportKey: string,
    reportId: string | null,
    entry: SummaryEntry,
    limits: SummaryLimits,
    count: boolean,
    tags?: TagDelta,
  ): Promise<SummaryOutcome> {
    await this.faults.enter('reports.summary');
    const report = this.reports.get(reportKey);
    if (!report || (reportId !== null && report.reportId !== reportId)) return { kind: 'missing' };
    if (report.mergedInto !== undefined) return { kind: 'missing' };
    if (report.status === 'Ghost') {
      report.status = 'Open';
      report.summary = entry.summary;
      report.history.push({ event: 'upgraded', at: entry.at });
      if (count) this.count(report, entry.at);
      if (count && tags) addTags(report, tags);
      const filed = this.settle(report);
      await this.bump(statusDelta('Open', 1));
      return { kind: 'filed', report: filed };
    }
    const room =
      report.summaries.length < limits.maxEntries &&
      summariesBytes(report.summaries) + summaryEntryBytes(entry) <= limits.maxBytes;
    if (!room) return { kind: 'full', report: structuredClone(report) };
    report.summaries.push({ ...entry });
    report.history.push({ event: 'summary-added', at: entry.at });
    if (count) this.count(report, entry.at);
    if (count && tags) addTags(report, tags);
    return { kind: 'filed', report: this.settle(report) };
  }

  async markRegressed(reportKey: string, at: string): Promise<Report | null> {
    await this.faults.enter('reports.regress');
    const report = this.reports.get(reportKey);
    if (report?.status !== 'Closed') return null;
    report.status = 'Open';
    report.regressed = true;
    report.history.push({ event: 'regressed', at });
    const reopened = this.settle(report);
    await this.bump({ ...statusDelta('Closed', -1), ...statusDelta('Open', 1) });
    return reopened;
  }

  async setStatus(reportKey: string, change: StatusChange, at: string): Promise<Report | null> {
    await this.faults.enter('reports.status');
    const report = this.reports.get(reportKey);
    if (!report || report.status !== change.from || report.issueId !== change.issueId) return null;
    report.status = change.to;
    // Reopening keeps the regressed mark; closing clears it.
    if (change.to === 'Closed') report.regressed = false;
    report.history.push({ event: change.to === 'Closed' ? 'closed' : 'reopened', at });
    const updated = this.settle(report);
    await this.bump({ ...statusDelta(change.from, -1), ...statusDelta(change.to, 1) });
    return updated;
  }

  async delete(report: Report): Promise<void> {
    await this.faults.enter('reports.delete');
    const current = this.reports.get(report.reportKey);
    // Only the issue asked about: a report filed again under the same key stays.
    if (!current || current.issueId !== report.issueId) return;
    this.reports.delete(report.reportKey);
    await this.bump({ reports: -1, [`type${current.type}`]: -1, ...statusDelta(current.status, -1) });
  }

  async listReports(query: ListQuery): Promise<PageOf<Report>> {
    await this.faults.enter('reports.list');
    const spec = { ...REPORT_LISTS[query.sort], partition: 'report' };
    const listed = [...this.reports.values()].filter((report) => report.mergedInto === undefined);
    return this.list(spec, listed, query);
  }

  async listIssues(query: ListQuery): Promise<PageOf<Report>> {
    await this.faults.enter('reports.list');
    // Issues are listed by issue id whatever `sort` says, as the adapter's issue indexes are.
    const spec: ListSpec = query.status
      ? {
          name: 'issuesByStatus',
          partitionAttribute: 'issueStatusKey',
          partition: query.status,
          sortAttribute: 'issueId',
        }
      : { name: 'issues', partitionAttribute: 'issueList', partition: 'issue', sortAttribute: 'issueId' };
    const issues = [...this.reports.values()].filter(
      (report) => report.status !== 'Ghost' && (!query.status || report.status === query.status),
    );
    return this.list(spec, issues, query);
  }

  async totals(): Promise<Totals> {
    await this.faults.enter('reports.totals');
    const count = (name: Counter) => Math.max(0, this.counters[name]);
    return {
      reports: count('reports'),
      byType: { C: count('typeC'), E: count('typeE'), W: count('typeW') },
      issues: { Open: count('statusOpen'), Closed: count('statusClosed') },
    };
  }

  /** The totals from a count of the reports themselves (what `npm run recount` would set). */
  counted(): Totals {
    const totals: Totals = { reports: 0, byType: { C: 0, E: 0, W: 0 }, issues: { Open: 0, Closed: 0 } };
    for (const report of this.reports.values()) {
      if (report.mergedInto !== undefined) continue;
      totals.reports += 1;
      totals.byType[report.type] += 1;
      if (report.status !== 'Ghost') totals.issues[report.status] += 1;
    }
    return totals;
  }

  async markMerged(
    reportKey: string,
    target: Pick<Report, 'reportKey' | 'reportId'>,
    at: string,
  ): Promise<Report | null> {
    await this.faults.enter('reports.merge');
    const report = this.reports.get(reportKey);
    if (report?.status !== 'Ghost' || report.mergedInto !== undefined) return null;
    if ((report.mergedFrom ?? []).length > 0) return null;
    report.mergedInto = target.reportKey;
    report.mergedIntoId = target.reportId;
    report.history.push({ event: 'merged-into', at, reportId: target.reportId });
    const merged = this.settle(report);
    await this.bump({ reports: -1, [`type${report.type}`]: -1 });
    return merged;
  }

  async addMergedSource(
    reportKey: string,
    source: MergedSource,
    at: string,
    counts: readonly MergedCount[] = [],
  ): Promise<Report | null> {
    await this.faults.enter('reports.merge');
    const report = this.reports.get(reportKey);
    if (!report || report.mergedInto !== undefined) return null;
    // Held already: a repeat of this merge made it meanwhile.
    if ((report.mergedFrom ?? []).some((entry) => entry.reportKey === source.reportKey))
      return structuredClone(report);
    const parts = partsOf(counts).length;
    report.mergedFrom = [...(report.mergedFrom ?? []), { ...source, parts, moved: parts }];
    report.occurrences += source.occurrences;
    Object.assign(report, applyCounts(report, counts, 1));
    report.history.push({ event: 'merged', at, reportId: source.reportId });
    return this.settle(report);
  }

  async removeMergedSource(
    reportKey: string,
    sourceKey: string,
    at: string,
    counts: readonly MergedCount[] = [],
  ): Promise<Report | null> {
    await this.faults.enter('reports.merge');
    const report = this.reports.get(reportKey);
    if (!report) return null;
    const source = (report.mergedFrom ?? []).find((entry) => entry.reportKey === sourceKey);
    if (!source) return structuredClone(report);
    report.mergedFrom = (report.mergedFrom ?? []).filter((entry) => entry !== source);
    report.occurrences -= source.occurrences;
    // A merge made before counts moved with it moved none: nothing to take back.
    if (source.parts !== undefined) Object.assign(report, applyCounts(report, takeBack(report, counts), -1));
    report.history.push({ event: 'unmerged', at, reportId: source.reportId });
    return this.settle(report);
  }

  async unmarkMerged(reportKey: string, targetKey: string, at: string): Promise<Report | null> {
    await this.faults.enter('reports.merge');
    const report = this.reports.get(reportKey);
    if (!report || report.mergedInto !== targetKey) return null;
    const keptId = report.mergedIntoId;
    delete report.mergedInto;
    delete report.mergedIntoId;
    report.history.push({ event: 'unmerged', at, ...(keptId ? { reportId: keptId } : {}) });
    const unmerged = this.settle(report);
    await this.bump({ reports: 1, [`type${report.type}`]: 1 });
    return unmerged;
  }

  private list(spec: ListSpec, candidates: Report[], query: ListQuery): PageOf<Report> {
    const listName = JSON.stringify([
      spec.name,
      spec.partition,
      query.order,
      query.type ?? '',
      query.q ?? '',
      ...(query.service === undefined && query.environment === undefined
        ? []
        : [query.service ?? '', query.environment ?? '']),
    ]);
    const shape: KeyShape = {
      pk: 'S',
      [spec.partitionAttribute]: 'S',
      [spec.sortAttribute]: spec.sortAttribute === 'occurrences' ? 'N' : 'S',
    };
    const sortValue = (report: Report) => report[spec.sortAttribute];
    const direction = query.order === 'asc' ? 1 : -1;
    // Ties on the sort key fall back to the report key, so a cursor resumes at one exact place.
    const order = (a: { sort: string | number; pk: string }, b: { sort: string | number; pk: string }) =>
      direction * (compare(a.sort, b.sort) || compare(a.pk, b.pk));
    const position = (report: Report) => ({ sort: sortValue(report), pk: report.reportKey });

    const after = query.cursor ? this.cursors.open(query.cursor, listName, shape) : null;
    const start = after
      ? { sort: after[spec.sortAttribute] as string | number, pk: String(after['pk']) }
      : null;
    const matching = candidates
      .filter((report) => !query.type || report.type === query.type)
      .filter(
        (report) =>
          !query.q ||
          (report.title ?? '').includes(query.q) ||
          report.summary.includes(query.q) ||
          report.extract.includes(query.q) ||
          report.signature.includes(query.q),
      )
      .filter((report) => hasTags(report, query))
      .filter((report) => !start || order(position(report), start) > 0)
      .sort((a, b) => order(position(a), position(b)));
    const page = matching.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      last && matching.length > query.limit
        ? this.cursors.seal(listName, {
            pk: last.reportKey,
            [spec.partitionAttribute]: spec.partition,
            [spec.sortAttribute]: sortValue(last),
          } satisfies Key)
        : null;
    return { items: page.map((report) => structuredClone(report)), nextCursor };
  }

  private find(matches: (report: Report) => boolean): Report | null {
    for (const report of this.reports.values()) if (matches(report)) return structuredClone(report);
    return null;
  }

  /** `n` more occurrences at `at`: total, last seen, per day. */
  private count(report: Report, at: string, n = 1): void {
    report.occurrences += n;
    report.lastSeen = at;
    report.daily[day(at)] = (report.daily[day(at)] ?? 0) + n;
  }

  /** Folded when past its bounds (the adapter refolds after the write); a copy for the caller. */
  private settle(report: Report): Report {
    if (needsFolding(report)) Object.assign(report, fold(report));
    return structuredClone(report);
  }

  private async bump(deltas: Partial<Record<Counter, number>>): Promise<void> {
    try {
      await this.faults.enter('reports.totals-add');
    } catch (error) {
      console.warn(
        `logsift: totals not updated (${Object.keys(deltas).join(', ')}): ${(error as Error).message}`,
      );
      return;
    }
    for (const [name, delta] of Object.entries(deltas) as [Counter, number][]) this.counters[name] += delta;
  }
}
