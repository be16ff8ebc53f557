/**
 * `npm run bench:scale` — what logsift would cost and where it would throttle
 * on AWS, by simulation (AWS is not reachable here). The in-process service
 * (lib/app.ts's composition, several "containers") takes stream batches
 * against dynalite and s3rver in simulated time: `--rate` failure events per
 * simulated second for `--seconds`, in requests of `--batch` events, each
 * event drawn from a Zipf mix of `--reports` distinct failures whose hottest
 * takes `--hot` of the traffic. Every DynamoDB and S3 call goes through the
 * capacity meter (lib/store/wcu-meter.ts), which charges write units per
 * partition key per simulated second to the base table, each GSI of
 * serverless.yml, and the counter items.
 *
 * It prints, per target, the hottest partition key's WRU/s; the projected
 * ceiling (the event rate at which that key reaches 1,000 WRU/s, the
 * per-partition-key limit, assuming its load grows with the rate); and the
 * cost per million events at the list prices below.
 *
 *   npm run bench:scale -- --rate 1000 --seconds 5 --batch 1
 *
 * `--mode async` (COUNT_MODE=async, lib/service/async-count.ts): the requests
 * put their counts on a simulated count stream — charged as Kinesis
 * provisioned PUT payload units (25 KB each) and shard-hours for the shards
 * the rate needs (`--shards`, default one per 1,000 requests/s) — and at the
 * end of each batching window (`--window` simulated seconds) the consumer
 * counts each shard's records in batches of up to `--stream-batch` (both by
 * default the event source mapping's batchWindow and batchSize as deployed),
 * metered like the API; its invocations are charged as Lambda requests and
 * compute.
 *
 * Configuration comes from the environment as deployed functions read it,
 * EXPIRY_MODE by default as serverless.yml deploys it (`ttl`: no
 * `logsByExpiry` entry); `EXPIRY_MODE=sweep npm run bench:scale` measures
 * the sweeper's index instead.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type AttributeValue,
  DeleteItemCommand,
  type GlobalSecondaryIndex,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { buildApp } from '#lib/app';
import { loadConfig } from '#lib/config';
import { eventFromObject, type LogEvent } from '#lib/records/index';
import { type CountRecord, countBatch } from '#lib/service/async-count';
import { ingestRecords } from '#lib/service/events';
import { releaseExpired, TTL_IDENTITY } from '#lib/service/expiry-release';
import { sweepExpired } from '#lib/service/lifecycle';
import { CapacityMeter, type TableDef, tableDef } from '#lib/store/wcu-meter';
import { encodeCounts } from '#lib/stream/kinesis-deferral';
import {
  createResources,
  dynamoClient,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  readServerlessYml,
  readServiceDefinition,
  startEmulators,
} from './local-stack.ts';
import { resolveEnvironment } from './serverless-env.ts';

/** us-east-1 list prices (November 2026), as docs/SCALING.md states them. */
export const PRICES = {
  wru: 0.625 / 1e6,
  rru: 0.125 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  apiRequest: 1.0 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  /** 512 MB arm64 at ~100 ms billed per request. */
  lambdaCompute: 0.5 * 0.1 * 0.0000133334,
  /** Kinesis Data Streams, provisioned: per 25 KB PUT payload unit, and per shard-hour. */
  kinesisPutUnit: 0.014 / 1e6,
  kinesisShardHour: 0.015,
  /** The consumer: 512 MB arm64 at ~500 ms billed per batch (assumed, not measured). */
  consumerCompute: 0.5 * 0.5 * 0.0000133334,
};

/** These variables of serverless.yml's provider environment, unresolved: what a deployment sets them to unless told. */
function deployedEnvironment(names: string[]): Record<string, unknown> {
  const environment = readServerlessYml().provider?.environment ?? {};
  return Object.fromEntries(names.map((name) => [name, environment[name]]));
}

/** The count consumer's event source mapping as deployed (serverless.yml countConsumer): the defaults of --stream-batch and --window. */
function deployedMapping(): { batchSize: number; window: number } {
  const events = readServerlessYml().functions?.['countConsumer']?.events ?? [];
  const stream = events.map(
    (event) => (event as { stream?: { batchSize?: number; batchWindow?: number } }).stream,
  )[0];
  return { batchSize: stream?.batchSize ?? 100, window: stream?.batchWindow ?? 0 };
}
const PUT_UNIT_BYTES = 25 * 1024;
/** Lambda's limit on a synchronous invocation's payload, which an event source mapping's batch keeps to. */
const LAMBDA_PAYLOAD = 6 * 1024 * 1024;
/**
 * A Kinesis record in the consumer's event, beside its base64 data: the
 * `kinesis` object's other fields and the event's (ids, ARNs, region), about
 * 600 bytes with a 56-digit sequence number; and the event's `{"Records":[]}`.
 */
