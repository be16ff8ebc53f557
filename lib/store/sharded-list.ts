/**
 * Sharded list indexes. A list's partition key is spread over N shards
 * (`report#0` … `report#15`; with N = 1 the bare `report` of the unsharded
 * design, so existing tables read on), the shard of an item is a hash of its
 * primary key, and a page is a merge: each shard is queried in parallel in the
 * page's order, the heads are merged by the sort key (ties by key), and the
 * cursor holds every shard's position — the last entry taken from it — sealed
 * by lib/store/cursor.ts and bound to the list, its order and its filters.
 *
 * The indexes project only what a query reads on them (keys and `type`), so a
 * count writes ~100-byte entries whatever the report's size; the page's rows
 * are then read from the table by key (BatchGetItem, strongly consistent), and
 * filters no index can answer (text search, and any caller's predicate) run on
 * those full items. So a page costs N small Queries and one BatchGetItem.
 */
import { createHash } from 'node:crypto';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { CursorSealer, ShardPosition } from './cursor.ts';
import { storageCall } from './errors.ts';

export interface ShardedIndex {
  name: string;
  /** The index's partition attribute (listKey, issueList, issueStatusKey). */
  partition: string;
  sortKey: string;
  sortType: 'S' | 'N';
}

type Item = Record<string, unknown>;

/** The shard of a primary key among `shards`: stable across containers and deployments. */
export function shardOf(pk: string, shards: number): number {
  if (shards <= 1) return 0;
  return createHash('sha256').update(pk).digest().readUInt32BE(0) % shards;
}

/** The partition value of shard `shard` of the list whose unsharded value is `base`. */
export function shardValue(base: string, shard: number, shards: number): string {
  return shards <= 1 ? base : `${base}#${shard}`;
}

/** Every shard's partition value, in shard order. */
export function shardValues(base: string, shards: number): string[] {
  return Array.from({ length: Math.max(1, shards) }, (_, i) => shardValue(base, i, shards));
}

export interface ShardedQuery {
  ddb: DynamoDBDocumentClient;
  table: string;
  index: ShardedIndex;
  /** The partition value of each shard. */
  partitions: string[];
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
  /** Names the list and its filters: a cursor opens only for the same list. */
  listId: string;
  cursors: CursorSealer;
  /** A report type, filtered on the index (it projects `type`). */
  type?: string;
  /** A filter on the full item, for what the index does not carry (text search and the like). */
  predicate?: (item: Item) => boolean;
  /** Rounds a filtered page may take before answering a short page. */
  maxRounds: number;
}

interface Shard {
  partition: string;
  /** Where the next Query starts (its ExclusiveStartKey); null = from the start. */
  fetchFrom: ShardPosition;
  /** The last entry taken from this shard: the cursor's position for it. */
  taken: ShardPosition;
  buffer: Entry[];
  exhausted: boolean;
  queries: number;
}

interface Entry {
  pk: string;
  sort: string | number;
  shard: number;
}

const BATCH_GET_MAX = 100;

function compare(a: Entry, b: Entry, order: 'asc' | 'desc'): number {
  const bySort = a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0;
  const byKey = a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0;
  const ascending = bySort !== 0 ? bySort : byKey;
  return order === 'asc' ? ascending : -ascending;
}

