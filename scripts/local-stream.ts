/**
 * The local stand-in for Lambda's Kinesis event source mapping: every function
 * of serverless.yml with a `stream` event of type kinesis (the count consumer)
 * is fed from kinesalite in the gateway's process, as the mapping would feed
 * it deployed — per shard, in sequence order, one invocation at a time:
 *
 *   - GetRecords until `batchSize` records or `batchWindow` seconds, then one
 *     invocation with a real KinesisStreamEvent;
 *   - `batchItemFailures` (ReportBatchItemFailures): checkpoint before the
 *     lowest failed sequence number and deliver again from it;
 *   - a thrown error: the whole batch again, bisected when
 *     `bisectBatchOnFunctionError` is set;
 *   - after `maximumRetryAttempts` retries, the batch goes to the on-failure
 *     destination — locally one JSON line per batch appended to
 *     LOGSIFT_LOCAL_DEAD_LETTER (deployed: CountDeadLetterQueue) — and the
 *     shard moves past it.
 *
 * Checkpoints are kept in memory: a restart delivers the stream again from
 * TRIM_HORIZON, which the consumer's per-report positions make harmless.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type KinesisClient,
  ListShardsCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-kinesis';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { kinesisEventOf, streamArnOf } from '#lib/stream/kinesis-event';
import type { ServerlessYml } from './serverless-yml.ts';

type Consumer = (
  event: KinesisStreamEvent,
  context: unknown,
) => Promise<KinesisStreamBatchResponse | undefined>;

export interface StreamMapping {
  batchSize: number;
  batchWindowSeconds: number;
  maximumRetryAttempts: number;
  bisect: boolean;
}

export interface LocalStreams {
  stop(): Promise<void>;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Feeds one shard to `consumer` until stopped. */
export class ShardPoller {
  private stopped = false;
  /** Records read but not yet delivered successfully, oldest first. */
  private buffer: StreamRecord[] = [];
  private iterator: string | undefined;
  private retries = 0;
  readonly done: Promise<void>;

  constructor(
    private readonly kinesis: KinesisClient,
    private readonly stream: string,
    private readonly shardId: string,
    private readonly consumer: Consumer,
    private readonly mapping: StreamMapping,
    private readonly deadLetter: string | undefined,
  ) {
    this.done = this.run();
  }

  stop(): Promise<void> {
    this.stopped = true;
    return this.done;
  }

