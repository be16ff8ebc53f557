/**
 * Retention by DynamoDB TTL (EXPIRY_MODE=ttl) against dynalite and s3rver
 * through the AWS SDK. dynalite has neither TTL nor streams, so each test does
 * TTL's part by hand — it reads a record's item as stored, deletes it, and
 * hands the stream consumer (functions/release-expired.ts) the removal in the
 * shape DynamoDB Streams delivers it to Lambda: the marshalled old image and
 * TTL's `userIdentity` — then reads both stores directly.
 */
import { randomBytes } from 'node:crypto';
import { type AttributeValue, DeleteItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { extract, type IngestResult, ingestLog } from '#lib/service/ingest';
import { sweepExpired } from '#lib/service/lifecycle';
import { DynamoIdempotencyStore } from '#lib/store/dynamo-idempotency';
import { DynamoIdAllocator } from '#lib/store/dynamo-ids';
import { DynamoLogIndex } from '#lib/store/dynamo-logs';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { ManualClock } from '#lib/store/memory/clock';
import type { Stores } from '#lib/store/ports';
import type { ExpiryMode } from '#lib/store/retention';
import { TTL_GRACE_SECONDS } from '#lib/store/retention';
import { S3LogArchive } from '#lib/store/s3-archive';
import { releaseHandler } from '../../functions/release-expired.ts';
import { dynamoClient, s3Client } from '../../scripts/local-stack.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

const DAY = 86_400_000;
const RETENTION_DAYS = 30;

let emulators: TestEmulators;

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
}, 60_000);
afterAll(async () => {
  await emulators?.stop();
});

/** A container's adapters on their own clients (so a test can fail one of its SDK calls). */
function container(clock: ManualClock, mode: ExpiryMode, inlineBytes = 0) {
  const ddb = DynamoDBDocumentClient.from(dynamoClient(emulators.dynamoEndpoint), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const { bucket, logsTable, reportsTable, metaTable } = emulators.names;
  const stores: Stores = {
    archive: new S3LogArchive(s3Client(emulators.s3Endpoint), bucket, ddb, metaTable, { inlineBytes }),
    logs: new DynamoLogIndex(ddb, logsTable, { days: RETENTION_DAYS, mode }, clock.now),
    ids: new DynamoIdAllocator(ddb, metaTable, 5),
    reports: new DynamoReportStore(ddb, reportsTable),
    idempotency: new DynamoIdempotencyStore(ddb, metaTable),
  };
  /** Fail the next SDK command `name` whose input `matches`, as an unavailable service would. */
  const failNext = (name: string, matches: (input: Record<string, unknown>) => boolean) => {
    let armed = true;
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        if (armed && context.commandName === name && matches(args.input as Record<string, unknown>)) {
          armed = false;
          throw Object.assign(new Error(`injected: ${name}`), {
            name: 'ServiceUnavailable',
            $fault: 'server',
            $metadata: { httpStatusCode: 503 },
          });
        }
        return next(args);
      },
      { step: 'initialize' },
    );
  };
  return { stores, failNext, release: releaseHandler(stores) };
}

function failureLog(tag: string): string {
  return [
    `2026-12-01T09:14:0${tag.length % 10}Z INFO export ${tag} started`,
    `2026-12-01T09:14:0${tag.length % 10}Z ERROR export ${tag} aborted: quota of archive-writer exceeded`,
    '',
  ].join('\n');
}

const ingest = (stores: Stores, text: string, now: Date): Promise<IngestResult> => {
  const bytes = Buffer.from(text);
  return ingestLog(stores, bytes, extract(bytes, { maxExtractBytes: 32_768 }), now, {
    maxExtractBytes: 32_768,
  });
};

async function rawRecord(logId: string): Promise<Record<string, AttributeValue> | undefined> {
  const answer = await emulators.dynamo.send(
    new GetItemCommand({
      TableName: emulators.names.logsTable,
      Key: { logId: { S: logId } },
      ConsistentRead: true,
    }),
  );
  return answer.Item;
}

