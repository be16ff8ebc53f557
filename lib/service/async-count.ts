/**
 * Asynchronous counting (COUNT_MODE=async). The API archives the bytes and
 * writes the log record exactly as the synchronous path does (steps 1–3 of
 * lib/service/ingest.ts), then puts one record per request on the count
 * stream (`stores.deferral`) and answers 202: the log is stored and
 * retrievable, its counts are on a durable stream. The stream's consumer
 * (functions/count-consumer.ts) does step 4 for a batch of requests at
 * once: one write per report per batch, however many requests and events of
 * that report the batch holds. Step 5, settling the log record, is left out
 * but for a kept sample: the stream, not a pending mark, is what guarantees
 * the count here, and the report a record counted on is found by its key.
 *
 * Exactly once. The stream delivers a record at least once: a batch is
 * retried whole on an error, from the lowest failed sequence number on a
 * partial failure, and may arrive cut differently each time (bisected). So
 * each report item holds, per stream shard, the sequence number of the last
 * record it has counted (`seq#<shard>`), and a report's count write for a
 * batch is conditioned on that position being below the batch's first record
 * for the report and moves it to its last. Records of one shard arrive in
 * sequence order, and a report's write always covers every record of the
 * batch above its position, so "position >= s" means "every record of this
 * report up to s is counted": a refused write reads the position and counts
 * only the records past it. The count, its tags and the position are one
 * item's one write, so no crash falls between them.
 * Merges: records of report R counted on the report K it is merged into move
 * K's position under R's name (`seq#<shard>#<R>`), not K's own, which K's own
 * records in the same batch move; and R's own position is read before the
 * merge is followed, so a record counted on R before the merge is not counted
 * again on K when retried after it.
 * A new report is created with its records counted and its position set in
 * the same conditional put (a lost creation race counts on the winner), so
 * it is never seen uncounted and a retry finds its records applied.
 */
import { type LogEventCount, type LogRecord, type Report, TAG_KEYS, type TagDelta } from '#lib/model';
import { foldTags } from '#lib/store/budgets';
import type { DeferredCounts, SequenceGuard, Stores } from '#lib/store/ports';
import { isSample } from './lifecycle.ts';
import { countFollowingMerge } from './merge.ts';
import { TagTally, tagsOfNew } from './tags.ts';

/** A new report's fields as a request read them, to be created by the consumer: no count yet, empty tag maps. */
export function asTemplate(report: Report): Report {
  const empty = foldTags({});
  return { ...report, occurrences: 0, daily: {}, tags: empty.tags, tagsOther: empty.tagsOther };
}

/** One stream record as the consumer receives it (a Kinesis record's shard, sequence number and data). */
export interface CountRecord {
  shard: string;
  sequenceNumber: string;
  message: DeferredCounts;
}

/**
 * A sequence number as a string DynamoDB compares in the numbers' order:
 * Kinesis's are decimals of up to 129 digits (56 in practice), so the
 * digits are led by their count (`056:4959…`), which orders any two lengths.
 */
export const position = (sequenceNumber: string) =>
  `${String(sequenceNumber.length).padStart(3, '0')}:${sequenceNumber}`;

interface Entry {
  seq: string;
  sequenceNumber: string;
  n: number;
  at: string;
  tags?: TagDelta;
}

interface Group {
  shard: string;
  reportKey: string;
  template: Report;
  unit: DeferredCounts['unit'];
  entries: Entry[];
}

export interface BatchOutcome {
  /** Sequence numbers of the records not (fully) counted: the stream must deliver them again. */
  failed: string[];
  /** Count writes made (one per report per batch, plus retries of refused ones). */
  reports: number;
}

/** Reports counted at once: a batch's writes go in parallel, within the container's sockets. */
const PARALLEL = 16;

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

