/**
 * Reports and their issues in DynamoDB. A report and its issue are one item
 * keyed by the report key (fingerprint), so every change to either is a
 * single-item conditional write: no transactions (dynalite has none), no
 * read-then-write for counts. Two small alias items, `report#<id>` and
 * `issue#<id>`, point at the key so lookups by id are strongly consistent
 * GetItems rather than reads of an eventually consistent index. An alias is
 * written before its report and only trusted when the report it points at
 * carries the same id, so a crash or a lost creation race leaves nothing a
 * reader can see.
 *
 * The `totals` item counts reports by type and issues by status. Each change
 * that moves a total is followed by one atomic ADD on it, made only when the
 * change really happened (a lost race or a repeated request adds nothing).
 * That ADD is best effort: if it fails the change still stands and the total
 * is off by one, which a list shows but nothing else reads.
 *
 * Every item stays within the byte budgets of budgets.ts, checked with the
 * DynamoDB size model of item-size.ts before the write: a new report's
 * signature and extract are cut to fit; further summaries are bounded by count
 * and bytes in the write's condition; the per-day counts and the history are
 * folded by a compare-and-set rewrite once they pass their bounds. So no input
 * makes a write fail on size, whatever a local emulator would accept.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { Conflict } from '#lib/errors';
import {
  type HistoryEntry,
  type IssueStatus,
  type MergedCount,
  type MergedSource,
  type Report,
  type SummaryEntry,
  TAG_KEYS,
  type TagCounts,
  type TagDelta,
  type TagKey,
} from '#lib/model';
import {
  fitNewReport,
  fold,
  foldTags,
  MAX_MERGED_SOURCES,
  needsFolding,
  REPORT_ITEM_BUDGET,
  summariesBytes,
  summaryEntryBytes,
} from './budgets.ts';
import {
  COUNTER_SHARDS,
  CounterShards,
  counterKey,
  foldableTags,
  NOTHING_PENDING,
  type Pending,
  pendingOf,
  sumTagDeltas,
} from './counter-shards.ts';
import { CursorSealer } from './cursor.ts';
import { countClauses, zeroClauses } from './dynamo-merged-counts.ts';
import { storageCall } from './errors.ts';
import { itemSize } from './item-size.ts';
import { held, partsOf, takeBack } from './merged-counts.ts';
import type {
  FiledWith,
  FoldRun,
  ListQuery,
  PageOf,
  ReportStore,
  SequencedOutcome,
  SequenceGuard,
  StatusChange,
  SummaryLimits,
  SummaryOutcome,
  Totals,
} from './ports.ts';
import { listSharded, shardOf, shardValue, shardValues } from './sharded-list.ts';

const LIST_KEY = 'report';
/** The item holding the counters behind `totals()`; in no index, so in no list. */
const TOTALS_KEY = 'totals';
const ISSUE_LIST = 'issue';
/** A count this much older than its report's lastSeen is late, not hot: counted on the item. */
const BACKDATED_MS = 60_000;
/** Queries one filtered list page may take before answering a short page. */
const MAX_FILTERED_QUERIES = 8;

interface IndexSpec {
  name: string;
  partition: string;
  sortKey: string;
  sortType: 'S' | 'N';
}

const REPORT_INDEXES: Record<ListQuery['sort'], IndexSpec> = {
  lastSeen: index('reportsByLastSeen', 'listKey', 'lastSeen', 'S'),
  firstSeen: index('reportsByFirstSeen', 'listKey', 'firstSeen', 'S'),
  occurrences: index('reportsByOccurrences', 'listKey', 'occurrences', 'N'),
};
const ISSUES_ALL = index('issues', 'issueList', 'issueId', 'S');
const ISSUES_BY_STATUS = index('issuesByStatus', 'issueStatusKey', 'issueId', 'S');

function index(name: string, partition: string, sortKey: string, sortType: 'S' | 'N'): IndexSpec {
  return { name, partition, sortKey, sortType };
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * The sparse index of reports whose counter items may hold counts: `foldDue`
 * is set with the counters mark and by each burst's first write (no index
 * write while it stays), and removed by the scheduled fold once the report is
 * quiet with nothing pending.
 */
export const FOLD_INDEX = 'reportsToFold';
/**
 * Partitions of that index: a report enters it once per burst after a quiet
 * minute, which across 1,000 reports is ~100 entries a second at 1,000
 * events/s — one partition's limit at 10,000.
 */
export const FOLD_SHARDS = 16;
/** The index partition a report's mark is in. */
export const foldDue = (reportKey: string) => shardValue('due', shardOf(reportKey, FOLD_SHARDS), FOLD_SHARDS);
/** A report this long without a count is quiet: no count can be on its way to a counter item. */
const FOLD_QUIET_MS = 60_000;
/**
 * A report's item moves at most once in this long (its lastSeen is the
 * condition): counts in between go to its counter items, and a fold of an item
 * moved more recently must wait (countOccurrence, withPending).
 */
const ITEM_MOVES_EVERY_MS = 1000;

const day = (at: string) => at.slice(0, 10);

/** The parts of an update that count one occurrence at `at`: total, last seen, per day. */
function counting(at: string, n = 1) {
  return {
    add: 'ADD occurrences :one',
    set: 'lastSeen = :at, daily.#day = if_not_exists(daily.#day, :zero) + :one',
    names: { '#day': day(at) },
    values: { ':one': n, ':zero': 0, ':at': at },
  };
}

/**
 * The parts of a count's update that add a request's tag counts, folded into
 * that same write; null without tags. Every key exists as a map on a report
 * created with tags (foldTags), so each value is one nested SET.
 */
/** Exact answers for counts that went to counter items, per report per container per second. */
const READ_BACKS_PER_SECOND = 20;

/** Hot report keys a container remembers (~100 bytes each). */
const HOT_REPORTS = 4096;

const foldedOf = (item: Record<string, unknown>) =>
  (item['folded'] as Record<string, number> | undefined) ?? {};

/** `pending` and one more count of `n` at `at`: a count's own share of its answer. */
function withOwn(pending: Pending, n: number, at: string): Pending {
  const date = at.slice(0, 10);
  return {
    ...pending,
    total: pending.total + n,
    byDay: { ...pending.byDay, [date]: (pending.byDay[date] ?? 0) + n },
    lastSeen: pending.lastSeen !== undefined && pending.lastSeen > at ? pending.lastSeen : at,
  };
}

/** A per-second allowance per key, so a burst costs no more reads than a trickle. */
class ReadBackBudget {
  private second = 0;
  private readonly used = new Map<string, number>();

  constructor(private readonly perSecond: number) {}

  take(key: string, nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.used.clear();
    }
    const used = this.used.get(key) ?? 0;
    if (used >= this.perSecond) return false;
    this.used.set(key, used + 1);
    return true;
  }
}

/** A report as its counter items' pending occurrences make it. */
function withCounts(report: Report, pending: Pending): Report {
  const daily = { ...report.daily };
  for (const [date, count] of Object.entries(pending.byDay)) daily[date] = (daily[date] ?? 0) + count;
  const lastSeen =
    pending.lastSeen && pending.lastSeen > report.lastSeen ? pending.lastSeen : report.lastSeen;
  const counted = { ...report, occurrences: report.occurrences + pending.total, daily, lastSeen };
  if (!pending.tags) return counted;
  const tags = sumTagDeltas([{ values: report.tags ?? {}, other: report.tagsOther ?? {} }, pending.tags]);
  return tags ? { ...counted, tags: tags.values, tagsOther: tags.other } : counted;
}

/** The generations of a hot report's counter tags already in its tags (lib/store/counter-shards.ts). */
const taggedOf = (item: Record<string, unknown>) =>
  (item['tagged'] as Record<string, number> | undefined) ?? {};