const EVENT_RECORD_ENVELOPE = 600;
const EVENT_ENVELOPE = 16;

/** The per-partition-key write limit of DynamoDB (base table and each GSI alike). */
const PARTITION_WRU = 1000;

interface Options {
  rate: number;
  seconds: number;
  batch: number;
  reports: number;
  hot: number;
  containers: number;
  concurrency: number;
  seed: number;
  mode: 'sync' | 'async';
  /** Count stream shards (async); 0 = one per 1,000 requests/s. */
  shards: number;
  /** The mapping's batch size and batching window in seconds (async). */
  streamBatch: number;
  window: number;
  /** Also delete every stored log as retention would, and meter that apart. */
  expire: boolean;
}

function options(argv: string[]): Options {
  const read = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    if (at < 0) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
    return value;
  };
  const deployed = deployedMapping();
  return {
    rate: read('rate', 1000),
    seconds: read('seconds', 5),
    batch: read('batch', 1),
    reports: read('reports', 1000),
    hot: read('hot', 0.2),
    containers: read('containers', 4),
    concurrency: read('concurrency', 16),
    seed: read('seed', 17),
    mode: mode(argv),
    shards: argv.includes('--shards') ? read('shards', 0) : 0,
    streamBatch: read('stream-batch', deployed.batchSize),
    window: read('window', Math.max(1, deployed.window)),
    expire: argv.includes('--expire'),
  };
}

function mode(argv: string[]): 'sync' | 'async' {
  const at = argv.indexOf('--mode');
  if (at < 0) return 'sync';
  const value = argv[at + 1];
  if (value !== 'sync' && value !== 'async') throw new Error('--mode is sync or async');
  return value;
}