/** The tag deltas of a report's records as one: values re-ranked within the write's cap, others summed. */
function merged(entries: Entry[]): TagDelta | undefined {
  const tally = new TagTally();
  const other: TagDelta['other'] = {};
  let any = false;
  for (const { tags } of entries) {
    if (!tags) continue;
    any = true;
    for (const key of TAG_KEYS) {
      for (const [value, n] of Object.entries(tags.values[key] ?? {})) tally.add({ [key]: value }, n);
      const others = tags.other[key];
      if (others) other[key] = (other[key] ?? 0) + others;
    }
  }
  if (!any) return undefined;
  const delta = tally.delta() ?? { values: {}, other: {} };
  for (const key of TAG_KEYS) {
    const others = other[key];
    if (others) delta.other[key] = (delta.other[key] ?? 0) + others;
  }
  return delta;
}

/** Counts one report's records of one shard; the report as counted, and per record the occurrences before it. */
async function countGroup(
  stores: Stores,
  group: Group,
): Promise<{ report: Report; before: Map<string, number> }> {
  let pending = [...group.entries].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  for (let attempt = 0; attempt < 6; attempt++) {
    if (pending.length === 0) {
      const report = await stores.reports.getByKey(group.reportKey);
      if (report) return { report, before: new Map() };
      throw new Error(`report ${group.reportKey} counted but not found`);
    }
    const n = pending.reduce((sum, entry) => sum + entry.n, 0);
    // ISO times: the latest sorts last.
    const at = pending.map((entry) => entry.at).sort()[pending.length - 1]!;
    const tags = merged(pending);
    const first = pending[0]!.seq;
    const last = pending[pending.length - 1]!.seq;
    const outcome = await countFollowingMerge(stores, group.reportKey, at, async (key) => {
      const guard: SequenceGuard = {
        stream: key === group.reportKey ? group.shard : `${group.shard}#${group.reportKey.slice(0, 16)}`,
        first,
        last,
      };
      const counted = await stores.reports.countSequenced(key, at, n, guard, tags);
      return counted.kind === 'missing' ? null : counted;
    });
    if (outcome?.kind === 'counted') {
      await afterCount(stores, outcome.report, n, at);
      return { report: outcome.report, before: priorCounts(pending, outcome.report.occurrences - n) };
    }
    if (outcome?.kind === 'applied') {
      pending = pending.filter((entry) => entry.seq > outcome.position);
      continue;
    }
    const created = await create(stores, group, pending);
    if (created) return { report: created, before: priorCounts(pending, 0) };
  }
  throw new Error(`report ${group.reportKey} was neither countable nor creatable`);
}

/** The sync path's after-count steps: alerts, and a Closed issue reopened (never failing the count). */
async function afterCount(stores: Stores, report: Report, n: number, at: string): Promise<void> {
  await stores.alerts?.counted(report, n, new Date(at));
  if (report.status !== 'Closed') return;
  await stores.alerts?.regressing(report, at);
  await stores.reports.markRegressed(report.reportKey, at).catch((error: unknown) => {
    console.error(`count-consumer: report ${report.reportKey} counted but not reopened`, error);
  });
}

/** Per record, the report's occurrences before it, from `start` on. */
function priorCounts(entries: Entry[], start: number): Map<string, number> {
  const before = new Map<string, number>();
  let occurrences = start;
  for (const entry of entries) {
    before.set(entry.sequenceNumber, occurrences);
    occurrences += entry.n;
  }
  return before;
}

/**
 * Creates the report with its records counted and its position on the shard
 * in the same item, as the sync path creates a report with its first count;
 * null when another request created it first (the caller then counts on it).
 */