async function blobItem(sha256: string): Promise<Record<string, AttributeValue> | undefined> {
  const answer = await emulators.dynamo.send(
    new GetItemCommand({
      TableName: emulators.names.metaTable,
      Key: { pk: { S: `blob#${sha256}` } },
      ConsistentRead: true,
    }),
  );
  return answer.Item;
}

async function blobObjects(sha256: string): Promise<string[]> {
  const listed = await emulators.s3.send(
    new ListObjectsV2Command({ Bucket: emulators.names.bucket, Prefix: `blobs/${sha256}.` }),
  );
  return (listed.Contents ?? []).map((object) => object.Key!);
}

let sequence = 4_200_000_000_000_000_000n;

/**
 * What TTL does to `logId`'s record, and the stream record it leaves: the item
 * deleted, and a REMOVE naming DynamoDB as the deleter with the old image,
 * through JSON as Lambda hands it over.
 */
async function expireByTtl(logId: string): Promise<DynamoDBRecord> {
  const { logsTable } = emulators.names;
  const removed = await emulators.dynamo.send(
    new DeleteItemCommand({ TableName: logsTable, Key: { logId: { S: logId } }, ReturnValues: 'ALL_OLD' }),
  );
  if (!removed.Attributes) throw new Error(`no record ${logId} to expire`);
  return JSON.parse(JSON.stringify(removal(removed.Attributes, { ttl: true })));
}

function removal(oldImage: Record<string, AttributeValue>, by: { ttl: boolean }): DynamoDBRecord {
  sequence += 100n;
  return {
    eventID: randomBytes(16).toString('hex'),
    eventName: 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_767_225_600,
      Keys: { logId: oldImage['logId'] as { S: string } },
      OldImage: oldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'],
      SequenceNumber: String(sequence),
      SizeBytes: 420,
      StreamViewType: 'OLD_IMAGE',
    },
    ...(by.ttl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
    eventSourceARN: `arn:aws:dynamodb:eu-west-1:123456789012:table/${emulators.names.logsTable}/stream/2026-12-01T00:00:00.000`,
  };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('EXPIRY_MODE=ttl: the records', () => {
  it('writes ttl = expiresAt and no expiryShard, so the record is not in logsByExpiry', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00.000Z');
    const { stores } = container(clock, 'ttl');
    const { log } = await ingest(
      stores,
      failureLog(`ttl-put-${randomBytes(4).toString('hex')}`),
      clock.now(),
    );
    const item = await rawRecord(log.logId);
    const expiresAt = Math.floor(clock.now().getTime() / 1000) + RETENTION_DAYS * 86_400;
    expect(item?.['expiresAt']).toEqual({ N: String(expiresAt) });
    expect(item?.['ttl']).toEqual({ N: String(expiresAt) });
    expect(item?.['expiryShard']).toBeUndefined();

    clock.advance(RETENTION_DAYS * DAY + 1000);
    expect(await stores.logs.get(log.logId)).toBeNull();
    // The sweeper finds no ttl-mode record: TTL deletes it, and the stream releases its blob.
    const swept = await sweepExpired(stores, clock.now());
    expect(await rawRecord(log.logId)).toBeDefined();
    expect(swept.logs).toBe(0);
  });

  it('keeps sweep mode as it was: the expiry shard, and ttl a grace period late', async () => {
    const clock = new ManualClock('2026-03-02T00:00:00.000Z');
    const { stores } = container(clock, 'sweep');
    const { log } = await ingest(
      stores,
      failureLog(`sweep-put-${randomBytes(4).toString('hex')}`),
      clock.now(),
    );
    const item = await rawRecord(log.logId);
    const expiresAt = Math.floor(clock.now().getTime() / 1000) + RETENTION_DAYS * 86_400;
    expect(item?.['expiryShard']).toEqual({ S: String(Number(log.logId) % 32) });
    expect(item?.['ttl']).toEqual({ N: String(expiresAt + TTL_GRACE_SECONDS) });
    clock.advance(RETENTION_DAYS * DAY + 1000);
    expect((await stores.logs.expired(clock.now(), 1000)).ids).toContain(log.logId);
  });
});

