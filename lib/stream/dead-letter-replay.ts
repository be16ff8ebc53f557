/**
 * Replay of dead-lettered count batches (scripts/replay-dead-letters.ts).
 *
 * When the count consumer's retries are exhausted, Lambda sends the batch's
 * on-failure invocation record to CountDeadLetterQueue: METADATA only — the
 * shard and the first and last sequence numbers (`KinesisBatchInfo`), not
 * the records. The records are still on the stream for its retention (24 h),
 * so a replay reads them back (GetShardIterator AT_SEQUENCE_NUMBER, then
 * GetRecords up to the last sequence number) and hands them to the same
 * consumer in the event a mapping would send. Replaying what was counted
 * already counts nothing: the consumer's per-shard positions (`seq#<shard>`)
 * refuse records at or below what a report has counted.
 *
 * Locally the mapping (scripts/local-stream.ts) appends the same invocation
 * record, one JSON line per batch, to LOGSIFT_LOCAL_DEAD_LETTER: one replay
 * path serves the file and the queue.
 */
import { rmSync } from 'node:fs';
import { appendFile, readdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-kinesis';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { kinesisEventOf, streamNameOf } from './kinesis-event.ts';

/** The part of Lambda's on-failure invocation record for a Kinesis source that a replay needs. */
export interface BatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  streamArn: string;
  batchSize?: number;
}

export type Consumer = (
  event: KinesisStreamEvent,
  context: unknown,
) => Promise<KinesisStreamBatchResponse | undefined>;

export interface ReplayOutcome {
  info: BatchInfo;
  /** Records read back from the stream and delivered. */
  records: number;
  /** Sequence numbers still not counted after the retries (empty: replayed). */
  failed: string[];
  /** Why the range could not be replayed at all (unreadable, past retention). */
  error?: string;
}

