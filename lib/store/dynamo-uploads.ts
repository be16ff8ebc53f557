/**
 * Upload states in the meta table, one item `upload#<logId>` each. A pending
 * upload expires (TTL) a day after it was created if nothing ever arrives; a
 * finished one keeps its outcome for good, so the status URL answers the same
 * thing for ever. Processing is claimed with a lease: a processor that dies
 * mid-way (a Lambda timeout) lets another take over once the lease lapses.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { storageCall } from './errors.ts';
import type { UploadPhase, UploadState, UploadStates } from './ports.ts';

const PENDING_TTL_SECONDS = 24 * 3600;
const key = (logId: string) => ({ pk: `upload#${logId}` });
const NAMES = { '#phase': 'phase' };

async function conditional(operation: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await storageCall(operation, call);
    return true;
  } catch (error) {
    if ((error as { cause?: unknown }).cause instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export class DynamoUploadStates implements UploadStates {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(logId: string, createdAt: string): Promise<void> {
    const expiresAt = Math.floor(Date.parse(createdAt) / 1000) + PENDING_TTL_SECONDS;
    await storageCall('uploads.create', () =>
      this.ddb.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(logId), logId, phase: 'pending', createdAt, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  async get(logId: string): Promise<UploadState | null> {
    const answer = await storageCall('uploads.get-state', () =>
      this.ddb.send(new GetCommand({ TableName: this.table, Key: key(logId), ConsistentRead: true })),
    );
    const item = answer.Item;
    if (!item) return null;
    return {
      logId: String(item['logId']),
      phase: item['phase'] as UploadPhase,
      createdAt: String(item['createdAt']),
      leaseUntil: item['leaseUntil'] as string | undefined,
      status: item['status'] as number | undefined,
      body: item['body'] as Record<string, unknown> | undefined,
    };
  }

  claim(logId: string, token: string, now: string, leaseUntil: string): Promise<boolean> {
    return conditional('uploads.claim', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(logId),
          ConditionExpression: '#phase = :pending OR (#phase = :processing AND leaseUntil < :now)',
          UpdateExpression: 'SET #phase = :processing, claimToken = :token, leaseUntil = :lease',
          ExpressionAttributeNames: NAMES,
          ExpressionAttributeValues: {
            ':pending': 'pending',
            ':processing': 'processing',
            ':now': now,
            ':token': token,
            ':lease': leaseUntil,
          },
        }),
      ),
    );
  }

  async release(logId: string, token: string): Promise<void> {
    await conditional('uploads.release', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(logId),
          ConditionExpression: 'claimToken = :token AND #phase = :processing',
          UpdateExpression: 'SET #phase = :pending REMOVE claimToken, leaseUntil',
          ExpressionAttributeNames: NAMES,
          ExpressionAttributeValues: { ':token': token, ':processing': 'processing', ':pending': 'pending' },
        }),
      ),
    );
  }

  finish(
    logId: string,
    token: string,
    phase: 'done' | 'failed',
    status: number,
    body: Record<string, unknown>,
  ): Promise<boolean> {
    return conditional('uploads.finish', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: key(logId),
          ConditionExpression: 'claimToken = :token AND #phase = :processing',
          UpdateExpression:
            'SET #phase = :phase, #status = :status, #body = :body REMOVE expiresAt, leaseUntil',
          ExpressionAttributeNames: { ...NAMES, '#status': 'status', '#body': 'body' },
          ExpressionAttributeValues: {
            ':token': token,
            ':processing': 'processing',
            ':phase': phase,
            ':status': status,
            ':body': body,
          },
        }),
      ),
    );
  }
}
