/**
 * A capacity meter for simulations (scripts/bench-scale.ts), never for a
 * deployment: an SDK middleware on a DynamoDB client that works out what AWS
 * would charge each call, by partition key, from the items before and after
 * it, and one on an S3 client that counts requests by price class.
 *
 * dynalite reports no index writes, so they are derived from DynamoDB's
 * documented rules and the tables' own GSI definitions (serverless.yml):
 *
 *   base write      ceil(max(before, after) / 1 KB) WRU, at least 1; a failed
 *                   condition still costs the size of the item it read
 *   GSI entry put   when the item gains the index's keys, or a projected
 *                   attribute changes: ceil(projected size / 1 KB)
 *   GSI key change  a delete of the old entry plus a put of the new one
 *   GSI delete      when the item loses the index's keys (or is deleted)
 *   reads           ceil(bytes / 4 KB) RRU, halved when eventually consistent
 *                   (GSI queries always are); a filtered Query is charged for
 *                   what it scanned, estimated from what it returned
 *
 * To know "before" exactly, writes to one key are serialised through the
 * meter and the item is read around each write with a client of its own
 * (unmetered). That changes timing, never outcomes: the conditions are the
 * service's.
 */
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { itemSize } from './item-size.ts';

type Item = Record<string, AttributeValue>;

export interface IndexDef {
  name: string;
  hash: string;
  range?: string;
  /** ALL, KEYS_ONLY, or the non-key attributes an INCLUDE projection names. */
  projection: 'ALL' | 'KEYS_ONLY' | string[];
}

export interface TableDef {
  /** The physical table name the calls carry. */
  name: string;
  hash: string;
  range?: string;
  indexes: IndexDef[];
}

/** A table's definition from CloudFormation properties (serverless.yml `resources`). */
export function tableDef(
  name: string,
  props: {
    KeySchema: { AttributeName?: string; KeyType?: string }[];
    GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  },
): TableDef {
  const keyOf = (schema: { AttributeName?: string; KeyType?: string }[], type: string) =>
    schema.find((k) => k.KeyType === type)?.AttributeName;
  return {
    name,
    hash: keyOf(props.KeySchema, 'HASH')!,
    range: keyOf(props.KeySchema, 'RANGE'),
    indexes: (props.GlobalSecondaryIndexes ?? []).map((gsi) => ({
      name: gsi.IndexName!,
      hash: keyOf(gsi.KeySchema ?? [], 'HASH')!,
      range: keyOf(gsi.KeySchema ?? [], 'RANGE'),
      projection:
        gsi.Projection?.ProjectionType === 'INCLUDE'
          ? (gsi.Projection.NonKeyAttributes ?? [])
          : gsi.Projection?.ProjectionType === 'KEYS_ONLY'
            ? 'KEYS_ONLY'
            : 'ALL',
    })),
  };
}

/** Where a write unit lands: the base table, one of its GSIs, or a counter item of the base table. */
export type Target = string;

/** Base-table items that are counters (ids, totals, count shards), reported apart from reports. */
const COUNTER_KEY = /^(counter#|count#|totals$)/;

const sizeOf = (item: Item | null | undefined) => (item ? itemSize(unmarshall(item)) : 0);
const ATTRIBUTE_TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);
/** Outputs reach the meter unmarshalled when lib-dynamodb made the call, marshalled otherwise. */
const isMarshalled = (item: Record<string, unknown>) =>
  Object.values(item).every((value) => {
    if (value === null || typeof value !== 'object') return false;
    const keys = Object.keys(value);
    return keys.length === 1 && ATTRIBUTE_TYPES.has(keys[0]!);
  });
const outputSize = (item: Record<string, unknown> | null | undefined) =>
  item ? (isMarshalled(item) ? sizeOf(item as Item) : itemSize(item)) : 0;
const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
const readUnits = (bytes: number, consistent: boolean) =>
  Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);

const S3_PUT_CLASS = new Set([
  'PutObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'ListObjectsV2',
  'ListObjects',
]);
const S3_FREE = new Set(['DeleteObject', 'DeleteObjects', 'AbortMultipartUpload']);

