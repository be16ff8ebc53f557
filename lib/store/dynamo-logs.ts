/** Log records in DynamoDB, one item per log id. */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LogRecord } from '#lib/model';
import { storageCall } from './errors.ts';
import type { LogIndex } from './ports.ts';

export class DynamoLogIndex implements LogIndex {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(log: LogRecord): Promise<void> {
    await storageCall('logs.put', () =>
      this.ddb.send(new PutCommand({ TableName: this.table, Item: { ...log } })),
    );
  }

  async get(logId: string): Promise<LogRecord | null> {
    const answer = await storageCall('logs.get', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key: { logId }, ConsistentRead: true })),
    );
    const item = answer.Item;
    if (!item) return null;
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
    };
  }

  async delete(logId: string): Promise<void> {
    await storageCall('logs.delete', () =>
      this.ddb.send(new DeleteCommand({ TableName: this.table, Key: { logId } })),
    );
  }
}
