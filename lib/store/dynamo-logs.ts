/**
 * Log records in DynamoDB, one item per log id. A record past its retention
 * carries `expiresAt` (epoch seconds, lib/store/retention.ts) and reads as
 * absent from then on. With EXPIRY_MODE=sweep the sweeper finds it through the
 * sparse `logsByExpiry` index (spread over EXPIRY_SHARDS partitions so no one
 * index partition takes every write) and DynamoDB's TTL (`ttl`, a grace period
 * later) is the backstop; with EXPIRY_MODE=ttl it is not indexed and TTL
 * deletes it at `expiresAt` (lib/store/retention.ts expiryAttributes).
 * `logsByReportShard` finds a report's logs for deletion on request; its key is
 * the report and a shard of the log id (REPORT_LOG_SHARDS), since keyed by the
 * report alone every log of a hot report would land in one index partition.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { LogRecord } from '#lib/model';
import { storageCall } from './errors.ts';
import type { IdPage, LogIndex } from './ports.ts';
import { expiryAttributes, expiryOf, FOREVER, isExpired, type Retention } from './retention.ts';

export const EXPIRY_INDEX = 'logsByExpiry';
export const REPORT_INDEX = 'logsByReportShard';
/** Each index partition takes ~1,000 writes a second: 32 of them take every log past 10,000/s. */
export const EXPIRY_SHARDS = 32;
/** Partitions of one report's logs: the hottest report's share of 10,000 logs/s, with room. */
export const REPORT_LOG_SHARDS = 16;

const shardOf = (logId: string): string => String(Number(logId) % EXPIRY_SHARDS);
const reportShardOf = (reportKey: string, shard: number) => `${reportKey}#${shard}`;
/** A log record's `logsByReportShard` key (also what scripts/backfill-report-shard.ts writes). */
export const reportShardFor = (reportKey: string, logId: string) =>
  reportShardOf(reportKey, Number(logId) % REPORT_LOG_SHARDS);

export class DynamoLogIndex implements LogIndex {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly retention: Retention = FOREVER,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async put(log: LogRecord): Promise<void> {
    const { reportKey, expiresAt: _given, ...rest } = log;
    const expiresAt = expiryOf(log, this.retention);
    const Item: Record<string, unknown> = {
      ...rest,
      // An index key may not be NULL: a log without failure is simply not in logsByReport.
      ...(reportKey !== null ? { reportKey, reportShard: reportShardFor(reportKey, log.logId) } : {}),
      ...(expiresAt !== undefined
        ? expiryAttributes(expiresAt, shardOf(log.logId), this.retention.mode)
        : {}),
    };
    await storageCall('logs.put', () => this.ddb.send(new PutCommand({ TableName: this.table, Item })));
  }

  async get(logId: string): Promise<LogRecord | null> {
    const answer = await storageCall('logs.get', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key: { logId }, ConsistentRead: true })),
    );
    const log = answer.Item ? recordOf(answer.Item) : null;
    return log && !isExpired(log, this.clock()) ? log : null;
  }

  async delete(logId: string): Promise<void> {
    await storageCall('logs.delete', () =>
      this.ddb.send(new DeleteCommand({ TableName: this.table, Key: { logId } })),
    );
  }

  async remove(logId: string, options: { expiredBy?: Date } = {}): Promise<LogRecord | null> {
    const expiredBy = options.expiredBy;
    try {
      const answer = await this.ddb.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { logId },
          ReturnValues: 'ALL_OLD',
          ...(expiredBy
            ? {
                ConditionExpression: 'expiresAt <= :now',
                ExpressionAttributeValues: { ':now': Math.floor(expiredBy.getTime() / 1000) },
              }
            : { ConditionExpression: 'attribute_exists(logId)' }),
        }),
      );
      return answer.Attributes ? recordOf(answer.Attributes) : null;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      return storageCall('logs.remove', () => Promise.reject(error));
    }
  }

  async expired(now: Date, limit: number, cursor?: string): Promise<IdPage> {
    const ids: string[] = [];
    const cutoff = Math.floor(now.getTime() / 1000);
    let { shard, key } = cursor ? (JSON.parse(cursor) as ExpiryCursor) : { shard: 0, key: undefined };
    while (shard < EXPIRY_SHARDS) {
      const answer = await storageCall('logs.expired', () =>
        this.ddb.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: EXPIRY_INDEX,
            KeyConditionExpression: 'expiryShard = :shard AND expiresAt <= :now',
            ExpressionAttributeValues: { ':shard': String(shard), ':now': cutoff },
            Limit: limit - ids.length,
            ...(key ? { ExclusiveStartKey: key } : {}),
          }),
        ),
      );
      for (const item of answer.Items ?? []) ids.push(String(item['logId']));
      key = answer.LastEvaluatedKey;
      if (!key) shard += 1;
      if (ids.length >= limit) break;
    }
    return { ids, cursor: shard < EXPIRY_SHARDS ? JSON.stringify({ shard, key }) : null };
  }

  /**
   * A report's logs in log-id order: every shard queried for a page after the
   * cursor (the last id answered), merged. Ids are the index's sort key, so
   * the cursor is just the last one, valid in every shard.
   */
  async ofReport(reportKey: string, limit: number, cursor?: string): Promise<IdPage> {
    const shards = await Promise.all(
      Array.from({ length: REPORT_LOG_SHARDS }, (_, shard) =>
        storageCall('logs.of-report', () =>
          this.ddb.send(
            new QueryCommand({
              TableName: this.table,
              IndexName: REPORT_INDEX,
              KeyConditionExpression: cursor ? 'reportShard = :key AND logId > :after' : 'reportShard = :key',
              ExpressionAttributeValues: {
                ':key': reportShardOf(reportKey, shard),
                ...(cursor ? { ':after': cursor } : {}),
              },
              Limit: limit,
            }),
          ),
        ),
      ),
    );
    const found = shards.flatMap((answer) => (answer.Items ?? []).map((item) => String(item['logId'])));
    // The index's own order: ids are strings, compared by their UTF-8 bytes (ASCII digits here).
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const ids = found.slice(0, limit);
    const more = found.length > limit || shards.some((answer) => answer.LastEvaluatedKey !== undefined);
    return { ids, cursor: more && ids.length > 0 ? (ids[ids.length - 1] as string) : null };
  }
}

/** Where an expiry scan stands: the shard, and the index key to go on from in it. */
interface ExpiryCursor {
  shard: number;
  key?: Record<string, unknown>;
}

function recordOf(item: Record<string, unknown>): LogRecord {
  return {
    logId: String(item['logId']),
    sha256: String(item['sha256']),
    bytes: Number(item['bytes']),
    receivedAt: String(item['receivedAt']),
    reportId: (item['reportId'] as string | undefined) ?? null,
    reportKey: (item['reportKey'] as string | undefined) ?? null,
    type: (item['type'] as LogRecord['type'] | undefined) ?? null,
    ...(typeof item['contentType'] === 'string' ? { contentType: item['contentType'] } : {}),
    ...(typeof item['contentEncoding'] === 'string' ? { contentEncoding: item['contentEncoding'] } : {}),
    ...(Array.isArray(item['events']) ? { events: item['events'] as LogRecord['events'] } : {}),
    ...(item['eventsTruncated'] === true ? { eventsTruncated: true } : {}),
    ...(item['sample'] === true ? { sample: true as const } : {}),
    ...(typeof item['expiresAt'] === 'number' ? { expiresAt: item['expiresAt'] } : {}),
  };
}