function tagging(delta: TagDelta | undefined) {
  if (!delta) return null;
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  let v = 0;
  TAG_KEYS.forEach((key, k) => {
    const counts = Object.entries(delta.values[key] ?? {});
    const other = delta.other[key] ?? 0;
    if (counts.length > 0 || other > 0) names[`#tk${k}`] = key;
    for (const [value, n] of counts) {
      names[`#tv${v}`] = value;
      values[`:tc${v}`] = n;
      sets.push(`tags.#tk${k}.#tv${v} = if_not_exists(tags.#tk${k}.#tv${v}, :zero) + :tc${v}`);
      v++;
    }
    if (other > 0) {
      values[`:to${k}`] = other;
      sets.push(`tagsOther.#tk${k} = if_not_exists(tagsOther.#tk${k}, :zero) + :to${k}`);
    }
  });
  return sets.length === 0 ? null : { set: sets.join(', '), names, values };
}

/**
 * The list's tag filters (`service=`, `environment=`): a report whose tags hold
 * that value, i.e. among its top values (lib/store/budgets.ts TAG_TOP). Run on
 * the page's full items, as `q` is (the list indexes project no tags).
 */
function tagPredicate(query: ListQuery): ((report: Report) => boolean) | null {
  const wanted = (['service', 'environment'] as const).filter((key) => query[key] !== undefined);
  if (wanted.length === 0) return null;
  return (report) => wanted.every((key) => report.tags?.[key]?.[query[key] as string] !== undefined);
}

/** What binds a cursor to the tag filters; nothing without them, so older cursors still open. */
function tagFilterKey(query: ListQuery): string[] {
  return query.service === undefined && query.environment === undefined
    ? []
    : [query.service ?? '', query.environment ?? ''];
}

/** The totals counter a status moves (ghosts are counted in no issue total). */
function statusDelta(status: IssueStatus, delta: number): Record<string, number> {
  return status === 'Ghost' ? {} : { [`status${status}`]: delta };
}

function fromItem(item: Record<string, unknown>): Report {
  return {
    reportKey: String(item['pk']),
    reportId: String(item['reportId']),
    issueId: String(item['issueId']),
    type: item['type'] as Report['type'],
    occurrences: Number(item['occurrences']),
    firstSeen: String(item['firstSeen']),
    lastSeen: String(item['lastSeen']),
    extract: String(item['extract'] ?? ''),
    extractTruncated: item['extractTruncated'] === true,
    signature: String(item['signature'] ?? ''),
    ...(typeof item['title'] === 'string' ? { title: item['title'] } : {}),
    ...(typeof item['culprit'] === 'string' || item['culprit'] === null
      ? { culprit: item['culprit'] as string | null }
      : {}),
    signatureTruncated: item['signatureTruncated'] === true,
    logSha256: String(item['logSha256'] ?? ''),
    ...(typeof item['firstLogId'] === 'string' ? { firstLogId: item['firstLogId'] } : {}),
    status: item['status'] as IssueStatus,
    summary: String(item['summary'] ?? ''),
    summaries: (item['summaries'] as SummaryEntry[] | undefined) ?? [],
    history: (item['history'] as HistoryEntry[] | undefined) ?? [],
    historyDropped: Number(item['historyDropped'] ?? 0),
    regressed: item['regressed'] === true,
    daily: (item['daily'] as Record<string, number> | undefined) ?? {},
    monthly: (item['monthly'] as Record<string, number> | undefined) ?? {},
    ...(item['tags'] ? { tags: item['tags'] as TagCounts } : {}),
    ...(item['tagsOther'] ? { tagsOther: item['tagsOther'] as Partial<Record<TagKey, number>> } : {}),
    ...mergeFields(item),
  };
}

/** A report's merge pointer, its merged sources and its fingerprint rule, where it has them. */
function mergeFields(item: Record<string, unknown>): Partial<Report> {
  const fields: Partial<Report> = {};
  if (typeof item['mergedInto'] === 'string') fields.mergedInto = item['mergedInto'];
  if (typeof item['mergedIntoId'] === 'string') fields.mergedIntoId = item['mergedIntoId'];
  const sources = item['mergedFrom'] as MergedSource[] | undefined;
  if (Array.isArray(sources) && sources.length > 0) {
    fields.mergedFrom = sources.map((s) => ({ ...s, occurrences: Number(s.occurrences) }));
  }
  if (typeof item['rule'] === 'string') fields.rule = item['rule'];
  return fields;
}

export interface ReportStoreOptions {
  /** Shards of each list index (LIST_SHARDS); 1 = the unsharded keys (`report`, `issue`, status). */
  listShards?: number;
  /** Counter items per hot report (lib/store/counter-shards.ts). */
  counterShards?: number;
  /** The clock counts are timed by (epoch ms): a simulation's, or the wall's. */
  now?: () => number;
}