export async function listSharded(
  query: ShardedQuery,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const { index, partitions, order, limit } = query;
  const filtered = query.type !== undefined || query.predicate !== undefined;
  const positions: ShardPosition[] = query.cursor
    ? query.cursors.openShards(query.cursor, query.listId, partitions.length, index.sortType)
    : partitions.map(() => 'start');
  const shards: Shard[] = partitions.map((partition, i) => ({
    partition,
    fetchFrom: positions[i]!,
    taken: positions[i]!,
    buffer: [],
    exhausted: positions[i] === 'done',
    queries: 0,
  }));
  const maxQueries = filtered ? query.maxRounds : 2;
  const perQuery = filtered ? Math.max(limit * 2, 50) : limit;

  const fill = async (shard: Shard, i: number): Promise<void> => {
    const names: Record<string, string> = { '#p': index.partition };
    const values: Record<string, unknown> = { ':p': shard.partition };
    let filter: string | undefined;
    if (query.type !== undefined) {
      filter = '#type = :type';
      names['#type'] = 'type';
      values[':type'] = query.type;
    }
    const from = shard.fetchFrom;
    const input: QueryCommandInput = {
      TableName: query.table,
      IndexName: index.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: order === 'asc',
      Limit: perQuery,
      FilterExpression: filter,
      ExclusiveStartKey: Array.isArray(from)
        ? { pk: from[0], [index.partition]: shard.partition, [index.sortKey]: from[1] }
        : undefined,
    };
    shard.queries++;
    const answer = await storageCall('reports.list', () => query.ddb.send(new QueryCommand(input)));
    for (const item of answer.Items ?? []) {
      shard.buffer.push({ pk: String(item['pk']), sort: item[index.sortKey] as string | number, shard: i });
    }
    const last = answer.LastEvaluatedKey;
    if (last) shard.fetchFrom = [String(last['pk']), last[index.sortKey] as string | number];
    else shard.exhausted = true;
  };

  const page: Item[] = [];
  let stalled = false;
  for (let round = 0; page.length < limit; round++) {
    // Every shard that may hold more needs a head before any entry can be taken.
    const empty = shards.filter((s) => s.buffer.length === 0 && !s.exhausted);
    const fillable = empty.filter((s) => s.queries < maxQueries);
    if (fillable.length < empty.length || round >= query.maxRounds * 2) {
      stalled = true;
      break;
    }
    await Promise.all(fillable.map((s) => fill(s, shards.indexOf(s))));
    if (shards.some((s) => s.buffer.length === 0 && !s.exhausted)) continue; // filtered out: fetch on

    // Take entries in merged order while every open shard has a head.
    const room = limit - page.length;
    const want = query.predicate ? Math.max(room * 2, 25) : room;
    const batch: Entry[] = [];
    while (batch.length < want) {
      let best: Shard | undefined;
      for (const shard of shards) {
        const head = shard.buffer[0];
        if (!head) {
          if (!shard.exhausted) {
            best = undefined;
            break;
          }
          continue;
        }
        if (!best || compare(head, best.buffer[0]!, order) < 0) best = shard;
      }
      if (!best) break;
      batch.push(best.buffer.shift()!);
    }
    if (batch.length === 0) break; // every shard is done

    const items = await getItems(query.ddb, query.table, batch);
    let used = 0;
    for (const entry of batch) {
      if (page.length >= limit) break;
      used++;
      shards[entry.shard]!.taken = [entry.pk, entry.sort];
      const item = items.get(entry.pk);
      // Deleted, or moved out of this list, since the index was read: not on the page.
      if (!item || item[index.partition] !== partitions[entry.shard]) continue;
      if (query.type !== undefined && item['type'] !== query.type) continue;
      if (query.predicate && !query.predicate(item)) continue;
      page.push(item);
    }
    // What was fetched but not used goes back, in order, for the next page's check.
    for (const entry of batch.slice(used).reverse()) shards[entry.shard]!.buffer.unshift(entry);
  }

  for (const shard of shards) {
    if (shard.exhausted && shard.buffer.length === 0) shard.taken = 'done';
  }
  const more = shards.some((s) => s.taken !== 'done');
  const hasNext = more && (page.length >= limit || stalled);
  return {
    items: page,
    nextCursor: hasNext
      ? query.cursors.sealShards(
          query.listId,
          shards.map((s) => s.taken),
        )
      : null,
  };
}

/** The table's items for `entries`, by key, strongly consistent (a page's rows as they are now). */
async function getItems(
  ddb: DynamoDBDocumentClient,
  table: string,
  entries: Entry[],
): Promise<Map<string, Item>> {
  const keys = [...new Set(entries.map((entry) => entry.pk))];
  const found = new Map<string, Item>();
  for (let at = 0; at < keys.length; at += BATCH_GET_MAX) {
    let pending: Record<string, unknown>[] | undefined = keys
      .slice(at, at + BATCH_GET_MAX)
      .map((pk) => ({ pk }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new Error('reports.list: keys left unprocessed after retries');
      const answer = await storageCall('reports.list', () =>
        ddb.send(
          new BatchGetCommand({ RequestItems: { [table]: { Keys: pending!, ConsistentRead: true } } }),
        ),
      );
      for (const item of answer.Responses?.[table] ?? []) found.set(String(item['pk']), item);
      pending = answer.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return found;
}
