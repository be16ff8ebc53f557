/**
 * Retention by DynamoDB TTL (EXPIRY_MODE=ttl, README, Retention): TTL deletes
 * an expired log record, its stream carries the removal with the record's old
 * image, and this gives the record's blob reference back — the half of a
 * deletion that the sweeper and DELETE /logs/{logId} do themselves
 * (lib/service/lifecycle.ts deleteLog).
 *
 * Lambda delivers stream records at least once, so each log's reference is
 * given back through the archive's once-only release keyed by the log id: a
 * redelivered record finds it given back and changes nothing, and a blob
 * shared with other logs keeps its bytes until the last of them goes.
 * Removals that are not TTL's (a deletion on request, the sweeper's) are
 * ignored: their deleter released the blob already. Records are taken in
 * stream order; the first that fails stops the batch and is answered, so
 * Lambda delivers it and everything after it again.
 */
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { log } from '#lib/observe';
import type { Stores } from '#lib/store/ports';

/** Who a TTL deletion's stream record names (DynamoDB Streams `userIdentity`). */
export const TTL_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

/** A TTL removal of a log record: what its reference release needs. */
export interface ExpiredLog {
  logId: string;
  sha256: string;
}

export type StreamEntry =
  | { kind: 'expired'; log: ExpiredLog }
  | { kind: 'ignored' }
  /** A TTL removal whose old image does not name the log and its bytes (a stream without OLD_IMAGE). */
  | { kind: 'unreadable'; reason: string };

/** Whether `record` is a TTL deletion, and of which log. */
export function entryOf(record: DynamoDBRecord): StreamEntry {
  const identity = record.userIdentity as { type?: unknown; principalId?: unknown } | undefined;
  const byTtl =
    record.eventName === 'REMOVE' &&
    identity?.type === TTL_IDENTITY.type &&
    identity?.principalId === TTL_IDENTITY.principalId;
  if (!byTtl) return { kind: 'ignored' };
  const image = record.dynamodb?.OldImage;
  if (!image) return { kind: 'unreadable', reason: 'no OldImage (the stream must carry OLD_IMAGE)' };
  const item = unmarshall(image as Record<string, SdkAttributeValue>);
  const { logId, sha256 } = item;
  if (typeof logId !== 'string' || typeof sha256 !== 'string')
    return { kind: 'unreadable', reason: 'the old image has no logId and sha256' };
  return { kind: 'expired', log: { logId, sha256 } };
}

export interface ExpiryBatchOutcome {
  /** Logs whose reference was given back now (blobs deleted with their last log: `blobs`). */
  released: number;
  blobs: number;
  /** TTL removals whose reference an earlier delivery gave back. */
  repeats: number;
  /** Removals by anything but TTL, and other events. */
  ignored: number;
  /** The sequence number of the first record that failed (it and every later one come again); null = none. */
  failed: string | null;
}

export async function releaseExpired(stores: Stores, records: DynamoDBRecord[]): Promise<ExpiryBatchOutcome> {
  const outcome: ExpiryBatchOutcome = { released: 0, blobs: 0, repeats: 0, ignored: 0, failed: null };
  for (const record of records) {
    const entry = entryOf(record);
    if (entry.kind === 'ignored') {
      outcome.ignored += 1;
      continue;
    }
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    try {
      if (entry.kind === 'unreadable') throw new Error(entry.reason);
      const release = await stores.archive.releaseOnce(entry.log.sha256, entry.log.logId);
      if (release === null) outcome.repeats += 1;
      else {
        outcome.released += 1;
        if (release.deleted) outcome.blobs += 1;
      }
    } catch (error) {
      log.error('expiry release failed', {
        sequence,
        ...(entry.kind === 'expired' ? { logId: entry.log.logId } : {}),
        error: (error as Error).message,
      });
      outcome.failed = sequence;
      return outcome;
    }
  }
  return outcome;
}
