/**
 * The count stream's consumer (COUNT_MODE=async; serverless.yml `countConsumer`):
 * a Kinesis batch in, one count write per report (lib/service/async-count.ts),
 * and the records not counted answered as `batchItemFailures` — the event
 * source mapping then delivers again from the lowest of them, which the
 * reports' stream positions make harmless for the records already counted.
 */
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { getApp } from '#lib/app';
import { type CountRecord, countBatch } from '#lib/service/async-count';
import { decodeCounts } from '#lib/stream/kinesis-deferral';

export async function handler(event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> {
  const records: CountRecord[] = [];
  const failed: string[] = [];
  for (const record of event.Records) {
    const { sequenceNumber, data } = record.kinesis;
    try {
      records.push({
        // eventID is `<shardId>:<sequenceNumber>`.
        shard: record.eventID.slice(0, record.eventID.lastIndexOf(':')),
        sequenceNumber,
        message: decodeCounts(Buffer.from(data, 'base64')),
      });
    } catch (error) {
      // Retried, then sent to the on-failure destination with the batch's place on the stream.
      console.error(`count-consumer: record ${sequenceNumber} unreadable`, error);
      failed.push(sequenceNumber);
    }
  }
  const outcome = await countBatch(getApp().stores, records);
  failed.push(...outcome.failed);
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}
