/**
 * Reading Lambda's on-failure invocation record for a Kinesis source: the
 * replay takes a queue message or a local line only when it names a whole
 * range of one shard of a stream.
 */
import { batchInfoOf } from '#lib/stream/dead-letter-replay';
import { streamNameOf } from '#lib/stream/kinesis-event';

/** The record's shape as AWS documents it, with values made up for this test. */
const record = (info: Record<string, unknown>) =>
  JSON.stringify({
    requestContext: {
      requestId: 'b7e1c2d4-0000-4000-8000-00000000abcd',
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:logsift-countConsumer',
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 6,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: '2026-11-30T09:12:44.100Z',
    KinesisBatchInfo: {
      shardId: 'shardId-000000000001',
      startSequenceNumber: '49650000000000000000000000000000000000000000000000000001',
      endSequenceNumber: '49650000000000000000000000000000000000000000000000000314',
      approximateArrivalOfFirstRecord: '2026-11-30T09:12:40.001Z',
      approximateArrivalOfLastRecord: '2026-11-30T09:12:41.950Z',
      batchSize: 37,
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/logsift-prod-CountStream-AbC123',
      ...info,
    },
  });

describe('batchInfoOf', () => {
  it('reads the shard, the range and the stream of an on-failure record', () => {
    expect(batchInfoOf(record({}))).toEqual({
      shardId: 'shardId-000000000001',
      startSequenceNumber: '49650000000000000000000000000000000000000000000000000001',
      endSequenceNumber: '49650000000000000000000000000000000000000000000000000314',
      streamArn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/logsift-prod-CountStream-AbC123',
      batchSize: 37,
    });
    expect(streamNameOf(batchInfoOf(record({})).streamArn)).toBe('logsift-prod-CountStream-AbC123');
  });

  it('refuses what names no whole range of a stream', () => {
    expect(() => batchInfoOf('not json')).toThrow('not JSON');
    expect(() => batchInfoOf('{"requestContext":{}}')).toThrow('KinesisBatchInfo.shardId is missing');
    expect(() => batchInfoOf(record({ endSequenceNumber: undefined }))).toThrow(
      'KinesisBatchInfo.endSequenceNumber is missing',
    );
    expect(() => batchInfoOf(record({ startSequenceNumber: '12ab' }))).toThrow('not a sequence number');
    expect(() => batchInfoOf(record({ startSequenceNumber: '500', endSequenceNumber: '499' }))).toThrow(
      'starts after it ends',
    );
    expect(() => batchInfoOf(record({ streamArn: 'logsift-CountStream' }))).toThrow(
      'not a Kinesis stream ARN',
    );
  });
});