export class DynamoReportStore implements ReportStore {
  private readonly cursors: CursorSealer;
  private readonly listShards: number;
  private readonly counters: CounterShards;
  private readonly folding = new Set<string>();
  private readonly now: () => number;
  /** How many counts a second per report answer with the exact total (17 reads each). */
  private readonly readBacks = new ReadBackBudget(READ_BACKS_PER_SECOND);
  /** Reports this container marked as counted in counter items (the mark is written once). */
  private readonly marked = new Set<string>();
  /** Keys of reports this container saw counted in counter items: a count reads them with their counters. */
  private readonly hot = new Set<string>();
  /** Filter values (service, environment) this container named on a report item (nameFilteredValues). */
  private readonly namedValues = new Set<string>();

  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    /** The per-deployment secret list cursors are signed with (CURSOR_SECRET). */
    cursorSecret: string | undefined = process.env['CURSOR_SECRET'],
    options: ReportStoreOptions = {},
  ) {
    this.cursors = new CursorSealer(cursorSecret);
    this.listShards = options.listShards ?? 1;
    this.counters = new CounterShards(ddb, table, options.counterShards ?? COUNTER_SHARDS);
    this.now = options.now ?? Date.now;
  }

  /**
   * One conditional write on the report when its `lastSeen` is a second old
   * or more (folding in whatever its counter items hold); otherwise, or when
   * another count moved it first, the occurrences go to a counter item
   * (lib/store/counter-shards.ts). So a report's item and its list entries
   * move at most once a second however hot it is, and the count is exact.
   * The answer's `occurrences` is then the report's as read plus this count:
   * at least the true total, which reads (getByKey, lists) give exactly.
   */
  async countOccurrence(reportKey: string, at: string, n = 1, tags?: TagDelta): Promise<Report | null> {
    const tag = tagging(tags);
    const exact = this.readBacks.take(reportKey, this.now());
    // A report known to count on counter items is read with them in one call:
    // the answer is then the total as read plus this count, and nothing is
    // read back after the add (two calls fewer per count).
    let read = exact && this.hot.has(reportKey) ? await this.counters.withReport(reportKey) : null;
    let item = read ? read.item : await this.getItem(reportKey);
    if (tag && item && typeof item['reportId'] === 'string' && item['tagsOther'] === undefined) {
      // A report stored before tags gets its empty tag maps once, then counts.
      await this.backfillTags(reportKey);
      item = await this.getItem(reportKey);
      read = null;
    }
    if (item?.['counters'] !== undefined) this.remember(reportKey);
    // A merged report counts nowhere itself: the caller follows mergedInto.
    if (!item || typeof item['reportId'] !== 'string' || item['mergedInto'] !== undefined) return null;
    const seen = String(item['lastSeen']);
    const cutoff = new Date(Date.parse(at) - ITEM_MOVES_EVERY_MS).toISOString();
    if (at < new Date(Date.parse(seen) - BACKDATED_MS).toISOString()) {
      // Counted well before the report was last seen (a late or backdated
      // log): on the item, lastSeen left as it is, no counters folded.
      const count = counting(at, n);
      return this.update('reports.count', {
        Key: { pk: reportKey },
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto)',
        UpdateExpression: `${count.add} SET daily.#day = if_not_exists(daily.#day, :zero) + :one${tag ? `, ${tag.set}` : ''}`,
        ExpressionAttributeNames: { ...count.names, ...tag?.names },
        ExpressionAttributeValues: { ':one': n, ':zero': 0, ...tag?.values },
      });
    }
    // One fold at a time per container: the others would only lose its race.
    if (seen <= cutoff && !this.folding.has(reportKey)) {
      this.folding.add(reportKey);
      try {
        const folded = item['folded'] as Record<string, number> | undefined;
        // Eventually consistent is enough: a stale counter folds less now, the rest next time.
        const pending = !item['counters']
          ? NOTHING_PENDING
          : read
            ? pendingOf(read.counters, folded ?? {}, taggedOf(item))
            : await this.counters.pending(reportKey, folded ?? {}, false, taggedOf(item));
        const counted = await this.countAndFold(item, at, n, pending, tags);
        if (counted) return counted;
      } finally {
        this.folding.delete(reportKey);
      }
    }
    // By report id too: a report made again under this key must be marked again.
    const mark = `${reportKey}#${String(item['reportId'])}`;
    if (item['counters'] === undefined && !this.marked.has(mark)) {
      await this.markCounted(reportKey);
      this.marked.add(mark);
      this.remember(reportKey);
    }
    await this.counters.add(reportKey, n, at, tags);
    await this.nameFilteredValues(item, tags);
    if (read) {
      // An item not yet marked had nothing on counter items when it was read.
      const before =
        item['counters'] === undefined
          ? NOTHING_PENDING
          : pendingOf(read.counters, foldedOf(item), taggedOf(item));
      return withCounts(fromItem(item), withOwn(before, n, at));
    }
    if (exact) {
      // The item read again after the add, then its counters: a fold in
      // between moves nothing out of the counters, so the sum is exact.
      const now = await this.getItem(reportKey);
      if (now && typeof now['reportId'] === 'string') return this.withPending(now);
    }
    // Past the read-back budget (a burst): the answer may trail the exact
    // total by the last second's counts, which every read gives exactly.
    const report = fromItem(item);
    return { ...report, occurrences: report.occurrences + n };
  }

  /**
   * The list filters (service, environment) run on report items, not on
   * counter items: a value a burst brings first is named on the item, with
   * no count (its count is the counters'). One write per new value, which a
   * report has few of for these keys; best effort, the count being stored.
   */
  private async nameFilteredValues(item: Record<string, unknown>, tags?: TagDelta): Promise<void> {
    if (!tags) return;
    const held = (item['tags'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const sets: string[] = [];
    const absent: string[] = [];
    const names: Record<string, string> = {};
    let v = 0;
    (['service', 'environment'] as const).forEach((key, k) => {
      for (const value of Object.keys(tags.values[key] ?? {})) {
        // This container named it already: counts read before that write would name it again.
        const once = `${String(item['pk'])}\0${key}\0${value}`;
        if (held[key]?.[value] !== undefined || this.namedValues.has(once)) continue;
        if (this.namedValues.size >= HOT_REPORTS) this.namedValues.clear();
        this.namedValues.add(once);
        names[`#nk${k}`] = key;
        names[`#nv${v}`] = value;
        sets.push(`tags.#nk${k}.#nv${v} = if_not_exists(tags.#nk${k}.#nv${v}, :zero)`);
        absent.push(`attribute_not_exists(tags.#nk${k}.#nv${v})`);
        v++;
      }
    });
    if (sets.length === 0) return;
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: String(item['pk']) },
          ConditionExpression: `attribute_exists(pk) AND attribute_exists(tagsOther) AND (${absent.join(' OR ')})`,
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) {
        console.warn(
          `logsift: report ${String(item['reportId'])} filter values not named: ${(error as Error).message}`,
        );
      }
    }
  }

  private remember(reportKey: string): void {
    if (this.hot.size >= HOT_REPORTS) this.hot.clear();
    this.hot.add(reportKey);
  }

  /**
   * The count and every pending counter in one write, while `lastSeen` is
   * still the item's: the occurrences, and the tag counts of the counters'
   * generations the report does not hold yet (rotated here first).
   */
  private async countAndFold(
    item: Record<string, unknown>,
    at: string,
    n: number,
    pending: Pending,
    tags?: TagDelta,
  ): Promise<Report | null> {
    const reportKey = String(item['pk']);
    const seen = String(item['lastSeen']);
    const folded = item['folded'] as Record<string, number> | undefined;
    const fromCounters =
      item['counters'] !== undefined && pending.states
        ? await this.counters.tagsToFold(reportKey, pending, taggedOf(item))
        : { tagged: {}, left: false };
    const tag = tagging(foldableTags([tags, fromCounters.tags]));
    // A report stored before tags gets its maps first; its lastSeen, the condition below, stays.
    if (tag && item['tagsOther'] === undefined) await this.backfillTags(reportKey);
    const byDay: Record<string, number> = { ...pending.byDay };
    if (n > 0) byDay[day(at)] = (byDay[day(at)] ?? 0) + n;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':total': n + pending.total,
      ':at': at,
      ':seen': seen,
      ':zero': 0,
    };
    const sets = ['lastSeen = :at', ...(tag ? [tag.set] : [])];
    // A burst starts with this write: its counter items are the scheduled fold's to find (FOLD_INDEX).
    if (item['counters'] !== undefined) {
      sets.push('foldDue = :due');
      values[':due'] = foldDue(reportKey);
    }
    Object.assign(names, tag?.names);
    Object.assign(values, tag?.values);
    Object.entries(byDay).forEach(([date, count], i) => {
      names[`#d${i}`] = date;
      values[`:d${i}`] = count;
      sets.push(`daily.#d${i} = if_not_exists(daily.#d${i}, :zero) + :d${i}`);
    });
    if (folded === undefined) {
      if (Object.keys(pending.ahead).length > 0) {
        sets.push('folded = :folded');
        values[':folded'] = pending.ahead;
      }
    } else {
      Object.entries(pending.ahead).forEach(([shard, count], i) => {
        names[`#f${i}`] = shard;
        values[`:f${i}`] = count;
        sets.push(`folded.#f${i} = :f${i}`);
      });
    }
    if (item['tagged'] === undefined) {
      if (Object.keys(fromCounters.tagged).length > 0) {
        sets.push('tagged = :tagged');
        values[':tagged'] = fromCounters.tagged;
      }
    } else {
      Object.entries(fromCounters.tagged).forEach(([shard, generation], i) => {
        names[`#g${i}`] = shard;
        values[`:g${i}`] = generation;
        sets.push(`tagged.#g${i} = :g${i}`);
      });
    }
    return this.update(
      'reports.count',
      {
        Key: { pk: reportKey },
        // lastSeen moves with every write of `folded`, so this also proves `folded` is as read.
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(mergedInto) AND lastSeen = :seen',
        UpdateExpression: `ADD occurrences :total SET ${sets.join(', ')}`,
        ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
        ExpressionAttributeValues: values,
      },
      // Every counter was just folded in, unless some tags could not be: nothing else to read back.
      fromCounters.left,
    );
  }

  /**
   * Empty tag maps for a report stored before tags; false when there is no
   * report under the key, or it has them already.
   */
  private async backfillTags(reportKey: string): Promise<boolean> {
    const empty = foldTags({});
    const done = await this.update('reports.backfill-tags', {
      Key: { pk: reportKey },
      ConditionExpression: 'attribute_exists(reportId) AND attribute_not_exists(tagsOther)',
      UpdateExpression: 'SET tags = if_not_exists(tags, :tags), tagsOther = :other',
      ExpressionAttributeValues: { ':tags': empty.tags, ':other': empty.tagsOther },
    });
    return done !== null;
  }

  /** Marks a report as counted in counter items too, once; readers then add what they hold. */
  private async markCounted(reportKey: string): Promise<void> {
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: reportKey },
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(counters)',
          UpdateExpression: 'SET counters = :shards, foldDue = :due',
          ExpressionAttributeValues: { ':shards': this.counters.shards, ':due': foldDue(reportKey) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) await storageCall('reports.count-mark', () => Promise.reject(error));
    }
  }

  /** The report of a stored item, with what its counter items hold beyond it. */
  private async withPending(item: Record<string, unknown>, read?: Pending): Promise<Report> {
    const report = fromItem(item);
    if (item['counters'] === undefined) return report;
    const folded = (item['folded'] as Record<string, number> | undefined) ?? undefined;
    const pending =
      read ?? (await this.counters.pending(report.reportKey, folded ?? {}, true, taggedOf(item)));
    if (pending.total === 0) return pending.tags ? withCounts(report, pending) : report;
    const seen = String(item['lastSeen']);
    // Folded on read once the burst is over: without it the list indexes would
    // keep the count and lastSeen of the burst's first second until the next count.
    // The fold must move lastSeen (to the counters' latest time, later than the
    // item's): every write of `folded` moving it is what lets a count's fold,
    // conditioned on the lastSeen it read, prove `folded` unchanged.
    const at = pending.lastSeen;
    if (
      at !== undefined &&
      at > seen &&
      seen <= new Date(this.now() - ITEM_MOVES_EVERY_MS).toISOString() &&
      item['mergedInto'] === undefined &&
      !this.folding.has(report.reportKey)
    ) {
      this.folding.add(report.reportKey);
      try {
        const settled = await this.countAndFold(item, at, 0, pending);
        if (settled) return settled;
      } finally {
        this.folding.delete(report.reportKey);
      }
    }
    return withCounts(report, pending);
  }

  private async addPending(report: Report, item: Record<string, unknown>): Promise<Report> {
    const folded = (item['folded'] as Record<string, number> | undefined) ?? {};
    const pending = await this.counters.pending(report.reportKey, folded, true, taggedOf(item));
    return pending.total === 0 && !pending.tags ? report : withCounts(report, pending);
  }

  async foldCounters(options: { maxReports?: number } = {}): Promise<FoldRun> {
    const max = options.maxReports ?? 1000;
    const run: FoldRun = { reports: 0, folded: 0, cleared: 0, more: false };
    for (const due of shardValues('due', FOLD_SHARDS)) {
      let start: Record<string, unknown> | undefined;
      do {
        if (run.reports >= max) {
          run.more = true;
          return run;
        }
        const page = await storageCall('reports.fold-due', () =>
          this.ddb.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: FOLD_INDEX,
              KeyConditionExpression: 'foldDue = :due',
              ExpressionAttributeValues: { ':due': due },
              Limit: Math.min(100, max - run.reports),
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          ),
        );
        for (const entry of page.Items ?? []) {
          run.reports++;
          const outcome = await this.foldOne(String(entry['pk']));
          if (outcome === 'folded') run.folded++;
          if (outcome === 'cleared') run.cleared++;
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return run;
  }

  /** One report of the scheduled fold: folded as a read would, or unmarked when quiet with nothing pending. */
  private async foldOne(reportKey: string): Promise<'folded' | 'cleared' | 'left'> {
    const item = await this.getItem(reportKey);
    if (!item || typeof item['reportId'] !== 'string') return 'left';
    const seen = String(item['lastSeen']);
    // Moved within the second: nothing may fold it yet, and a report counted
    // that recently is not quiet either. Its next count or this schedule's next
    // run folds it (under a steady load every run would read its counter items
    // twice for nothing).
    if (seen > new Date(this.now() - ITEM_MOVES_EVERY_MS).toISOString()) return 'left';
    const pending =
      item['counters'] !== undefined && item['mergedInto'] === undefined
        ? await this.counters.pending(
            reportKey,
            (item['folded'] as Record<string, number>) ?? {},
            true,
            taggedOf(item),
          )
        : NOTHING_PENDING;
    if (pending.total > 0) {
      await this.withPending(item, pending);
      const stored = await this.getItem(reportKey);
      return Number(stored?.['occurrences']) > Number(item['occurrences']) ? 'folded' : 'left';
    }
    // Tags only (a fold that lost its race after rotating): read exactly, folded by the next count.
    if (pending.tags || seen > new Date(this.now() - FOLD_QUIET_MS).toISOString()) return 'left';
    const cleared = await this.update(
      'reports.fold-clear',
      {
        Key: { pk: reportKey },
        // A count since moved lastSeen, and set the mark again if it was the first of a burst.
        ConditionExpression: 'lastSeen = :seen AND attribute_exists(foldDue)',
        UpdateExpression: 'REMOVE foldDue',
        ExpressionAttributeValues: { ':seen': seen },
      },
      false,
    );
    return cleared ? 'cleared' : 'left';
  }

  async countWithSummary(
    reportKey: string,
    at: string,
    bug: FiledWith,
    limits: SummaryLimits,
    tags?: TagDelta,
  ): Promise<SummaryOutcome> {
    const tag = tagging(tags);
    // Bugs are filed at a person's pace: one write to be sure a report stored before tags has their maps.
    if (tag) await this.backfillTags(reportKey);
    const entry = { summary: bug.summary, at, logId: bug.logId };
    return this.writeSummary(reportKey, null, entry, limits, true, tag);
  }

  async create(report: Report, positions: Record<string, string> = {}): Promise<boolean> {
    const { reportKey } = report;
    const fitted = fitNewReport(report);
    const item = {
      ...fitted,
      ...Object.fromEntries(Object.entries(positions).map(([stream, at]) => [`seq#${stream}`, at])),
      pk: reportKey,
      summariesBytes: summariesBytes(fitted.summaries),
      ...this.listAttributes(reportKey, report.status),
    };
    // The budgets make this unreachable; if they were ever wrong, say so rather than send it.
    const size = itemSize(item);
    if (size > REPORT_ITEM_BUDGET) throw new Error(`report item of ${size} bytes is over its budget`);
    await this.putAlias(`report#${report.reportId}`, reportKey);
    await this.putAlias(`issue#${report.issueId}`, reportKey);
    try {
      await this.ddb.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await this.bumpTotals({ reports: 1, [`type${report.type}`]: 1, ...statusDelta(report.status, 1) });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return storageCall('reports.create', () => Promise.reject(error));
    }
  }

  async getByKey(reportKey: string): Promise<Report | null> {
    const item = await this.getItem(reportKey);
    return item && typeof item['reportId'] === 'string' ? this.withPending(item) : null;
  }

  getByReportId(reportId: string): Promise<Report | null> {
    return this.viaAlias(`report#${reportId}`, (report) => report.reportId === reportId);
  }

  getByIssueId(issueId: string): Promise<Report | null> {
    return this.viaAlias(`issue#${issueId}`, (report) => report.issueId === issueId);
  }

  fileSummary(
    reportKey: string,
    reportId: string,
    entry: SummaryEntry,
    limits: SummaryLimits,
  ): Promise<SummaryOutcome> {
    return this.writeSummary(reportKey, reportId, entry, limits, false);
  }

  /**
   * Ghost -> Open with the summary, or the summary kept beside the first
   * within `limits`: one conditional update, which also counts an occurrence
   * when `count` is set (a bug filed with its log). With `reportId`, only the
   * report of that id is written (not one created again under the same key).
   */
  private async writeSummary(
    reportKey: string,
    reportId: string | null,
    entry: SummaryEntry,
    limits: SummaryLimits,
    count: boolean,
    tag: ReturnType<typeof tagging> = null,
  ): Promise<SummaryOutcome> {
    const counted = count ? counting(entry.at) : { add: '', set: '', names: {}, values: {} };
    const also = {
      ...counted,
      set: tag && counted.set ? `${counted.set}, ${tag.set}` : counted.set,
      names: { ...counted.names, ...tag?.names },
      values: { ...counted.values, ...tag?.values },
    };
    const andCount = also.set ? `, ${also.set} ${also.add}` : '';
    const sameReport = reportId === null ? '' : ' AND reportId = :reportId';
    const idValue = reportId === null ? {} : { ':reportId': reportId };
    const entryBytes = summaryEntryBytes(entry);
    for (let attempt = 0; attempt < 4; attempt++) {
      const upgraded = await this.update('reports.upgrade', {
        Key: { pk: reportKey },
        ConditionExpression: `#status = :ghost AND attribute_not_exists(mergedInto)${sameReport}`,
        UpdateExpression: `SET #status = :open, summary = :summary, issueList = :issueList, issueStatusKey = :openKey, history = list_append(history, :event)${andCount}`,
        ExpressionAttributeNames: { '#status': 'status', ...also.names },
        ExpressionAttributeValues: {
          ':ghost': 'Ghost',
          ':open': 'Open',
          ':summary': entry.summary,
          ':issueList': this.listAttributes(reportKey, 'Open')['issueList'],
          ':openKey': this.listAttributes(reportKey, 'Open')['issueStatusKey'],
          ':event': [{ event: 'upgraded', at: entry.at }],
          ...idValue,
          ...also.values,
        },
      });
      if (upgraded) {
        await this.bumpTotals(statusDelta('Open', 1));
        return { kind: 'filed', report: upgraded };
      }

      const added = await this.update('reports.add-summary', {
        Key: { pk: reportKey },
        ConditionExpression: `attribute_exists(pk) AND #status <> :ghost${sameReport} AND size(summaries) < :max AND summariesBytes <= :room`,
        UpdateExpression: `SET summaries = list_append(summaries, :entry), summariesBytes = summariesBytes + :entryBytes, history = list_append(history, :event)${andCount}`,
        ExpressionAttributeNames: { '#status': 'status', ...also.names },
        ExpressionAttributeValues: {
          ':ghost': 'Ghost',
          ':max': limits.maxEntries,
          ':room': limits.maxBytes - entryBytes,
          ':entry': [entry],
          ':entryBytes': entryBytes,
          ':event': [{ event: 'summary-added', at: entry.at }],
          ...idValue,
          ...also.values,
        },
      });
      if (added) return { kind: 'filed', report: added };
      const item = await this.getItem(reportKey);
      const current = item && typeof item['reportId'] === 'string' ? fromItem(item) : null;
      if (!current || (reportId !== null && current.reportId !== reportId)) return { kind: 'missing' };
      if (current.mergedInto !== undefined) return { kind: 'missing' };
      if (item && item['summariesBytes'] === undefined) {
        // stored before summaries were counted in bytes: count them once, then try again
        await this.backfillSummariesBytes(current);
        continue;
      }
      const full =
        current.summaries.length >= limits.maxEntries ||
        summariesBytes(current.summaries) + entryBytes > limits.maxBytes;
      if (current.status !== 'Ghost' && full) return { kind: 'full', report: current };
      // deleted and created again in between (a ghost, or an issue with room): try again
    }
    throw new Conflict('the issue is changing too fast; try again');
  }

  private async backfillSummariesBytes(report: Report): Promise<void> {
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: report.reportKey },
          ConditionExpression: 'attribute_not_exists(summariesBytes) AND size(summaries) = :count',
          UpdateExpression: 'SET summariesBytes = :bytes',
          ExpressionAttributeValues: {
            ':count': report.summaries.length,
            ':bytes': summariesBytes(report.summaries),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) await storageCall('reports.backfill', () => Promise.reject(error));
    }
  }

  async markRegressed(reportKey: string, at: string): Promise<Report | null> {
    const reopened = await this.update('reports.regress', {
      Key: { pk: reportKey },
      ConditionExpression: '#status = :closed',
      UpdateExpression:
        'SET #status = :open, issueStatusKey = :openKey, regressed = :yes, history = list_append(history, :event)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':closed': 'Closed',
        ':open': 'Open',
        ':openKey': this.listAttributes(reportKey, 'Open')['issueStatusKey'],
        ':yes': true,
        ':event': [{ event: 'regressed', at }],
      },
    });
    if (reopened) await this.bumpTotals({ ...statusDelta('Closed', -1), ...statusDelta('Open', 1) });
    return reopened;
  }

  async setStatus(reportKey: string, change: StatusChange, at: string): Promise<Report | null> {
    // Reopening keeps the regressed mark; closing clears it.
    const clearRegressed = change.to === 'Closed' ? ', regressed = :no' : '';
    const updated = await this.update('reports.status', {
      Key: { pk: reportKey },
      ConditionExpression: '#status = :current AND issueId = :issueId',
      UpdateExpression: `SET #status = :status, issueStatusKey = :statusKey, history = list_append(history, :event)${clearRegressed}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':current': change.from,
        ':issueId': change.issueId,
        ':status': change.to,
        ':statusKey': this.listAttributes(reportKey, change.to)['issueStatusKey'],
        ':event': [{ event: change.to === 'Closed' ? 'closed' : 'reopened', at }],
        ...(clearRegressed ? { ':no': false } : {}),
      },
    });
    if (updated) await this.bumpTotals({ ...statusDelta(change.from, -1), ...statusDelta(change.to, 1) });
    return updated;
  }

  async delete(report: Report): Promise<void> {
    // The report first: once it is gone the aliases resolve to nothing.
    const old = await storageCall('reports.delete', () =>
      this.ddb
        .send(
          new DeleteCommand({
            TableName: this.table,
            Key: { pk: report.reportKey },
            ConditionExpression: 'issueId = :issueId',
            ExpressionAttributeValues: { ':issueId': report.issueId },
            ReturnValues: 'ALL_OLD',
          }),
        )
        .then((answer) => answer.Attributes ?? null)
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
          return null;
        }),
    );
    const deleted = old ? fromItem(old) : null;
    if (old?.['counters'] !== undefined) {
      // A report made again under this key must not inherit these counts.
      for (let shard = 0; shard < this.counters.shards; shard++) {
        await storageCall('reports.delete-counter', () =>
          this.ddb.send(
            new DeleteCommand({ TableName: this.table, Key: { pk: counterKey(report.reportKey, shard) } }),
          ),
        );
      }
    }
    if (deleted && deleted.mergedInto === undefined) {
      await this.bumpTotals({ reports: -1, [`type${deleted.type}`]: -1, ...statusDelta(deleted.status, -1) });
    }
    for (const alias of [`report#${report.reportId}`, `issue#${report.issueId}`]) {
      await storageCall('reports.delete-alias', () =>
        this.ddb.send(new DeleteCommand({ TableName: this.table, Key: { pk: alias } })),
      );
    }
  }

  listReports(query: ListQuery): Promise<PageOf<Report>> {
    const spec = REPORT_INDEXES[query.sort];
    return this.list(spec, LIST_KEY, query);
  }

  listIssues(query: ListQuery): Promise<PageOf<Report>> {
    return query.status
      ? this.list(ISSUES_BY_STATUS, query.status, query)
      : this.list(ISSUES_ALL, ISSUE_LIST, query);
  }

  async totals(): Promise<Totals> {
    const item = (await this.getItem(TOTALS_KEY)) ?? {};
    const count = (name: string) => Math.max(0, Number(item[name] ?? 0));
    return {
      reports: count('reports'),
      byType: { C: count('typeC'), E: count('typeE'), W: count('typeW') },
      issues: { Open: count('statusOpen'), Closed: count('statusClosed') },
    };
  }

  /**
   * Sets the totals from a count of the reports themselves, reading the whole
   * table (a Scan: for `npm run recount`, never a request). Changes made while
   * it reads may be missed, so run it while the service is idle.
   */
  async recountTotals(): Promise<Totals> {
    const counts: Record<string, number> = {};
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await storageCall('reports.recount', () =>
        this.ddb.send(
          new ScanCommand({
            TableName: this.table,
            ProjectionExpression: 'reportId, #type, #status, mergedInto',
            ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        if (typeof item['reportId'] !== 'string') continue; // an alias or the totals item
        if (typeof item['mergedInto'] === 'string') continue; // counted on the report it was merged into
        const report = item as Pick<Report, 'type' | 'status'>;
        for (const [name, delta] of Object.entries({
          reports: 1,
          [`type${report.type}`]: 1,
          ...statusDelta(report.status, 1),
        })) {
          counts[name] = (counts[name] ?? 0) + delta;
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    await storageCall('reports.recount', () =>
      this.ddb.send(new PutCommand({ TableName: this.table, Item: { ...counts, pk: TOTALS_KEY } })),
    );
    return this.totals();
  }

  async markMerged(
    reportKey: string,
    target: Pick<Report, 'reportKey' | 'reportId'>,
    at: string,
  ): Promise<Report | null> {
    // Out of the report list by losing its index attribute (a ghost is in no issue list).
    const merged = await this.update('reports.merge', {
      Key: { pk: reportKey },
      ConditionExpression:
        'attribute_exists(pk) AND #status = :ghost AND attribute_not_exists(mergedInto) AND attribute_not_exists(mergedKeys)',
      UpdateExpression:
        'SET mergedInto = :target, mergedIntoId = :targetId, history = list_append(history, :event) REMOVE listKey',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':ghost': 'Ghost',
        ':target': target.reportKey,
        ':targetId': target.reportId,
        ':event': [{ event: 'merged-into', at, reportId: target.reportId }],
      },
    });
    if (merged) await this.bumpTotals({ reports: -1, [`type${merged.type}`]: -1 });
    return merged;
  }

  async addMergedSource(
    reportKey: string,
    source: MergedSource,
    at: string,
    counts: readonly MergedCount[] = [],
  ): Promise<Report | null> {
    const parts = partsOf(counts);
    if (parts.length > 0) await this.ensureCountMaps(reportKey);
    const first = countClauses(parts[0] ?? [], 1);
    const entry: MergedSource = { ...source, parts: parts.length, moved: Math.min(1, parts.length) };
    // `mergedKeys` (a string set) makes "not merged twice" one condition; `mergedFrom` keeps the details.
    let kept = await this.update('reports.merge-source', {
      Key: { pk: reportKey },
      ConditionExpression:
        'attribute_exists(pk) AND attribute_not_exists(mergedInto) AND NOT contains(mergedKeys, :source) AND (attribute_not_exists(mergedFrom) OR size(mergedFrom) < :max)',
      UpdateExpression: `SET mergedFrom = list_append(if_not_exists(mergedFrom, :none), :entry), history = list_append(history, :event)${first.sets.map((set) => `, ${set}`).join('')} ADD occurrences :n, mergedKeys :sources`,
      ...(Object.keys(first.names).length > 0 ? { ExpressionAttributeNames: first.names } : {}),
      ExpressionAttributeValues: {
        ':source': source.reportKey,
        ':sources': new Set([source.reportKey]),
        ':max': MAX_MERGED_SOURCES,
        ':none': [],
        ':entry': [entry],
        ':n': source.occurrences,
        ':event': [{ event: 'merged', at, reportId: source.reportId }],
        ...first.values,
      },
    });
    if (!kept) {
      // Held already (a merge made meanwhile by a repeat of this one): answer it as it is, and make
      // the writes of its counts still to make when that merge stopped amid them.
      const current = await this.getByKey(reportKey);
      const held = current?.mergedFrom?.find((e) => e.reportKey === source.reportKey);
      if (!current || !held) return null;
      if (held.parts === undefined || (held.moved ?? 0) >= held.parts) return current;
      kept = current;
    }
    return this.moveCountParts(reportKey, source.reportKey, parts, kept);
  }

  /** The merge's further writes of counts, each a compare-and-set on how many are done. */
  private async moveCountParts(
    reportKey: string,
    sourceKey: string,
    parts: MergedCount[][],
    kept: Report,
  ): Promise<Report | null> {
    let report: Report | null = kept;
    for (let attempt = 0; attempt < parts.length + 4 && report; attempt++) {
      const index = (report.mergedFrom ?? []).findIndex((e) => e.reportKey === sourceKey);
      if (index < 0) return report; // unmerged meanwhile
      const moved = report.mergedFrom![index]!.moved ?? 0;
      const total = Math.min(parts.length, report.mergedFrom![index]!.parts ?? 0);
      if (moved >= total) return report;
      const part = countClauses(parts[moved]!, 1);
      const next = await this.update('reports.merge-source', {
        Key: { pk: reportKey },
        ConditionExpression: `mergedFrom[${index}].reportKey = :source AND mergedFrom[${index}].moved = :moved`,
        UpdateExpression: `SET ${[...part.sets, `mergedFrom[${index}].moved = :next`].join(', ')}`,
        ExpressionAttributeNames: part.names,
        ExpressionAttributeValues: {
          ...part.values,
          ':source': sourceKey,
          ':moved': moved,
          ':next': moved + 1,
        },
      });
      report = next ?? (await this.getByKey(reportKey));
    }
    if (!report) return null;
    throw new Conflict('the report is changing too fast; try again');
  }

  /** The maps a merge's counts are added under, made where an older item lacks them. */
  private async ensureCountMaps(reportKey: string): Promise<void> {
    const item = await this.getItem(reportKey);
    if (!item || typeof item['reportId'] !== 'string') return;
    const tags = item['tags'] as Record<string, unknown> | undefined;
    const sets: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (item['monthly'] === undefined) sets.push('monthly = if_not_exists(monthly, :empty)');
    if (item['tagsOther'] === undefined) {
      sets.push('tagsOther = if_not_exists(tagsOther, :other)');
      values[':other'] = foldTags({}).tagsOther;
    }
    if (tags === undefined) {
      sets.push('tags = if_not_exists(tags, :tags)');
      values[':tags'] = foldTags({}).tags;
    } else
      TAG_KEYS.forEach((key, k) => {
        if (tags[key] !== undefined) return;
        names[`#ek${k}`] = key;
        sets.push(`tags.#ek${k} = if_not_exists(tags.#ek${k}, :empty)`);
      });
    if (sets.length === 0) return;
    if (sets.some((set) => set.includes(':empty'))) values[':empty'] = {};
    await this.update(
      'reports.merge-source',
      {
        Key: { pk: reportKey },
        ConditionExpression: 'attribute_exists(reportId)',
        UpdateExpression: `SET ${sets.join(', ')}`,
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
      false,
    );
  }

  async removeMergedSource(
    reportKey: string,
    sourceKey: string,
    at: string,
    counts: readonly MergedCount[] = [],
  ): Promise<Report | null> {
    const parts = partsOf(counts);
    // A compare-and-set on the entry's place in the list: another unmerge in between moves it.
    for (let attempt = 0; attempt < parts.length + 4; attempt++) {
      // The stored counts (not the counters' pending ones) are where a merge's counts went.
      const item = await this.getItem(reportKey);
      if (!item || typeof item['reportId'] !== 'string') return null;
      const current = fromItem(item);
      const index = (current.mergedFrom ?? []).findIndex((entry) => entry.reportKey === sourceKey);
      if (index < 0) return this.withPending(item);
      const source = current.mergedFrom![index]!;
      // A merge made before counts moved with it moved none.
      const moved = source.parts === undefined ? 0 : Math.min(source.moved ?? 0, parts.length);
      const taking = moved > 0 ? takeBack(current, parts[moved - 1]!) : [];
      const take = countClauses(taking, -1);
      const conditions = [`mergedFrom[${index}].reportKey = :source`, ...take.conditions].join(' AND ');
      if (moved > 1) {
        // The last write of counts made is undone first; the entry goes with the first.
        const undone = await this.update('reports.unmerge-source', {
          Key: { pk: reportKey },
          ConditionExpression: `${conditions} AND mergedFrom[${index}].moved = :moved`,
          UpdateExpression: `SET ${[...take.sets, `mergedFrom[${index}].moved = :left`].join(', ')}`,
          ...(Object.keys(take.names).length > 0 ? { ExpressionAttributeNames: take.names } : {}),
          ExpressionAttributeValues: {
            ...take.values,
            ':source': sourceKey,
            ':moved': moved,
            ':left': moved - 1,
          },
        });
        if (undone) await this.dropZeroCounts(reportKey, taking);
        continue;
      }
      const last = current.mergedFrom!.length === 1;
      const removed = await this.update('reports.unmerge-source', {
        Key: { pk: reportKey },
        ConditionExpression: conditions,
        UpdateExpression: `REMOVE mergedFrom[${index}] DELETE mergedKeys :sources ADD occurrences :n SET ${[
          'history = list_append(history, :event)',
          ...take.sets,
        ].join(', ')}`,
        ...(Object.keys(take.names).length > 0 ? { ExpressionAttributeNames: take.names } : {}),
        ExpressionAttributeValues: {
          ...take.values,
          ':source': sourceKey,
          ':sources': new Set([sourceKey]),
          ':n': -source.occurrences,
          ':event': [{ event: 'unmerged', at, reportId: source.reportId }],
        },
      });
      if (removed) {
        // An emptied string set is removed by DynamoDB itself; the empty list is dropped here so the item reads as never merged.
        if (last) await this.dropEmptyMergedFrom(reportKey);
        if (taking.length > 0) await this.dropZeroCounts(reportKey, taking);
        return last || taking.length > 0 ? this.getByKey(reportKey) : removed;
      }
    }
    throw new Conflict('the report is changing too fast; try again');
  }

  /** Best effort: the days and tag values an unmerge left at zero, gone as if never counted. */
  private async dropZeroCounts(reportKey: string, taken: readonly MergedCount[]): Promise<void> {
    const item = await this.getItem(reportKey);
    if (!item || typeof item['reportId'] !== 'string') return;
    const stored = fromItem(item);
    const zero = zeroClauses(taken.filter((place) => held(stored, place) === 0));
    if (zero.sets.length === 0) return;
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: reportKey },
          ConditionExpression: zero.conditions.join(' AND '),
          UpdateExpression: `REMOVE ${zero.sets.join(', ')}`,
          ExpressionAttributeNames: zero.names,
          ExpressionAttributeValues: zero.values,
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error))
        await storageCall('reports.unmerge-source', () => Promise.reject(error));
    }
  }

  async unmarkMerged(reportKey: string, targetKey: string, at: string): Promise<Report | null> {
    const current = await this.getByKey(reportKey);
    const unmerged = await this.update('reports.unmerge', {
      Key: { pk: reportKey },
      ConditionExpression: 'mergedInto = :target',
      UpdateExpression:
        'SET listKey = :list, history = list_append(history, :event) REMOVE mergedInto, mergedIntoId',
      ExpressionAttributeValues: {
        ':target': targetKey,
        ':list': this.listAttributes(reportKey, 'Ghost')['listKey'],
        ':event': [
          { event: 'unmerged', at, ...(current?.mergedIntoId ? { reportId: current.mergedIntoId } : {}) },
        ],
      },
    });
    if (unmerged) await this.bumpTotals({ reports: 1, [`type${unmerged.type}`]: 1 });
    return unmerged;
  }

  private async dropEmptyMergedFrom(reportKey: string): Promise<void> {
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: reportKey },
          ConditionExpression: 'size(mergedFrom) = :zero',
          UpdateExpression: 'REMOVE mergedFrom',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error))
        await storageCall('reports.unmerge-source', () => Promise.reject(error));
    }
  }

  /**
   * Moves every report into its shard of each list for this store's shard
   * count (after LIST_SHARDS changed), reading the whole table (a Scan: for
   * `npm run recount`, never a request). Each move is conditional on the
   * status it was computed for, so a concurrent change is never undone; its
   * own write puts that report in the right shard anyway. Answers how many moved.
   */
  async reshardLists(): Promise<number> {
    let moved = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await storageCall('reports.reshard', () =>
        this.ddb.send(
          new ScanCommand({
            TableName: this.table,
            ProjectionExpression: 'pk, reportId, #status, listKey, issueList, issueStatusKey, mergedInto',
            ExpressionAttributeNames: { '#status': 'status' },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        if (typeof item['reportId'] !== 'string') continue; // an alias or a counter
        const status = item['status'] as IssueStatus;
        const wanted = this.listAttributes(String(item['pk']), status);
        // A merged report is in no report list (markMerged removed its listKey).
        if (item['mergedInto'] !== undefined) delete wanted['listKey'];
        const names = ['listKey', 'issueList', 'issueStatusKey'] as const;
        if (names.every((name) => item[name] === wanted[name])) continue;
        const set = names.filter((name) => wanted[name] !== undefined);
        const remove = names.filter((name) => wanted[name] === undefined && item[name] !== undefined);
        try {
          await this.ddb.send(
            new UpdateCommand({
              TableName: this.table,
              Key: { pk: item['pk'] },
              ConditionExpression: '#status = :status',
              UpdateExpression: [
                set.length > 0 ? `SET ${set.map((name) => `${name} = :${name}`).join(', ')}` : '',
                remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
              ].join(' '),
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':status': status,
                ...Object.fromEntries(set.map((name) => [`:${name}`, wanted[name]])),
              },
            }),
          );
          moved++;
        } catch (error) {
          if (!isConditionFailure(error)) await storageCall('reports.reshard', () => Promise.reject(error));
        }
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return moved;
  }

  /**
   * One page of a sharded list (lib/store/sharded-list.ts): the shards of
   * `base` merged in the page's order. `predicate` narrows it on the full
   * items, for filters the index does not carry; text search is one.
   */
  private async list(
    spec: IndexSpec,
    base: string,
    query: ListQuery,
    predicate?: (report: Report) => boolean,
  ): Promise<PageOf<Report>> {
    const q = query.q;
    const tagged = tagPredicate(query);
    const matches = (report: Report) =>
      (tagged === null || tagged(report)) &&
      (q === undefined ||
        // Case-sensitive, as DynamoDB's contains() was when the index carried these.
        [report.title ?? '', report.summary, report.extract, report.signature].some((text) =>
          text.includes(q),
        )) &&
      (predicate === undefined || predicate(report));
    const narrowed = q !== undefined || predicate !== undefined || tagged !== null;
    // The cursor is bound to this list: index, partition, shards, order and filters.
    const listId = JSON.stringify([
      spec.name,
      base,
      this.listShards,
      query.order,
      query.type ?? '',
      query.q ?? '',
      ...this.listFilterIds(query),
    ]);
    const page = await listSharded({
      ddb: this.ddb,
      table: this.table,
      index: { name: spec.name, partition: spec.partition, sortKey: spec.sortKey, sortType: spec.sortType },
      partitions: shardValues(base, this.listShards),
      order: query.order,
      limit: query.limit,
      cursor: query.cursor,
      listId,
      cursors: this.cursors,
      type: query.type,
      predicate: narrowed ? (item) => matches(fromItem(item)) : undefined,
      maxRounds: MAX_FILTERED_QUERIES,
    });
    const items = await Promise.all(page.items.map((item) => this.withPending(item)));
    return { items, nextCursor: page.nextCursor };
  }

  /** What further filters a list query carries, for its cursor's binding. */
  private listFilterIds(query: ListQuery): string[] {
    return tagFilterKey(query);
  }

  /** The list-index attributes of a report item: which shard of each list it is in. */
  private listAttributes(reportKey: string, status: IssueStatus): Record<string, string> {
    const shard = shardOf(reportKey, this.listShards);
    const listKey = shardValue(LIST_KEY, shard, this.listShards);
    if (status === 'Ghost') return { listKey };
    return {
      listKey,
      issueList: shardValue(ISSUE_LIST, shard, this.listShards),
      issueStatusKey: shardValue(status, shard, this.listShards),
    };
  }

  private async update(
    operation: string,
    input: Omit<UpdateCommandInput, 'TableName' | 'ReturnValues'>,
    /** Add what the report's counter items hold (false where they were just folded). */
    withCounters = true,
  ): Promise<Report | null> {
    let attributes: Record<string, unknown> | undefined;
    try {
      const answer = await this.ddb.send(
        new UpdateCommand({ ...input, TableName: this.table, ReturnValues: 'ALL_NEW' }),
      );
      attributes = answer.Attributes;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      return storageCall(operation, () => Promise.reject(error));
    }
    if (!attributes) return null;
    const report = fromItem(attributes);
    // Folded on the stored values: the refold's condition compares them.
    const settled = needsFolding(report) ? await this.refold(report) : report;
    return attributes['counters'] === undefined || !withCounters
      ? settled
      : this.addPending(settled, attributes);
  }

  /**
   * Folds old per-day counts into months and drops old history entries, as a
   * compare-and-set on what was just read: any write in between (a count, a
   * status change) makes it fail harmlessly, and the next write folds again.
   * Best effort: the write that led here is committed whatever happens.
   */
  private async refold(report: Report): Promise<Report> {
    const folded = fold(report);
    try {
      const answer = await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: report.reportKey },
          ConditionExpression: 'occurrences = :occurrences AND size(history) = :length',
          UpdateExpression:
            'SET daily = :daily, monthly = :monthly, history = :history, historyDropped = :dropped, tags = :tags, tagsOther = :tagsOther',
          ExpressionAttributeValues: {
            ':tags': folded.tags,
            ':tagsOther': folded.tagsOther,
            ':occurrences': report.occurrences,
            ':length': report.history.length,
            ':daily': folded.daily,
            ':monthly': folded.monthly,
            ':history': folded.history,
            ':dropped': folded.historyDropped,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return answer.Attributes ? fromItem(answer.Attributes) : report;
    } catch (error) {
      if (!isConditionFailure(error)) {
        console.warn(`logsift: report ${report.reportId} not folded: ${(error as Error).message}`);
      }
      return report;
    }
  }

  /** One atomic ADD on the totals item; a failure is logged, not thrown (see the top of this file). */
  private async bumpTotals(deltas: Record<string, number>): Promise<void> {
    const names = Object.keys(deltas);
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: TOTALS_KEY },
          UpdateExpression: `ADD ${names.map((_, i) => `#n${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, deltas[name]])),
        }),
      );
    } catch (error) {
      console.warn(`logsift: totals not updated (${names.join(', ')}): ${(error as Error).message}`);
    }
  }

  private async getItem(pk: string): Promise<Record<string, unknown> | null> {
    const answer = await storageCall('reports.get', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk }, ConsistentRead: true })),
    );
    return answer.Item ?? null;
  }

  private async putAlias(pk: string, target: string): Promise<void> {
    await storageCall('reports.alias', () =>
      this.ddb.send(new PutCommand({ TableName: this.table, Item: { pk, target } })),
    );
  }

  private async viaAlias(pk: string, matches: (report: Report) => boolean): Promise<Report | null> {
    const alias = await this.getItem(pk);
    if (!alias || typeof alias['target'] !== 'string') return null;
    const report = await this.getByKey(alias['target']);
    return report && matches(report) ? report : null;
  }

  /**
   * One write per report per stream batch (COUNT_MODE=async): the count, its
   * day and tags, and the report's position on the stream's shard
   * (`seq#<shard>`), conditioned on that position being below the batch's
   * first record for this report. lastSeen only moves forward: the first try
   * moves it, and when the report was seen later already (a fold of counter
   * items, another shard's batch) the retry leaves it.
   */
  async countSequenced(
    reportKey: string,
    at: string,
    n: number,
    guard: SequenceGuard,
    tags?: TagDelta,
  ): Promise<SequencedOutcome> {
    const tag = tagging(tags);
    const position = `seq#${guard.stream}`;
    let moveSeen = true;
    for (let attempt = 0; attempt < 5; attempt++) {
      const conditions = [
        'attribute_exists(reportId)',
        'attribute_not_exists(mergedInto)',
        '(attribute_not_exists(#pos) OR #pos < :first)',
        ...(moveSeen ? ['lastSeen < :at'] : []),
        ...(tag ? ['attribute_exists(tagsOther)'] : []),
      ];
      const sets = [
        '#pos = :last',
        'daily.#day = if_not_exists(daily.#day, :zero) + :n',
        ...(moveSeen ? ['lastSeen = :at'] : []),
        ...(tag ? [tag.set] : []),
      ];
      const report = await this.update('reports.count-sequenced', {
        Key: { pk: reportKey },
        ConditionExpression: conditions.join(' AND '),
        UpdateExpression: `ADD occurrences :n SET ${sets.join(', ')}`,
        ExpressionAttributeNames: { '#pos': position, '#day': day(at), ...tag?.names },
        ExpressionAttributeValues: {
          ':n': n,
          ':zero': 0,
          ':first': guard.first,
          ':last': guard.last,
          ...(moveSeen ? { ':at': at } : {}),
          ...tag?.values,
        },
      });
      if (report) return { kind: 'counted', report };
      // Which condition failed decides the next step: one consistent read, only on a refusal.
      const item = await this.getItem(reportKey);
      if (!item || typeof item['reportId'] !== 'string') return { kind: 'missing' };
      // Before the merge check: records counted here before a merge stay counted here.
      const applied = item[position];
      if (typeof applied === 'string' && applied >= guard.first)
        return { kind: 'applied', position: applied };
      if (item['mergedInto'] !== undefined) return { kind: 'missing' };
      if (tag && item['tagsOther'] === undefined) await this.backfillTags(reportKey);
      else if (String(item['lastSeen']) >= at) moveSeen = false;
    }
    throw new Error(`reports.count-sequenced: report ${reportKey} kept refusing its count`);
  }
}
