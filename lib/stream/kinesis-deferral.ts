/**
 * The count stream on Kinesis Data Streams (COUNT_MODE=async): one record per
 * request, its counts as JSON (lib/service/async-count.ts reads them back).
 *
 * Partition key: the log id. Ids are handed out in blocks per container, so
 * consecutive requests of all containers hash over every shard, and a hot
 * report's records are spread too — its count writes are then one per batch
 * per shard, which the per-shard positions make exact. Keying by report
 * would put a hot report's whole rate on one shard (1,000 records/s each)
 * and a request naming several reports could not be keyed by one anyway.
 */
import { type KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { storageCall } from '#lib/store/errors';
import type { CountDeferral, DeferredCounts } from '#lib/store/ports';

/** Kinesis's limit on a record's data plus partition key: 1 MiB. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export function encodeCounts(message: DeferredCounts): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

export function decodeCounts(data: Buffer): DeferredCounts {
  const message = JSON.parse(data.toString('utf8')) as DeferredCounts;
  if (!message || typeof message.log?.logId !== 'string' || !Array.isArray(message.groups))
    throw new Error('count record: not a logsift count message');
  return message;
}

export class KinesisCountDeferral implements CountDeferral {
  constructor(
    private readonly kinesis: KinesisClient,
    private readonly stream: string,
  ) {}

  async defer(message: DeferredCounts): Promise<boolean> {
    const data = encodeCounts(message);
    const partitionKey = message.log.logId;
    if (data.length + Buffer.byteLength(partitionKey) > MAX_RECORD_BYTES) return false;
    await storageCall('counts.publish', () =>
      this.kinesis.send(
        new PutRecordCommand({ StreamName: this.stream, PartitionKey: partitionKey, Data: data }),
      ),
    );
    return true;
  }
}