describe('EXPIRY_MODE=ttl: the stream consumer', () => {
  it("gives an expired log's blob back: its last reference deletes the item and the S3 object", async () => {
    const clock = new ManualClock('2026-04-01T00:00:00.000Z');
    const { stores, release } = container(clock, 'ttl');
    const { log } = await ingest(stores, failureLog(`alone-${randomBytes(4).toString('hex')}`), clock.now());
    expect(await blobObjects(log.sha256)).toHaveLength(1);

    const record = await expireByTtl(log.logId);
    expect(await release(batch(record))).toEqual({ batchItemFailures: [] });
    expect(await blobItem(log.sha256)).toBeUndefined();
    expect(await blobObjects(log.sha256)).toEqual([]);
  });

  it('deletes an inline body with its item', async () => {
    const clock = new ManualClock('2026-04-02T00:00:00.000Z');
    const { stores, release } = container(clock, 'ttl', 2048);
    const { log } = await ingest(stores, failureLog(`inline-${randomBytes(4).toString('hex')}`), clock.now());
    expect((await blobItem(log.sha256))?.['body']?.B).toBeDefined();
    expect(await release(batch(await expireByTtl(log.logId)))).toEqual({ batchItemFailures: [] });
    expect(await blobItem(log.sha256)).toBeUndefined();
    expect(await stores.archive.getBlob(log.sha256)).toBeNull();
  });

  it('releases once when the same record is delivered twice, and keeps bytes another log shares until it goes', async () => {
    const clock = new ManualClock('2026-04-03T00:00:00.000Z');
    const { stores, release } = container(clock, 'ttl');
    const text = failureLog(`shared-${randomBytes(4).toString('hex')}`);
    const first = await ingest(stores, text, clock.now());
    const second = await ingest(stores, text, clock.now());
    const third = await ingest(stores, text, clock.now());
    expect(first.log.sha256).toBe(second.log.sha256);
    expect((await blobItem(first.log.sha256))?.['refs']).toEqual({ N: '3' });

    const expired = await expireByTtl(first.log.logId);
    expect(await release(batch(expired))).toEqual({ batchItemFailures: [] });
    // Redelivered, alone and inside a later batch.
    expect(await release(batch(expired))).toEqual({ batchItemFailures: [] });
    expect((await blobItem(first.log.sha256))?.['refs']).toEqual({ N: '2' });
    const next = await expireByTtl(second.log.logId);
    expect(await release(batch(expired, next, next))).toEqual({ batchItemFailures: [] });
    const item = await blobItem(first.log.sha256);
    expect(item?.['refs']).toEqual({ N: '1' });
    // No release marker is left on the blob item.
    expect(Object.keys(item ?? {}).filter((name) => name.startsWith('released#'))).toEqual([]);
    expect((await stores.archive.getBlob(third.log.sha256))?.toString('utf8')).toBe(text);

    expect(await release(batch(await expireByTtl(third.log.logId)))).toEqual({ batchItemFailures: [] });
    expect(await blobItem(first.log.sha256)).toBeUndefined();
    expect(await blobObjects(first.log.sha256)).toEqual([]);
  });

  it('ignores a removal that was not TTL’s: its deleter released the blob already', async () => {
    const clock = new ManualClock('2026-04-04T00:00:00.000Z');
    const { stores, release } = container(clock, 'ttl');
    const text = failureLog(`by-hand-${randomBytes(4).toString('hex')}`);
    const { log } = await ingest(stores, text, clock.now());
    const removed = await emulators.dynamo.send(
      new DeleteItemCommand({
        TableName: emulators.names.logsTable,
        Key: { logId: { S: log.logId } },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const byHand = JSON.parse(JSON.stringify(removal(removed.Attributes!, { ttl: false })));
    const inserted = { ...removal(removed.Attributes!, { ttl: true }), eventName: 'INSERT' as const };
    expect(await release(batch(byHand, inserted))).toEqual({ batchItemFailures: [] });
    expect((await blobItem(log.sha256))?.['refs']).toEqual({ N: '1' });
    expect((await stores.archive.getBlob(log.sha256))?.toString('utf8')).toBe(text);
  });

  type Step = (input: Record<string, unknown>, log: { logId: string; sha256: string }) => boolean;
  const onBlob: Step = (input, log) =>
    JSON.stringify(input['Key']) === JSON.stringify({ pk: `blob#${log.sha256}` });
  it.each<[string, string, Step]>([
    [
      'the decrement',
      'UpdateItemCommand',
      (input, log) => onBlob(input, log) && !String(input['UpdateExpression']).startsWith('REMOVE'),
    ],
    [
      'the tombstone, after the decrement',
      'PutItemCommand',
      (input, log) => JSON.stringify(input['Item']).includes(`"released#${log.logId}"`),
    ],
    [
      'the marker’s removal, after decrement and tombstone',
      'UpdateItemCommand',
      (input, log) => onBlob(input, log) && String(input['UpdateExpression']).startsWith('REMOVE'),
    ],
  ])(
    'answers the first failed record (%s) as the batch item failure, stops there, and a redelivery releases once',
    async (_step, command, matches) => {
      const clock = new ManualClock('2026-04-05T00:00:00.000Z');
      const c = container(clock, 'ttl');
      const shared = failureLog(`retry-${randomBytes(4).toString('hex')}`);
      const [a, b, keep] = [
        await ingest(c.stores, failureLog(`retry-a-${randomBytes(4).toString('hex')}`), clock.now()),
        await ingest(c.stores, shared, clock.now()),
        await ingest(c.stores, shared, clock.now()),
      ];
      const last = await ingest(
        c.stores,
        failureLog(`retry-c-${randomBytes(4).toString('hex')}`),
        clock.now(),
      );
      const records = [
        await expireByTtl(a.log.logId),
        await expireByTtl(b.log.logId),
        await expireByTtl(last.log.logId),
      ];
      c.failNext(command, (input) => matches(input, b.log));

      const answer = await c.release(batch(...records));
      expect(answer).toEqual({
        batchItemFailures: [{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }],
      });
      expect(await blobItem(a.log.sha256)).toBeUndefined();
      // Nothing after the failed record was taken.
      expect((await blobItem(last.log.sha256))?.['refs']).toEqual({ N: '1' });

      // Lambda delivers the failed record and every later one again.
      expect(await c.release(batch(records[1]!, records[2]!))).toEqual({ batchItemFailures: [] });
      const item = await blobItem(b.log.sha256);
      expect(item?.['refs']).toEqual({ N: '1' });
      expect(Object.keys(item ?? {}).filter((name) => name.startsWith('released#'))).toEqual([]);
      expect((await c.stores.archive.getBlob(keep.log.sha256))?.toString('utf8')).toBe(shared);
      expect(await blobItem(last.log.sha256)).toBeUndefined();
    },
  );

  it('answers a TTL removal without an old image as a failure, for the dead-letter queue', async () => {
    const clock = new ManualClock('2026-04-06T00:00:00.000Z');
    const { stores, release } = container(clock, 'ttl');
    const { log } = await ingest(stores, failureLog(`keys-${randomBytes(4).toString('hex')}`), clock.now());
    const record = await expireByTtl(log.logId);
    delete record.dynamodb!.OldImage;
    expect(await release(batch(record))).toEqual({
      batchItemFailures: [{ itemIdentifier: record.dynamodb!.SequenceNumber }],
    });
    expect((await blobItem(log.sha256))?.['refs']).toEqual({ N: '1' });
  });
});