async function create(stores: Stores, group: Group, entries: Entry[]): Promise<Report | null> {
  const n = entries.reduce((sum, entry) => sum + entry.n, 0);
  const daily: Record<string, number> = {};
  for (const entry of entries) daily[entry.at.slice(0, 10)] = (daily[entry.at.slice(0, 10)] ?? 0) + entry.n;
  const at = entries.map((entry) => entry.at).sort()[entries.length - 1]!;
  const tags = merged(entries);
  // A document's report takes its first log's id (DESIGN.md §1), a stream's its own.
  const reportId = group.unit === 'document' ? group.template.reportId : await stores.ids.nextLogId();
  const report: Report = {
    ...group.template,
    ...tagsOfNew(tags),
    reportId,
    issueId: await stores.ids.nextIssueId(),
    occurrences: n,
    firstSeen: entries[0]!.at,
    lastSeen: at,
    daily,
  };
  await stores.alerts?.creating(report);
  if (await stores.reports.create(report, { [group.shard]: entries[entries.length - 1]!.seq })) {
    await stores.alerts?.counted(report, n, new Date(at));
    return report;
  }
  await stores.alerts?.lost(report);
  return null;
}

/** Groups a batch's records by shard and report, keeping each record's sequence number. */
function groupsOf(records: CountRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const { shard, sequenceNumber, message } of records) {
    for (const { reportKey, n, tags, template } of message.groups) {
      const id = `${shard}\n${reportKey}`;
      let group = groups.get(id);
      if (!group) {
        group = { shard, reportKey, template, unit: message.unit, entries: [] };
        groups.set(id, group);
      }
      group.entries.push({
        seq: position(sequenceNumber),
        sequenceNumber,
        n,
        at: message.log.receivedAt,
        ...(tags ? { tags } : {}),
      });
    }
  }
  return [...groups.values()];
}

/**
 * Counts a batch of stream records: one count write per report, then every
 * record that became one of its report's kept samples is marked so. Never
 * throws for a report or record: what failed is answered by sequence number,
 * to be delivered again.
 */
export async function countBatch(stores: Stores, records: CountRecord[]): Promise<BatchOutcome> {
  const groups = groupsOf(records);
  const failed = new Set<string>();
  const counted = new Map<string, { report: Report; before: Map<string, number> }>();
  await inParallel(groups, PARALLEL, async (group) => {
    try {
      counted.set(`${group.shard}\n${group.reportKey}`, await countGroup(stores, group));
    } catch (error) {
      console.error(`count-consumer: report ${group.reportKey} not counted`, error);
      for (const entry of group.entries) failed.add(entry.sequenceNumber);
    }
  });
  // A record is rewritten only to keep a sample past retention. Anything else
  // settling would add is what a read finds by the record's own report keys
  // (lib/service/logs.ts `logReport`), so the consumer leaves it as the API
  // wrote it: one write a log instead of two.
  const samples = records.flatMap(({ shard, sequenceNumber, message }) => {
    if (failed.has(sequenceNumber)) return [];
    const results = message.groups.map((group) => counted.get(`${shard}\n${group.reportKey}`)!);
    const record = settled(message, sequenceNumber, results);
    return record.sample ? [record] : [];
  });
  await inParallel(samples, PARALLEL, async (record) => {
    try {
      await stores.logs.put(record);
    } catch (error) {
      // Counted; the log then expires like any other, as after a sync request's failed settle.
      console.error(`count-consumer: log ${record.logId} counted but not marked a kept sample`, error);
    }
  });
  return { failed: [...failed], reports: groups.length };
}

function settled(
  message: DeferredCounts,
  sequenceNumber: string,
  results: { report: Report; before: Map<string, number> }[],
): LogRecord {
  const { log } = message;
  // Records counted by an earlier delivery have no `before` here: not a sample by this one.
  const sample = message.groups.some((group, i) => {
    const before = results[i]!.before.get(sequenceNumber);
    return before !== undefined && isSample(before + group.n, group.n);
  });
  const first = results[0]!.report;
  return {
    ...log,
    reportId: first.reportId,
    ...(message.unit === 'document' ? { type: first.type } : {}),
    ...(sample ? { sample: true as const } : {}),
    ...(log.events
      ? {
          events: log.events.map(
            (link, i): LogEventCount => ({ ...link, reportId: results[i]?.report.reportId ?? null }),
          ),
        }
      : {}),
  };
}
