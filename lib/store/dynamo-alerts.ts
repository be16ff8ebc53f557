/**
 * Alerts in their own DynamoDB table (AlertsTable in serverless.yml), whose
 * stream feeds the notifier on AWS. Items, by `pk`:
 *
 *   delivery#<alertId>.<destination>   one delivery and its state; in the
 *                                      `alertsRecent` and `alertsByReport` indexes,
 *                                      and in the sparse `alertsDue` one while pending
 *   gate#<rule>#<reportKey>            when the rule last alerted on the report
 *   window#<window>#<reportKey>#<start>  occurrences in one surge window (TTL)
 *   mute#<reportKey>                   the issue's mute
 *
 * Every state change is one conditional write on the delivery's item.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AlertStore, Delivery, DeliveryState, Mute } from './alert-ports.ts';
import { storageCall } from './errors.ts';

const LIST_KEY = 'delivery';
const DUE_KEY = 'due';
/** Deliveries are kept this long (the table's TTL removes them after). */
const KEEP_SECONDS = 90 * 86_400;

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

const DELIVERY_FIELDS = [
  'deliveryId',
  'alertId',
  'rule',
  'kind',
  'destination',
  'reportKey',
  'reportId',
  'issueId',
  'type',
  'createdAt',
  'state',
  'attempts',
  'nextAttemptAt',
  'deliveredAt',
  'lastError',
  'closedAt',
  'surge',
] as const;

function fromItem(item: Record<string, unknown>): Delivery {
  const delivery: Record<string, unknown> = {};
  for (const field of DELIVERY_FIELDS) if (item[field] !== undefined) delivery[field] = item[field];
  delivery['attempts'] = Number(item['attempts'] ?? 0);
  return delivery as unknown as Delivery;
}

export class DynamoAlertStore implements AlertStore {
  constructor(
    private readonly ddb: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(delivery: Delivery): Promise<boolean> {
    const item = {
      ...delivery,
      pk: `delivery#${delivery.deliveryId}`,
      listKey: LIST_KEY,
      ...(delivery.state === 'pending' ? { dueKey: DUE_KEY } : {}),
      expiresAt: Math.floor(new Date(delivery.createdAt).getTime() / 1000) + KEEP_SECONDS,
    };
    try {
      await this.ddb.send(
        new PutCommand({
          TableName: this.table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR #state = :void',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':void': 'void' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return storageCall('alerts.create', () => Promise.reject(error));
    }
  }

  async get(deliveryId: string): Promise<Delivery | null> {
    const { Item } = await storageCall('alerts.get', () =>
      this.ddb.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: `delivery#${deliveryId}` },
          ConsistentRead: true,
        }),
      ),
    );
    return Item ? fromItem(Item) : null;
  }

  async due(now: string, limit: number): Promise<Delivery[]> {
    return this.query('alerts.due', {
      IndexName: 'alertsDue',
      KeyConditionExpression: 'dueKey = :due AND nextAttemptAt <= :now',
      ExpressionAttributeValues: { ':due': DUE_KEY, ':now': now },
      ScanIndexForward: true,
      Limit: limit,
    });
  }