export class CapacityMeter {
  /** The current second of simulated time; writes are bucketed by it. */
  second = 0;
  wru = new Map<Target, number>();
  rru = 0;
  s3Put = 0;
  s3Get = 0;
  /** target -> partition key value -> second -> WRU. */
  private readonly perKey = new Map<Target, Map<string, Map<number, number>>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly tables: Map<string, TableDef>;

  constructor(
    tables: TableDef[],
    /** An unmetered client on the same endpoint, for the reads around each write. */
    private readonly raw: DynamoDBClient,
  ) {
    this.tables = new Map(tables.map((table) => [table.name, table]));
  }

  private charge(target: Target, key: string, units: number): void {
    if (units <= 0) return;
    this.wru.set(target, (this.wru.get(target) ?? 0) + units);
    const keys = this.perKey.get(target) ?? new Map<string, Map<number, number>>();
    this.perKey.set(target, keys);
    const seconds = keys.get(key) ?? new Map<number, number>();
    keys.set(key, seconds);
    seconds.set(this.second, (seconds.get(this.second) ?? 0) + units);
  }

  /** Per target, the partition key with the most WRU over `seconds`, and its mean and peak WRU/s. */
  hottest(seconds: number[]): Array<{ target: Target; key: string; mean: number; peak: number }> {
    const rows = [];
    for (const [target, keys] of this.perKey) {
      let best = { key: '', mean: 0, peak: 0 };
      for (const [key, bySecond] of keys) {
        const values = seconds.map((s) => bySecond.get(s) ?? 0);
        const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length);
        if (mean > best.mean) best = { key, mean, peak: Math.max(...values) };
      }
      rows.push({ target, ...best });
    }
    return rows.sort((a, b) => b.mean - a.mean);
  }

  /** All WRU charged to one partition key of one target. */
  unitsFor(target: Target, key: string): number {
    let sum = 0;
    for (const units of this.perKey.get(target)?.get(key)?.values() ?? []) sum += units;
    return sum;
  }

  /** WRU per target over `seconds` (the measured window only). */
  unitsIn(seconds: number[]): Map<Target, number> {
    const wanted = new Set(seconds);
    const totals = new Map<Target, number>();
    for (const [target, keys] of this.perKey) {
      let sum = 0;
      for (const bySecond of keys.values()) {
        for (const [s, units] of bySecond) if (wanted.has(s)) sum += units;
      }
      totals.set(target, sum);
    }
    return totals;
  }

  reset(): void {
    this.wru.clear();
    this.perKey.clear();
    this.rru = 0;
    this.s3Put = 0;
    this.s3Get = 0;
  }

  private async serialised<T>(lock: string, run: () => Promise<T>): Promise<T> {
    const before = this.locks.get(lock) ?? Promise.resolve();
    const mine = before.then(run, run);
    const tail = mine.catch(() => undefined);
    this.locks.set(lock, tail);
    try {
      return await mine;
    } finally {
      if (this.locks.get(lock) === tail) this.locks.delete(lock);
    }
  }

  private async read(table: string, key: Item): Promise<Item | null> {
    const answer = await this.raw.send(
      new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
    );
    return answer.Item ?? null;
  }

  private chargeWrite(
    table: TableDef,
    key: Item,
    before: Item | null,
    after: Item | null,
    failed: boolean,
  ): void {
    const pk = String(unmarshall({ k: key[table.hash]! })['k']);
    const base = COUNTER_KEY.test(pk) ? `${table.name}:counters` : `${table.name}:base`;
    if (failed) {
      this.charge(base, pk, writeUnits(sizeOf(before ?? key)));
      return;
    }
    this.charge(base, pk, writeUnits(Math.max(sizeOf(before), sizeOf(after))));
    for (const index of table.indexes) {
      const entry = (item: Item | null) => this.indexEntry(table, index, item);
      const [old, next] = [entry(before), entry(after)];
      const target = `${table.name}:${index.name}`;
      const hashOf = (e: Item) => String(unmarshall({ k: e[index.hash]! })['k']);
      if (old && next) {
        const keyMoved =
          JSON.stringify([old[index.hash], index.range ? old[index.range] : null]) !==
          JSON.stringify([next[index.hash], index.range ? next[index.range] : null]);
        if (keyMoved) {
          this.charge(target, hashOf(old), writeUnits(sizeOf(old)));
          this.charge(target, hashOf(next), writeUnits(sizeOf(next)));
        } else if (JSON.stringify(sortedItem(old)) !== JSON.stringify(sortedItem(next))) {
          this.charge(target, hashOf(next), writeUnits(Math.max(sizeOf(old), sizeOf(next))));
        }
      } else if (next) this.charge(target, hashOf(next), writeUnits(sizeOf(next)));
      else if (old) this.charge(target, hashOf(old), writeUnits(sizeOf(old)));
    }
  }

  /** The index entry an item has in `index`: null without the index's keys. */
  private indexEntry(table: TableDef, index: IndexDef, item: Item | null): Item | null {
    if (!item || item[index.hash] === undefined) return null;
    if (index.range && item[index.range] === undefined) return null;
    if (index.projection === 'ALL') return item;
    const names = [table.hash, table.range, index.hash, index.range];
    if (Array.isArray(index.projection)) names.push(...index.projection);
    const entry: Item = {};
    for (const name of names) if (name && item[name] !== undefined) entry[name] = item[name];
    return entry;
  }

  install(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const input = args.input as Record<string, unknown>;
        const table = this.tables.get(String(input['TableName'] ?? ''));
        if (operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem') {
          if (!table) return next(args);
          const item = input['Item'] as Item | undefined;
          const key: Item = (input['Key'] as Item | undefined) ?? {
            [table.hash]: item![table.hash]!,
            ...(table.range ? { [table.range]: item![table.range]! } : {}),
          };
          return this.serialised(`${table.name}\0${JSON.stringify(key)}`, async () => {
            const before = await this.read(table.name, key);
            try {
              const answer = await next(args);
              const after = operation === 'DeleteItem' ? null : await this.read(table.name, key);
              this.chargeWrite(table, key, before, after, false);
              return answer;
            } catch (error) {
              if ((error as Error).name === 'ConditionalCheckFailedException') {
                this.chargeWrite(table, key, before, null, true);
              }
              throw error;
            }
          });
        }
        const answer = await next(args);
        const output = answer.output as unknown as Record<string, unknown>;
        if (operation === 'GetItem') {
          this.rru += readUnits(outputSize(output['Item'] as Item), input['ConsistentRead'] === true);
        } else if (operation === 'Query' || operation === 'Scan') {
          const items = (output['Items'] as Item[] | undefined) ?? [];
          const returned = items.reduce((sum, item) => sum + outputSize(item), 0);
          const count = Number(output['Count'] ?? items.length);
          const scanned = Number(output['ScannedCount'] ?? count);
          const bytes = count > 0 ? (returned * scanned) / count : scanned * 100;
          const consistent = input['ConsistentRead'] === true && input['IndexName'] === undefined;
          this.rru += readUnits(bytes, consistent);
        } else if (operation === 'BatchGetItem') {
          const responses = (output['Responses'] as Record<string, Item[]> | undefined) ?? {};
          const requests = input['RequestItems'] as Record<string, { ConsistentRead?: boolean }>;
          for (const [name, items] of Object.entries(responses)) {
            for (const item of items) {
              this.rru += readUnits(outputSize(item), requests[name]?.ConsistentRead === true);
            }
          }
        }
        return answer;
      },
      // After lib-dynamodb's marshalling (just before the serializer), outside the retries (finalizeRequest).
      { step: 'build', name: 'logsiftCapacityMeter', priority: 'high' },
    );
  }

  installS3(client: S3Client): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        // A refused conditional PUT is billed like any other.
        if (S3_PUT_CLASS.has(operation)) this.s3Put++;
        else if (!S3_FREE.has(operation)) this.s3Get++;
        return next(args);
      },
      { step: 'initialize', name: 'logsiftS3Meter', priority: 'high' },
    );
  }
}

function sortedItem(item: Item): Array<[string, AttributeValue]> {
  return Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
