/**
 * Idempotency-Key records in the MetaTable, one item per key under
 * `idem#<scope>#<sha256(key)>`, expiring through the table's TTL attribute
 * `expiresAt` (epoch seconds). DynamoDB's TTL sweeper runs late and dynalite
 * has none, so expiry is also checked on every read and claim. The answer body
 * is gzipped: an issue with many summaries stays far below the 400 KB item cap.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { storageCall } from './errors.ts';
import type { IdempotencyRecord, IdempotencyStore, StoredAnswer } from './ports.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(
    id: string,
    requestHash: string,
    now: number,
    ttlSeconds: number,
    leaseSeconds: number,
  ): Promise<boolean> {
    try {
      await this.ddb.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: id,
            state: 'pending',
            requestHash,
            expiresAt: now + ttlSeconds,
            lockedUntil: now + leaseSeconds,
          },
          ConditionExpression:
            'attribute_not_exists(pk) OR expiresAt < :now OR (#state = :pending AND lockedUntil < :now AND requestHash = :hash)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':now': now, ':pending': 'pending', ':hash': requestHash },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return storageCall('idempotency.claim', () => Promise.reject(error));
    }
  }

  async get(id: string, now: number): Promise<IdempotencyRecord | null> {
    const { Item: item } = await storageCall('idempotency.get', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key: { pk: id }, ConsistentRead: true })),
    );
    if (!item || Number(item['expiresAt']) < now) return null;
    let answer: StoredAnswer | null = null;
    if (item['state'] === 'done' && item['answer']) {
      const stored = item['answer'] as Omit<StoredAnswer, 'body'> & { body: Uint8Array };
      answer = {
        statusCode: Number(stored.statusCode),
        headers: stored.headers,
        isBase64Encoded: stored.isBase64Encoded === true,
        body: (await gunzipAsync(stored.body)).toString('utf8'),
      };
    }
    return {
      state: item['state'] === 'done' ? 'done' : 'pending',
      requestHash: String(item['requestHash']),
      expiresAt: Number(item['expiresAt']),
      answer,
    };
  }

  async complete(id: string, requestHash: string, answer: StoredAnswer): Promise<void> {
    const body = await gzipAsync(Buffer.from(answer.body, 'utf8'));
    await storageCall('idempotency.complete', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: id },
          UpdateExpression: 'SET #state = :done, answer = :answer REMOVE lockedUntil',
          ConditionExpression: 'requestHash = :hash',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':hash': requestHash,
            ':answer': { ...answer, body },
          },
        }),
      ),
    );
  }

  async release(id: string, requestHash: string): Promise<void> {
    try {
      await this.ddb.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk: id },
          ConditionExpression: '#state = :pending AND requestHash = :hash',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':hash': requestHash },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      await storageCall('idempotency.release', () => Promise.reject(error));
    }
  }
}
