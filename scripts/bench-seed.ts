/**
 * Seeds reports straight into DynamoDB for the list benchmarks: the items are
 * exactly what DynamoReportStore.create writes (its PutCommands are captured,
 * not re-mapped here), then written 25 at a time with BatchWriteItem.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_LIST_SHARDS } from '../lib/config.ts';
import type { IssueStatus, Report, ReportType } from '../lib/model.ts';
import { DynamoReportStore } from '../lib/store/dynamo-reports.ts';

/** The items DynamoReportStore.create writes for `report` (report item and its two aliases). */
export async function itemsOf(table: string, report: Report): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const capture = {
    send: async (command: unknown) => {
      if (command instanceof PutCommand) items.push(command.input.Item as Record<string, unknown>);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  // In the shards the benchmarked stack lists (it reads LIST_SHARDS the same way).
  const listShards = Number(process.env['LIST_SHARDS'] || DEFAULT_LIST_SHARDS);
  const store = new DynamoReportStore(capture, table, 'seed', { listShards });
  if (!(await store.create(report))) throw new Error('create refused');
  return items;
}

const TYPES: ReportType[] = ['C', 'E', 'W'];
const STATUSES: IssueStatus[] = ['Ghost', 'Ghost', 'Open', 'Open', 'Closed'];

/** A plausible report numbered n (deterministic): ids above any the benchmark's ingest allocates. */
export function syntheticReport(n: number): Report {
  const day = new Date(Date.UTC(2025, 0, 1) + (n % 700) * 86_400_000);
  const first = day.toISOString();
  const last = new Date(day.getTime() + (n % 97) * 3_600_000).toISOString();
  const status = STATUSES[n % STATUSES.length]!;
  const hex = ((n * 2654435761) >>> 0).toString(16).padStart(8, '0');
  return {
    reportKey: `${hex}${String(n).padStart(56, '0')}`,
    reportId: String(500_000_000 + n).padStart(9, '0'),
    issueId: String(100_000 + n)
      .padStart(6, '0')
      .slice(-6),
    type: TYPES[n % 3]!,
    occurrences: 1 + ((n * 7919) % 5000),
    firstSeen: first,
    lastSeen: last,
    extract: `2025-01-01 12:00:00 ERROR [worker-${n % 16}] svc.Handler${n}: request failed: connection reset by peer\n\tat svc.Handler${n}.call(Handler.java:${n % 400})`,
    extractTruncated: false,
    signature: `ERROR svc.Handler<n>: request failed: connection reset by peer #${n}`,
    logSha256: hex.repeat(8),
    status,
    summary: status === 'Ghost' ? '' : `Handler ${n} drops connections under load`,
    summaries: [],
    history: [{ event: 'created', at: first }],
    regressed: false,
    daily: { [last.slice(0, 10)]: 1 },
  };
}

/** Writes the items of reports [from, to) with `concurrency` BatchWriteItem calls in flight; answers items/s. */
export async function seedReports(
  ddb: DynamoDBDocumentClient,
  table: string,
  from: number,
  to: number,
  concurrency = 4,
): Promise<number> {
  const started = performance.now();
  let next = from;
  let written = 0;
  const worker = async () => {
    for (;;) {
      const batch: Record<string, unknown>[] = [];
      // The report items only: lists read nothing else (the id aliases serve single lookups).
      while (batch.length < 25 && next < to) {
        const items = await itemsOf(table, syntheticReport(next++));
        batch.push(...items.filter((item) => 'listKey' in item));
      }
      if (batch.length === 0) return;
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const answer = await ddb.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        requests = (answer.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
      written += batch.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written / ((performance.now() - started) / 1000);
}