  private async run(): Promise<void> {
    const start = await this.kinesis.send(
      new GetShardIteratorCommand({
        StreamName: this.stream,
        ShardId: this.shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    this.iterator = start.ShardIterator;
    while (!this.stopped) {
      try {
        await this.fill();
        if (this.buffer.length === 0) continue;
        await this.deliver(this.buffer.slice(0, this.mapping.batchSize));
      } catch (error) {
        process.stderr.write(`stream ${this.stream}/${this.shardId}: ${(error as Error).message}\n`);
        await sleep(500);
      }
    }
  }

  /** Reads until a batch is full or the batching window has passed. */
  private async fill(): Promise<void> {
    const deadline = Date.now() + this.mapping.batchWindowSeconds * 1000;
    while (!this.stopped && this.iterator && this.buffer.length < this.mapping.batchSize) {
      const page = await this.kinesis.send(
        new GetRecordsCommand({
          ShardIterator: this.iterator,
          Limit: this.mapping.batchSize - this.buffer.length,
        }),
      );
      this.iterator = page.NextShardIterator;
      this.buffer.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) {
        if (this.buffer.length > 0 && Date.now() >= deadline) return;
        await sleep(POLL_MS);
      }
    }
  }

  /** One delivery of `batch` (the oldest records buffered), with the mapping's failure handling. */
  private async deliver(batch: StreamRecord[]): Promise<void> {
    let failedFrom: number;
    try {
      const answer = await this.consumer(kinesisEventOf(streamArnOf(this.stream), this.shardId, batch), {
        functionName: 'local',
      });
      const failures = (answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier);
      if (failures.length === 0) {
        this.checkpoint(batch.length);
        return;
      }
      // Lambda delivers again from the lowest failed sequence number.
      const lowest = failures.reduce((low, seq) => (BigInt(seq) < BigInt(low) ? seq : low));
      failedFrom = batch.findIndex((record) => record.SequenceNumber === lowest);
      if (failedFrom < 0) failedFrom = 0; // an identifier not in the batch: the whole batch failed
    } catch (error) {
      process.stderr.write(`stream ${this.stream}: consumer failed: ${(error as Error).message}\n`);
      if (this.mapping.bisect && batch.length > 1) {
        this.retries++;
        if (this.retries > this.mapping.maximumRetryAttempts) return this.giveUp(batch);
        // Bisected: the first half alone, then what remains, from the buffer's front.
        return this.deliver(batch.slice(0, Math.ceil(batch.length / 2)));
      }
      failedFrom = 0;
    }
    this.checkpoint(failedFrom);
    this.retries++;
    if (this.retries > this.mapping.maximumRetryAttempts)
      await this.giveUp(this.buffer.slice(0, batch.length - failedFrom));
  }

  /** The first `count` buffered records are done. */
  private checkpoint(count: number): void {
    if (count > 0) this.retries = 0;
    this.buffer = this.buffer.slice(count);
  }

  /**
   * Retries exhausted: the batch's place on the stream to the on-failure
   * destination, and on. The line is Lambda's invocation record for a Kinesis
   * source (metadata only, no records), so scripts/replay-dead-letters.ts reads
   * it as it reads CountDeadLetterQueue's messages.
   */
  private async giveUp(batch: StreamRecord[]): Promise<void> {
    const first = batch[0];
    const last = batch[batch.length - 1];
    const record = {
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: this.retries },
      version: '1.0',
      timestamp: new Date().toISOString(),
      KinesisBatchInfo: {
        shardId: this.shardId,
        startSequenceNumber: first?.SequenceNumber,
        endSequenceNumber: last?.SequenceNumber,
        approximateArrivalOfFirstRecord: first?.ApproximateArrivalTimestamp?.toISOString(),
        approximateArrivalOfLastRecord: last?.ApproximateArrivalTimestamp?.toISOString(),
        batchSize: batch.length,
        streamArn: streamArnOf(this.stream),
      },
    };
    if (this.deadLetter) appendFileSync(this.deadLetter, `${JSON.stringify(record)}\n`);
    process.stderr.write(`stream ${this.stream}: ${batch.length} records to the on-failure destination\n`);
    this.buffer = this.buffer.slice(batch.length);
    this.retries = 0;
  }
}

interface StreamEvent {
  type?: string;
  batchSize?: number;
  batchWindow?: number;
  maximumRetryAttempts?: number;
  bisectBatchOnFunctionError?: boolean;
}

/** Starts a poller per shard for every kinesis `stream` function, when COUNT_MODE=async. */
export async function startLocalStreams(
  doc: ServerlessYml,
  root: string,
  kinesis: KinesisClient,
): Promise<LocalStreams> {
  const stream = process.env.COUNT_STREAM;
  const pollers: ShardPoller[] = [];
  if (!stream) return { stop: async () => {} };
  for (const fn of Object.values(doc.functions ?? {})) {
    const events = (fn.events ?? []) as { stream?: StreamEvent }[];
    const spec = events.map((event) => event.stream).find((event) => event?.type === 'kinesis');
    if (!spec) continue;
    const dot = fn.handler.lastIndexOf('.');
    const module = (await import(join(root, `${fn.handler.slice(0, dot)}.ts`))) as Record<string, unknown>;
    const consumer = module[fn.handler.slice(dot + 1)] as Consumer;
    if (typeof consumer !== 'function') throw new Error(`gateway: ${fn.handler} is not a function`);
    const mapping: StreamMapping = {
      batchSize: spec.batchSize ?? 100,
      batchWindowSeconds: Number(process.env.LOGSIFT_LOCAL_BATCH_WINDOW_S ?? spec.batchWindow ?? 0),
      // -1 (Lambda's default): until the records expire.
      maximumRetryAttempts:
        spec.maximumRetryAttempts === undefined || spec.maximumRetryAttempts < 0
          ? Number.POSITIVE_INFINITY
          : spec.maximumRetryAttempts,
      bisect: spec.bisectBatchOnFunctionError ?? false,
    };
    const shards = await kinesis.send(new ListShardsCommand({ StreamName: stream }));
    for (const shard of shards.Shards ?? []) {
      pollers.push(
        new ShardPoller(
          kinesis,
          stream,
          shard.ShardId!,
          consumer,
          mapping,
          process.env.LOGSIFT_LOCAL_DEAD_LETTER || undefined,
        ),
      );
    }
  }
  return {
    async stop() {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
}
