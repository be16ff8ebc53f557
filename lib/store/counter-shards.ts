/**
 * Write-sharded occurrence counters for reports too hot for their own item.
 * A DynamoDB item takes ~1,000 write units a second, and every count of a
 * report rewrote it (and moved its list-index entries). So a report's item
 * moves at most once a second (its `lastSeen` is the condition), and the
 * occurrences that arrive in between are added to one of N small counter
 * items, `count#<reportKey>#<k>` for a random k, in no index.
 *
 * A counter item holds the cumulative count `n` it has taken; the report
 * holds, per counter, how much of it is already in `occurrences`
 * (`folded.<k>`). So what is still pending is `n - folded.<k>`, and folding
 * is one conditional write on the report that adds exactly that and moves
 * `folded.<k>` to `n`: a repeated or raced fold adds nothing twice, and a
 * count is never lost, whatever dies when. A report carries `counters` once
 * its occurrences have ever gone to the counter items, so cold reports are
 * never read twice.
 */
import { BatchGetCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { storageCall } from './errors.ts';

/** Counter items per hot report: each takes ~1,000 counts a second. */
export const COUNTER_SHARDS = 16;

export const counterKey = (reportKey: string, shard: number) => `count#${reportKey}#${shard}`;

export interface Pending {
  /** Occurrences in the counter items not yet in the report's `occurrences`. */
  total: number;
  /** Per counter, its cumulative `n` where it is ahead of the report. */
  ahead: Record<string, number>;
  /** The pending occurrences by the day each counter was last counted on. */
  byDay: Record<string, number>;
  /** The latest time a counter holding pending occurrences was counted at. */
  lastSeen?: string;
}

export const NOTHING_PENDING: Pending = { total: 0, ahead: {}, byDay: {} };

export class CounterShards {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    readonly shards: number = COUNTER_SHARDS,
  ) {}

  /** Adds `n` to a random counter item of the report (1 write unit). */
  async add(reportKey: string, n: number, at: string): Promise<void> {
    const shard = Math.floor(Math.random() * this.shards);
    await storageCall('reports.count-shard', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: counterKey(reportKey, shard) },
          UpdateExpression: 'ADD n :n SET lastSeen = :at',
          ExpressionAttributeValues: { ':n': n, ':at': at },
        }),
      ),
    );
  }

  /** What the counter items hold beyond `folded` (the report's `folded` map). */
  async pending(reportKey: string, folded: Record<string, number>, consistent = true): Promise<Pending> {
    return pendingOf(await this.read(this.keys(reportKey), consistent), folded);
  }

  /**
   * The report's item and its counter items in one strongly consistent read:
   * what a count needs to answer the report's total without reading it back.
   */
  async withReport(reportKey: string): Promise<{ item: Item | null; counters: Item[] }> {
    const items = await this.read([{ pk: reportKey }, ...this.keys(reportKey)], true);
    const item = items.find((found) => found['pk'] === reportKey) ?? null;
    return { item, counters: items.filter((found) => found !== item) };
  }

  private keys(reportKey: string): { pk: string }[] {
    return Array.from({ length: this.shards }, (_, k) => ({ pk: counterKey(reportKey, k) }));
  }

  private async read(keys: { pk: string }[], consistent: boolean): Promise<Item[]> {
    const answer = await storageCall('reports.count-read', () =>
      this.ddb.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: keys, ConsistentRead: consistent } } }),
      ),
    );
    let items = answer.Responses?.[this.table] ?? [];
    let unprocessed = answer.UnprocessedKeys?.[this.table]?.Keys;
    for (let attempt = 1; unprocessed && unprocessed.length > 0; attempt++) {
      if (attempt > 8) throw new Error('reports.count-read: counter items left unprocessed');
      await new Promise((done) => setTimeout(done, Math.min(1000, 25 * 2 ** attempt)));
      const again = unprocessed;
      const retry = await storageCall('reports.count-read', () =>
        this.ddb.send(
          new BatchGetCommand({
            RequestItems: { [this.table]: { Keys: again, ConsistentRead: consistent } },
          }),
        ),
      );
      items = [...items, ...(retry.Responses?.[this.table] ?? [])];
      unprocessed = retry.UnprocessedKeys?.[this.table]?.Keys;
    }
    return items;
  }
}

type Item = Record<string, unknown>;

/** What counter items hold beyond `folded` (a report's `folded` map). */
export function pendingOf(items: Item[], folded: Record<string, number>): Pending {
  const pending: Pending = { total: 0, ahead: {}, byDay: {} };
  for (const item of items) {
    const shard = String(item['pk']).slice(String(item['pk']).lastIndexOf('#') + 1);
    const n = Number(item['n'] ?? 0);
    const delta = n - (folded[shard] ?? 0);
    if (delta <= 0) continue;
    pending.total += delta;
    pending.ahead[shard] = n;
    const seen = String(item['lastSeen'] ?? '');
    const day = seen.slice(0, 10);
    if (day) pending.byDay[day] = (pending.byDay[day] ?? 0) + delta;
    if (seen && (pending.lastSeen === undefined || seen > pending.lastSeen)) pending.lastSeen = seen;
  }
  return pending;
}