  claim(deliveryId: string, attempts: number, now: string, leaseUntil: string): Promise<boolean> {
    return this.conditional('alerts.claim', {
      Key: { pk: `delivery#${deliveryId}` },
      ConditionExpression: '#state = :pending AND attempts = :attempts AND nextAttemptAt <= :now',
      UpdateExpression: 'SET attempts = :next, nextAttemptAt = :lease',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':attempts': attempts,
        ':next': attempts + 1,
        ':now': now,
        ':lease': leaseUntil,
      },
    });
  }

  async settle(
    deliveryId: string,
    attempts: number,
    outcome: { state: DeliveryState; at: string; nextAttemptAt?: string; lastError?: string },
  ): Promise<void> {
    const sets = ['#state = :state'];
    const values: Record<string, unknown> = {
      ':state': outcome.state,
      ':pending': 'pending',
      ':attempts': attempts,
    };
    if (outcome.state === 'pending') {
      sets.push('nextAttemptAt = :nextAttemptAt');
      values[':nextAttemptAt'] = outcome.nextAttemptAt ?? outcome.at;
    }
    if (outcome.state === 'delivered') {
      sets.push('deliveredAt = :at');
      values[':at'] = outcome.at;
    }
    if (outcome.lastError !== undefined) {
      sets.push('lastError = :lastError');
      values[':lastError'] = outcome.lastError;
    }
    await this.conditional('alerts.settle', {
      Key: { pk: `delivery#${deliveryId}` },
      ConditionExpression: '#state = :pending AND attempts = :attempts',
      UpdateExpression: `SET ${sets.join(', ')}${outcome.state === 'pending' ? '' : ' REMOVE dueKey'}`,
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: values,
    });
  }

  async defer(deliveryId: string, attempts: number, nextAttemptAt: string): Promise<void> {
    await this.conditional('alerts.defer', {
      Key: { pk: `delivery#${deliveryId}` },
      ConditionExpression: '#state = :pending AND attempts = :attempts',
      UpdateExpression: 'SET nextAttemptAt = :next',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':pending': 'pending', ':attempts': attempts, ':next': nextAttemptAt },
    });
  }

  recent(limit: number): Promise<Delivery[]> {
    return this.query('alerts.recent', {
      IndexName: 'alertsRecent',
      KeyConditionExpression: 'listKey = :list',
      ExpressionAttributeValues: { ':list': LIST_KEY },
      ScanIndexForward: false,
      Limit: limit,
    });
  }

  forReport(reportKey: string, limit: number): Promise<Delivery[]> {
    return this.query('alerts.for-report', {
      IndexName: 'alertsByReport',
      KeyConditionExpression: 'reportKey = :key',
      ExpressionAttributeValues: { ':key': reportKey },
      ScanIndexForward: false,
      Limit: limit,
    });
  }

  takeGate(rule: string, reportKey: string, alertId: string, at: string, notAfter: string): Promise<boolean> {
    return this.conditional('alerts.gate', {
      Key: { pk: `gate#${rule}#${reportKey}` },
      ConditionExpression: 'attribute_not_exists(pk) OR gateAlert = :alert OR gateAt <= :notAfter',
      UpdateExpression: 'SET gateAt = :at, gateAlert = :alert',
      ExpressionAttributeValues: { ':alert': alertId, ':at': at, ':notAfter': notAfter },
    });
  }

  async addToWindow(reportKey: string, windowStart: string, n: number, expiresAt: number): Promise<number> {
    const { Attributes } = await storageCall('alerts.window', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `window#${reportKey}#${windowStart}` },
          UpdateExpression: 'ADD occurrences :n SET expiresAt = :expires',
          ExpressionAttributeValues: { ':n': n, ':expires': expiresAt },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(Attributes?.['occurrences'] ?? n);
  }

  async setMute(mute: Mute): Promise<void> {
    await storageCall('alerts.mute', () =>
      this.ddb.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `mute#${mute.reportKey}`,
            muteOf: mute.reportKey,
            issueId: mute.issueId,
            muted: mute.muted,
            at: mute.at,
          },
        }),
      ),
    );
  }

  async getMute(reportKey: string): Promise<Mute | null> {
    const { Item } = await storageCall('alerts.get-mute', () =>
      this.ddb.send(
        new GetCommand({ TableName: this.table, Key: { pk: `mute#${reportKey}` }, ConsistentRead: true }),
      ),
    );
    if (!Item) return null;
    return {
      reportKey,
      issueId: String(Item['issueId']),
      muted: Item['muted'] === true,
      at: String(Item['at']),
    };
  }

  private async query(
    operation: string,
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
  ): Promise<Delivery[]> {
    const { Items } = await storageCall(operation, () =>
      this.ddb.send(new QueryCommand({ TableName: this.table, ...input })),
    );
    return (Items ?? []).map(fromItem);
  }

  /** One conditional update: false when its condition did not hold. */
  private async conditional(
    operation: string,
    input: Omit<UpdateCommandInput, 'TableName'>,
  ): Promise<boolean> {
    try {
      await this.ddb.send(new UpdateCommand({ TableName: this.table, ...input }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return storageCall(operation, () => Promise.reject(error));
    }
  }
}