/** Reads `KinesisBatchInfo` from an on-failure invocation record (an SQS body or a local line). */
export function batchInfoOf(text: string): BatchInfo {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  const info = (record as { KinesisBatchInfo?: Record<string, unknown> } | null)?.KinesisBatchInfo;
  const field = (name: string): string => {
    const value = info?.[name];
    if (typeof value !== 'string' || value === '')
      throw new Error(`not a Kinesis on-failure record: KinesisBatchInfo.${name} is missing`);
    return value;
  };
  const sequence = (name: string): string => {
    const value = field(name);
    if (!/^\d{1,128}$/.test(value)) throw new Error(`KinesisBatchInfo.${name} is not a sequence number`);
    return value;
  };
  const parsed: BatchInfo = {
    shardId: field('shardId'),
    startSequenceNumber: sequence('startSequenceNumber'),
    endSequenceNumber: sequence('endSequenceNumber'),
    streamArn: field('streamArn'),
    ...(typeof info?.['batchSize'] === 'number' ? { batchSize: info['batchSize'] } : {}),
  };
  if (BigInt(parsed.startSequenceNumber) > BigInt(parsed.endSequenceNumber))
    throw new Error('KinesisBatchInfo: the range starts after it ends');
  streamNameOf(parsed.streamArn);
  return parsed;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Empty GetRecords pages tolerated while behind the tip (Kinesis may answer a few on the way). */
const MAX_EMPTY_PAGES = 50;

/** The records from `start` to `end` of one shard, read back; an error if the stream no longer holds them all. */
export async function readBatch(kinesis: KinesisClient, info: BatchInfo): Promise<StreamRecord[]> {
  const start = await kinesis.send(
    new GetShardIteratorCommand({
      StreamName: streamNameOf(info.streamArn),
      ShardId: info.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      StartingSequenceNumber: info.startSequenceNumber,
    }),
  );
  const end = BigInt(info.endSequenceNumber);
  const records: StreamRecord[] = [];
  let iterator = start.ShardIterator;
  let empty = 0;
  reading: while (iterator) {
    const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    for (const record of page.Records ?? []) {
      if (BigInt(record.SequenceNumber ?? '0') > end) break reading;
      records.push(record);
    }
    if (records[records.length - 1]?.SequenceNumber === info.endSequenceNumber) break;
    if ((page.Records ?? []).length === 0) {
      // At the tip, nothing further of the range can arrive: it was on the stream before it failed.
      if ((page.MillisBehindLatest ?? 0) === 0 || ++empty > MAX_EMPTY_PAGES) break;
      await sleep(200);
    }
    iterator = page.NextShardIterator;
  }
  const first = records[0]?.SequenceNumber;
  const last = records[records.length - 1]?.SequenceNumber;
  if (first !== info.startSequenceNumber)
    throw new Error(
      `${info.shardId}: the records from ${info.startSequenceNumber} are no longer on the stream ` +
        `(first found: ${first ?? 'none'}; past the stream's retention?)`,
    );
  if (last !== info.endSequenceNumber)
    throw new Error(`${info.shardId}: the range ends at ${info.endSequenceNumber}, the shard at ${last}`);
  return records;
}

export interface ReplayOptions {
  /** Records per invocation: the mapping's batch size (serverless.yml `countConsumer`). */
  batchSize?: number;
  /** Deliveries of a chunk that reported failures, before giving up on it. */
  attempts?: number;
}

/** Reads one dead-lettered range back and delivers it to `consumer` as the mapping would. */
export async function replayBatch(
  kinesis: KinesisClient,
  consumer: Consumer,
  info: BatchInfo,
  options: ReplayOptions = {},
): Promise<ReplayOutcome> {
  let records: StreamRecord[];
  try {
    records = await readBatch(kinesis, info);
  } catch (error) {
    return { info, records: 0, failed: [], error: (error as Error).message };
  }
  const batchSize = options.batchSize ?? 500;
  const attempts = options.attempts ?? 3;
  for (let at = 0; at < records.length; at += batchSize) {
    let chunk = records.slice(at, at + batchSize);
    for (let attempt = 1; ; attempt++) {
      let failures: string[];
      try {
        const answer = await consumer(kinesisEventOf(info.streamArn, info.shardId, chunk), {
          functionName: 'replay-dead-letters',
        });
        failures = (answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier ?? '');
      } catch (error) {
        if (attempt >= attempts)
          return { info, records: records.length, failed: chunk.map((r) => r.SequenceNumber ?? '') };
        process.stderr.write(`replay: consumer failed: ${(error as Error).message}\n`);
        continue;
      }
      if (failures.length === 0) break;
      // As the mapping does: deliver again from the lowest failed record.
      const lowest = failures.reduce((low, seq) => (BigInt(seq || '0') < BigInt(low || '0') ? seq : low));
      const from = Math.max(
        0,
        chunk.findIndex((record) => record.SequenceNumber === lowest),
      );
      chunk = chunk.slice(from);
      if (attempt >= attempts)
        return { info, records: records.length, failed: chunk.map((r) => r.SequenceNumber ?? '') };
    }
  }
  return { info, records: records.length, failed: [] };
}

export const replayed = (outcome: ReplayOutcome) =>
  outcome.error === undefined && outcome.failed.length === 0;

/** What a replay of one dead letter says: its place on the stream and what became of it. */
export function describeOutcome(outcome: ReplayOutcome): string {
  const { shardId, startSequenceNumber, endSequenceNumber } = outcome.info;
  const range = `${shardId} ${startSequenceNumber}..${endSequenceNumber}`;
  if (outcome.error) return `${range}: not replayed: ${outcome.error}`;
  if (outcome.failed.length > 0)
    return `${range}: ${outcome.records} records read, ${outcome.failed.length} still not counted (kept)`;
  return `${range}: ${outcome.records} records replayed`;
}

export type ReplayOne = (info: BatchInfo) => Promise<ReplayOutcome>;

export interface ReplaySummary {
  outcomes: ReplayOutcome[];
  /** Dead letters that are no on-failure record at all (kept where they were). */
  unreadable: string[];
}

/**
 * Replays every line of a local dead-letter file. The file is first moved
 * aside, so the mapping's appends go to a fresh one meanwhile; lines not
 * replayed are appended back to it. Files moved aside by an interrupted run
 * are replayed too.
 */
export async function replayFile(path: string, replayOne: ReplayOne): Promise<ReplaySummary> {
  const dir = dirname(path);
  const aside = `${basename(path)}.replaying-`;
  const own = join(dir, `${aside}${process.pid}-${Date.now()}`);
  try {
    await rename(path, own);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const files = (await readdir(dir)).filter((name) => name.startsWith(aside)).map((name) => join(dir, name));
  const summary: ReplaySummary = { outcomes: [], unreadable: [] };
  for (const file of files) {
    const keep: string[] = [];
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (line.trim() === '') continue;
      let info: BatchInfo;
      try {
        info = batchInfoOf(line);
      } catch (error) {
        summary.unreadable.push(`${(error as Error).message}: ${line.slice(0, 200)}`);
        keep.push(line);
        continue;
      }
      const outcome = await replayOne(info);
      summary.outcomes.push(outcome);
      if (!replayed(outcome)) keep.push(line);
    }
    if (keep.length > 0) await appendFile(path, `${keep.join('\n')}\n`);
    rmSync(file, { force: true });
  }
  return summary;
}

/** A dead-letter queue as the replay uses it (lib/stream/sqs-queue.ts: SQS). */
export interface DeadLetterQueue {
  receive(): Promise<{ receiptHandle: string; body: string }[]>;
  delete(receiptHandle: string): Promise<void>;
}

/**
 * Replays every message of the queue until a receive comes back empty; a
 * message is deleted only after its range was replayed, so one that failed
 * is received again once its visibility timeout has passed.
 */
export async function replayQueue(queue: DeadLetterQueue, replayOne: ReplayOne): Promise<ReplaySummary> {
  const summary: ReplaySummary = { outcomes: [], unreadable: [] };
  for (;;) {
    const messages = await queue.receive();
    if (messages.length === 0) return summary;
    for (const { receiptHandle, body } of messages) {
      let info: BatchInfo;
      try {
        info = batchInfoOf(body);
      } catch (error) {
        summary.unreadable.push(`${(error as Error).message}: ${body.slice(0, 200)}`);
        continue;
      }
      const outcome = await replayOne(info);
      summary.outcomes.push(outcome);
      if (replayed(outcome)) await queue.delete(receiptHandle);
    }
  }
}
