/**
 * What Lambda's Kinesis event source mapping hands a function, built from
 * records read with GetRecords: the local mapping (scripts/local-stream.ts)
 * and the dead-letter replay (lib/stream/dead-letter-replay.ts) invoke the
 * consumer with it, so both deliver exactly what a deployed mapping would.
 */
import type { _Record as StreamRecord } from '@aws-sdk/client-kinesis';
import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';

export function kinesisEventOf(
  streamArn: string,
  shardId: string,
  records: StreamRecord[],
  region = process.env.AWS_REGION ?? 'us-east-1',
): KinesisStreamEvent {
  return {
    Records: records.map(
      (record): KinesisStreamRecord => ({
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: record.PartitionKey ?? '',
          sequenceNumber: record.SequenceNumber ?? '',
          data: Buffer.from(record.Data ?? new Uint8Array()).toString('base64'),
          approximateArrivalTimestamp: (record.ApproximateArrivalTimestamp?.getTime() ?? Date.now()) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shardId}:${record.SequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::000000000000:role/local',
        awsRegion: region,
        eventSourceARN: streamArn,
      }),
    ),
  };
}

/** A stream's ARN as Kinesis names it; locally the account is all zeros. */
export const streamArnOf = (stream: string, region = process.env.AWS_REGION ?? 'us-east-1') =>
  `arn:aws:kinesis:${region}:000000000000:stream/${stream}`;

/** The stream name in `arn:aws:kinesis:<region>:<account>:stream/<name>`. */
export function streamNameOf(arn: string): string {
  const at = arn.indexOf(':stream/');
  if (!arn.startsWith('arn:') || at < 0) throw new Error(`not a Kinesis stream ARN: "${arn}"`);
  return arn.slice(at + ':stream/'.length);
}
