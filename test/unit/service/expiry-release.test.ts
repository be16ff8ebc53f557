/**
 * The TTL stream consumer's rules over the in-memory adapters: which stream
 * records are TTL's removals of a log record, in-order processing that stops
 * at the first failure, and a log's reference given back once however often
 * its record comes. The DynamoDB half (marker, tombstone) is proved against
 * dynalite in test/integration/expiry-release.test.ts.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { entryOf, releaseExpired } from '#lib/service/expiry-release';
import { harness, ingest, paymentLog } from './helpers.ts';

const TTL = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

function removal(
  image: Record<string, unknown> | undefined,
  sequence: string,
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  return {
    eventID: `e${sequence}`,
    eventName: 'REMOVE',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: { logId: { S: String(image?.['logId'] ?? '') } },
      ...(image ? { OldImage: marshall(image) as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
      SequenceNumber: sequence,
      StreamViewType: 'OLD_IMAGE',
    },
    userIdentity: TTL,
    ...extra,
  };
}

describe('which stream records are TTL removals of a log', () => {
  const image = { logId: '000000042', sha256: 'a'.repeat(64), bytes: 120, expiresAt: 1_780_000_000 };

  it('takes a REMOVE by DynamoDB itself, with the log id and hash of its old image', () => {
    expect(entryOf(removal(image, '1'))).toEqual({
      kind: 'expired',
      log: { logId: '000000042', sha256: 'a'.repeat(64) },
    });
  });

  it.each<[string, Partial<DynamoDBRecord>]>([
    ['a deletion on request (no userIdentity)', { userIdentity: undefined }],
    ['another service principal', { userIdentity: { type: 'Service', principalId: 'lambda.amazonaws.com' } }],
    ['an insert', { eventName: 'INSERT' }],
    ['a modification', { eventName: 'MODIFY' }],
  ])('ignores %s', (_what, extra) => {
    expect(entryOf(removal(image, '1', extra))).toEqual({ kind: 'ignored' });
  });

  it('calls a TTL removal without an old image, or without the log id and hash, unreadable', () => {
    expect(entryOf(removal(undefined, '1')).kind).toBe('unreadable');
    expect(entryOf(removal({ logId: '000000042' }, '1')).kind).toBe('unreadable');
  });
});

describe('releasing expired logs', () => {
  it('gives each log back once, the bytes going with the last log that shares them', async () => {
    const h = harness();
    const first = await ingest(h, paymentLog(7001));
    const second = await ingest(h, paymentLog(7001));
    const records = [first, second].map((r, i) => removal({ ...r.log }, String(100 + i)));

    expect(await releaseExpired(h.stores, [records[0]!, records[0]!])).toMatchObject({
      released: 1,
      repeats: 1,
      blobs: 0,
      failed: null,
    });
    expect(await h.stores.archive.getBlob(first.log.sha256)).not.toBeNull();
    expect(await releaseExpired(h.stores, [records[0]!, records[1]!])).toMatchObject({
      released: 1,
      repeats: 1,
      blobs: 1,
    });
    expect(await h.stores.archive.getBlob(first.log.sha256)).toBeNull();
  });

  it('stops at the first failure and answers its sequence number; the records after it wait', async () => {
    const h = harness();
    const logs = [
      await ingest(h, paymentLog(7101)),
      await ingest(h, paymentLog(7102)),
      await ingest(h, paymentLog(7103)),
    ];
    const records = logs.map((r, i) => removal({ ...r.log }, String(200 + i)));
    h.faults.failNext('archive.release-once', { skip: 1 });

    expect(await releaseExpired(h.stores, records)).toMatchObject({ released: 1, failed: '201' });
    expect(await h.stores.archive.getBlob(logs[2]!.log.sha256)).not.toBeNull();
    expect(await releaseExpired(h.stores, records.slice(1))).toMatchObject({ released: 2, failed: null });
    for (const { log } of logs) expect(await h.stores.archive.getBlob(log.sha256)).toBeNull();
  });
});