/** A small seeded PRNG (mulberry32), so two runs draw the same events. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf weights over n ranks with the exponent that gives rank 1 the share `hot`. */
function zipf(n: number, hot: number): number[] {
  const share = (s: number) => {
    let sum = 0;
    for (let i = 1; i <= n; i++) sum += i ** -s;
    return 1 / sum;
  };
  let [lo, hi] = [0, 4];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (share(mid) < hot) lo = mid;
    else hi = mid;
  }
  const s = (lo + hi) / 2;
  const weights = Array.from({ length: n }, (_, i) => (i + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return weights.map((w) => {
    cumulative += w / total;
    return cumulative;
  });
}

function pick(cumulative: number[], r: number): number {
  let [lo, hi] = [0, cumulative.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Failure k of the mix: its own logger (so its own fingerprint) and a stack of a realistic size. */
function failureRecord(k: number, at: string, rand: () => number): Record<string, unknown> {
  const frames = Array.from(
    { length: 14 },
    (_, f) => `    at handler${f} (/srv/app/src/module${k % 37}/step${f}.js:${10 + f}:${3 + (f % 5)})`,
  );
  return {
    level: 'error',
    time: at,
    logger: `bench.component${k}`,
    msg: `request ${Math.floor(rand() * 1e9)} failed after ${Math.floor(rand() * 900)} ms`,
    requestId: randomBytes(8).toString('hex'),
    error: {
      type: 'UpstreamError',
      message: `upstream answered 503 for shard ${k % 11}`,
      stack: [`UpstreamError: upstream answered 503 for shard ${k % 11}`, ...frames].join('\n'),
    },
  };
}

async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

const money = (value: number) => `$${value.toFixed(2)}`;
const fmt = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const emulators = await startEmulators();
  const definition = readServiceDefinition();
  const local = await createResources({
    s3Endpoint: emulators.s3Endpoint,
    dynamoEndpoint: emulators.dynamoEndpoint,
    definition,
  });
  Object.assign(process.env, local.env, {
    AWS_ENDPOINT_URL_S3: emulators.s3Endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    LOGSIFT_S3_FORCE_PATH_STYLE: '1',
    CURSOR_SECRET: process.env['CURSOR_SECRET'] ?? 'bench-scale',
    ...resolveEnvironment(deployedEnvironment(['EXPIRY_MODE']), process.env),
  });

  const tables: TableDef[] = Object.entries(local.tables).map(([logicalId, name]) =>
    tableDef(
      name,
      definition.resources[logicalId]!.Properties as unknown as {
        KeySchema: { AttributeName: string; KeyType: string }[];
        GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
      },
    ),
  );
  const raw = dynamoClient(emulators.dynamoEndpoint);
  const meter = new CapacityMeter(tables, raw);
  const config = loadConfig();
  const start = Date.parse('2026-12-01T00:00:00Z');
  // The simulated clock: the latest time sent, so the stores' once-a-second rules see simulated seconds.
  let simulated = start;
  const containers = Array.from({ length: opts.containers }, () =>
    buildApp(
      config,
      { dynamo: (client) => meter.install(client), s3: (client) => meter.installS3(client) },
      { now: () => simulated },
    ),
  );

  const perSecond = Math.round(opts.rate / opts.batch);
  // The simulated count stream: each shard's records in sequence order, as Kinesis keeps them.
  const shards = opts.shards || Math.max(1, Math.ceil(perSecond / 1000));
  const stream: CountRecord[][] = Array.from({ length: shards }, () => []);
  /** Each record's size in the consumer's event, beside it: a batch stops short of Lambda's payload limit. */
  const eventBytes: number[][] = Array.from({ length: shards }, () => []);
  let sequence = 0;
  let putUnits = 0;
  let streamBytes = 0;
  let consumerBatches = 0;
  const consumer = buildApp(
    config,
    { dynamo: (client) => meter.install(client), s3: (client) => meter.installS3(client) },
    { now: () => simulated },
  );
  if (opts.mode === 'async') {
    for (const app of containers) {
      app.stores.deferral = {
        async defer(message) {
          const data = encodeCounts(message);
          const partitionKey = message.log.logId;
          const size = data.length + Buffer.byteLength(partitionKey);
          putUnits += Math.ceil(size / PUT_UNIT_BYTES);
          streamBytes += size;
          // Kinesis maps a partition key to a shard by the MD5 of the key.
          const shard = createHash('md5').update(partitionKey).digest().readUInt32BE(0) % shards;
          eventBytes[shard]!.push(Math.ceil(data.length / 3) * 4 + EVENT_RECORD_ENVELOPE);
          stream[shard]!.push({
            shard: `shardId-${String(shard).padStart(12, '0')}`,
            sequenceNumber: String(++sequence),
            message: JSON.parse(data.toString('utf8')),
          });
          return true;
        },
      };
    }
  }
  /**
   * What the event source mapping would deliver by now: every shard, in
   * batches of `--stream-batch` records, each batch's event within Lambda's
   * 6 MB payload (the mapping cuts a batch there, whatever its batch size).
   */
  const drain = async () => {
    await Promise.all(
      stream.map(async (records, shard) => {
        const sizes = eventBytes[shard]!;
        while (records.length > 0) {
          let take = 0;
          let bytes = EVENT_ENVELOPE;
          while (
            take < Math.min(opts.streamBatch, records.length) &&
            bytes + sizes[take]! <= LAMBDA_PAYLOAD
          ) {
            bytes += sizes[take]!;
            take++;
          }
          sizes.splice(0, Math.max(1, take));
          const batch = records.splice(0, Math.max(1, take));
          consumerBatches++;
          const outcome = await countBatch(consumer.stores, batch);
          if (outcome.failed.length > 0) throw new Error(`consumer: ${outcome.failed.length} records failed`);
        }
      }),
    );
  };

  const rand = prng(opts.seed);
  const mix = zipf(opts.reports, opts.hot);
  let requests = 0;
  const send = (second: number, offsetMs: number, kinds: number[]) => async () => {
    const now = new Date(start + second * 1000 + offsetMs);
    if (now.getTime() > simulated) simulated = now.getTime();
    const objects = kinds.map((k) => failureRecord(k, now.toISOString(), rand));
    const bytes = Buffer.from(`${objects.map((o) => JSON.stringify(o)).join('\n')}\n`, 'utf8');
    const records: LogEvent[] = objects.map((o) => eventFromObject(o));
    const app = containers[requests++ % containers.length]!;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await ingestRecords(app.stores, { bytes, sha256, contentType: 'application/x-ndjson' }, records, now);
  };

  // Every report exists before the measured window: it measures counting, not creation.
  meter.second = -1;
  await pool(
    Array.from({ length: opts.reports }, (_, k) => send(-1, k % 1000, [k])),
    opts.concurrency,
  );
  await drain();
  meter.reset();
  requests = 0;
  putUnits = 0;
  streamBytes = 0;
  consumerBatches = 0;

  const began = Date.now();
  for (let second = 0; second < opts.seconds; second++) {
    meter.second = second;
    const tasks = Array.from({ length: perSecond }, (_, i) => {
      const kinds = Array.from({ length: opts.batch }, () => pick(mix, rand()));
      return send(second, Math.floor((i * 1000) / perSecond), kinds);
    });
    await pool(tasks, opts.concurrency);
    // The mapping delivers once its window is over (or the run is).
    if ((second + 1) % opts.window === 0 || second === opts.seconds - 1) await drain();
  }
  const wallSeconds = (Date.now() - began) / 1000;

  /**
   * Every log the run stored (those that made the reports too), deleted as
   * retention deletes it, metered in a second of its own. `sweep`: the
   * sweeper, run past the retention period. `ttl`: each record deleted
   * unmetered, as TTL deletes "without consuming write throughput" (AWS's
   * TTL guide; whether the removal of its index entries is billed it does
   * not say: at most 1 WRU a log more, for logsByReportShard), then its
   * removal handed to the stream consumer in the stream record's shape.
   */
  const expireAll = async () => {
    const second = opts.seconds + 3600;
    meter.second = second;
    const reads = meter.rru;
    let logs = 0;
    if (config.lifecycle.expiryMode === 'sweep') {
      const past = new Date(start + (config.lifecycle.retentionDays + 1) * 86_400_000);
      for (let more = true; more; ) {
        const swept = await sweepExpired(consumer.stores, past, { maxLogs: 5000 });
        logs += swept.logs;
        more = swept.more;
      }
    } else {
      let key: Record<string, AttributeValue> | undefined;
      do {
        const page = await raw.send(new ScanCommand({ TableName: config.logsTable, ExclusiveStartKey: key }));
        const removals: DynamoDBRecord[] = [];
        for (const item of page.Items ?? []) {
          await raw.send(
            new DeleteItemCommand({ TableName: config.logsTable, Key: { logId: item['logId']! } }),
          );
          removals.push({
            eventName: 'REMOVE',
            userIdentity: { ...TTL_IDENTITY },
            dynamodb: {
              Keys: { logId: item['logId'] },
              OldImage: item,
              SequenceNumber: String(++sequence),
            } as DynamoDBRecord['dynamodb'],
          });
        }
        for (let i = 0; i < removals.length; i += 100) {
          const outcome = await releaseExpired(consumer.stores, removals.slice(i, i + 100));
          if (outcome.failed !== null) throw new Error(`release of expired logs failed at ${outcome.failed}`);
        }
        logs += removals.length;
        key = page.LastEvaluatedKey;
      } while (key);
    }
    const byTarget = meter.unitsIn([second]);
    const wru = [...byTarget.values()].reduce((a, b) => a + b, 0);
    return { logs: Math.max(1, logs), wru, rru: meter.rru - reads, byTarget };
  };

  const window = Array.from({ length: opts.seconds }, (_, s) => s);
  const events = perSecond * opts.batch * opts.seconds;
  const simulatedRate = events / opts.seconds;
  const hottest = meter.hottest(window);
  const units = meter.unitsIn(window);
  const totalWru = [...units.values()].reduce((a, b) => a + b, 0);

  const lines: string[] = [];
  lines.push(
    `bench:scale (${opts.mode}) — ${fmt(simulatedRate, 0)} events/s simulated for ${opts.seconds} s, batch ${opts.batch}, ` +
      `${opts.reports} reports (hottest ${Math.round(opts.hot * 100)} %), ${opts.containers} containers, ` +
      `EXPIRY_MODE=${config.lifecycle.expiryMode} ` +
      `(${fmt(wallSeconds)} s wall)`,
  );
  lines.push('');
  lines.push(
    'target                                   WRU/event  hottest key                 mean WRU/s  peak WRU/s  ceiling events/s',
  );
  let ceiling = Number.POSITIVE_INFINITY;
  for (const row of hottest) {
    const perEvent = (units.get(row.target) ?? 0) / events;
    const projected = row.mean > 0 ? (simulatedRate * PARTITION_WRU) / row.mean : Number.POSITIVE_INFINITY;
    ceiling = Math.min(ceiling, projected);
    const key = row.key.length > 26 ? `${row.key.slice(0, 23)}...` : row.key;
    lines.push(
      `${row.target.padEnd(40)} ${fmt(perEvent, 3).padStart(9)}  ${key.padEnd(26)} ${fmt(row.mean).padStart(11)} ${fmt(row.peak).padStart(11)}  ${fmt(projected, 0).padStart(16)}`,
    );
  }
  const perMillion = (count: number) => (count / events) * 1e6;
  const dynamoWrites = perMillion(totalWru) * PRICES.wru;
  const dynamoReads = perMillion(meter.rru) * PRICES.rru;
  const s3 = perMillion(meter.s3Put) * PRICES.s3Put + perMillion(meter.s3Get) * PRICES.s3Get;
  const requestsPerMillion = perMillion(perSecond * opts.seconds);
  const edge = requestsPerMillion * (PRICES.apiRequest + PRICES.lambdaRequest + PRICES.lambdaCompute);
  const async = opts.mode === 'async';
  // Shard-hours by the events that pass in an hour at the simulated rate.
  const kinesis = async
    ? perMillion(putUnits) * PRICES.kinesisPutUnit +
      (shards * PRICES.kinesisShardHour * 1e6) / (simulatedRate * 3600)
    : 0;
  const consumerCost = async
    ? perMillion(consumerBatches) * (PRICES.lambdaRequest + PRICES.consumerCompute)
    : 0;
  lines.push('');
  lines.push(
    `projected AWS ceiling: ${fmt(ceiling, 0)} events/s (hottest partition key at ${PARTITION_WRU} WRU/s)`,
  );
  lines.push(
    `per million events: DynamoDB writes ${fmt(perMillion(totalWru), 0)} WRU = ${money(dynamoWrites)}, ` +
      `reads ${fmt(perMillion(meter.rru), 0)} RRU = ${money(dynamoReads)}, ` +
      `S3 ${fmt(perMillion(meter.s3Put), 0)} PUT + ${fmt(perMillion(meter.s3Get), 0)} GET = ${money(s3)}`,
  );
  if (async) {
    lines.push(
      `count stream (async): ${shards} shard(s), ${fmt(perMillion(putUnits), 0)} PUT units ` +
        `(${fmt(streamBytes / Math.max(1, perSecond * opts.seconds) / 1024, 2)} KB a record) + shard-hours = ${money(kinesis)}; ` +
        `consumer ${fmt(perMillion(consumerBatches), 0)} invocations = ${money(consumerCost)}`,
    );
  }
  lines.push(
    `  storage calls ${money(dynamoWrites + dynamoReads + s3)}; with API Gateway + Lambda ` +
      `(${fmt(requestsPerMillion, 0)} requests)${async ? ' + stream + consumer' : ''} ` +
      `${money(dynamoWrites + dynamoReads + s3 + edge + kinesis + consumerCost)}`,
  );
  lines.push(
    `prices: WRU $0.625/M, RRU $0.125/M, S3 PUT $0.005/1k, GET $0.0004/1k, HTTP API $1/M, ` +
      'Lambda $0.20/M + 0.05 GB-s ($0.0000133334/GB-s)' +
      (async ? ', Kinesis $0.014/M PUT units (25 KB) + $0.015/shard-hour, consumer 0.25 GB-s a batch' : ''),
  );
  if (opts.expire) {
    const expiry = await expireAll();
    const perEvent = (units: number) => (units / expiry.logs) * (1e6 / opts.batch);
    const cost = perEvent(expiry.wru) * PRICES.wru + perEvent(expiry.rru) * PRICES.rru;
    lines.push(
      `at expiry (--expire, EXPIRY_MODE=${config.lifecycle.expiryMode}): ${fmt(expiry.logs, 0)} logs deleted, ` +
        `${fmt(expiry.wru / expiry.logs, 2)} WRU + ${fmt(expiry.rru / expiry.logs, 2)} RRU a log ` +
        `(${[...expiry.byTarget]
          .filter(([, units]) => units > 0)
          .map(([target, units]) => `${target.replace(/^logsift-/, '')} ${fmt(units / expiry.logs, 2)}`)
          .join(', ')}) ` +
        `= ${money(cost)} per million events; stored and deleted in all ` +
        `${money(dynamoWrites + dynamoReads + s3 + edge + kinesis + consumerCost + cost)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  raw.destroy();
  await emulators.stop();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
