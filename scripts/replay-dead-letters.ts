/**
 * `npm run replay:dead-letters`: count again the batches the count consumer
 * gave up on (COUNT_MODE=async; lib/stream/dead-letter-replay.ts). Each dead
 * letter names a range of one shard of the count stream; the range is read
 * back from the stream (within its 24 h retention) and handed to the
 * consumer (functions/count-consumer.ts). Records counted already count
 * nothing, so a replay may run twice, or overlap the live consumer.
 *
 *   --queue URL   CountDeadLetterQueue (deployed): messages deleted once replayed
 *   --file FILE   the local dead-letter file (LOGSIFT_LOCAL_DEAD_LETTER):
 *                 lines replayed are removed from it, the others kept
 *
 * The consumer runs in this process with the configuration the function has:
 * with REPORTS_TABLE set, from the environment (deployed: the function's
 * variables — LOGSIFT_BUCKET, LOGS_TABLE, REPORTS_TABLE, META_TABLE,
 * COUNT_STREAM, ALERTS_TABLE — and the AWS SDK's credentials and region;
 * a running local stack's variables work the same way). Without it, it opens
 * the local DATA_DIR (default .data/; stop `npm start` first, whose emulators
 * hold it) and replays every `logsift-count-dead-letter-*.ndjson` there.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeKinesisClient } from '#lib/store/clients';
import {
  type BatchInfo,
  type Consumer,
  describeOutcome,
  type ReplaySummary,
  replayBatch,
  replayed,
  replayFile,
  replayQueue,
} from '#lib/stream/dead-letter-replay';
import { SqsQueue } from '#lib/stream/sqs-queue';
import {
  createResources,
  type Emulators,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  REPO_ROOT,
  startEmulators,
} from './local-stack.ts';

interface Options {
  queue: string | undefined;
  files: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { queue: undefined, files: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (!value) throw new Error(`${arg} needs a value`);
    if (arg === '--queue') options.queue = value;
    else if (arg === '--file') options.files.push(resolve(value));
    else throw new Error(`unknown argument "${arg}" (known: --queue URL, --file FILE)`);
  }
  if (options.queue && options.files.length > 0) throw new Error('give --queue or --file, not both');
  return options;
}

/** The local stack's variables for the consumer, on DATA_DIR's emulators (kinesalite included). */
async function openDataDir(): Promise<{ emulators: Emulators; files: string[] }> {
  const dataDir = resolve(REPO_ROOT, process.env['DATA_DIR'] || '.data');
  const emulators = await startEmulators({ dataDir, kinesis: true });
  try {
    const { env } = await createResources(emulators);
    Object.assign(process.env, env, {
      AWS_ENDPOINT_URL_S3: emulators.s3Endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
      AWS_ENDPOINT_URL_KINESIS: emulators.kinesisEndpoint,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      LOGSIFT_S3_FORCE_PATH_STYLE: '1',
    });
  } catch (error) {
    await emulators.stop();
    throw error;
  }
  const files = readdirSync(dataDir)
    .filter((name) => /^logsift-count-dead-letter-.*\.ndjson$/.test(name))
    .map((name) => join(dataDir, name));
  return { emulators, files };
}

async function main(): Promise<ReplaySummary> {
  const options = parseArgs(process.argv.slice(2));
  let emulators: Emulators | undefined;
  let files = options.files;
  if (!process.env['REPORTS_TABLE']) {
    const local = await openDataDir();
    emulators = local.emulators;
    if (!options.queue && files.length === 0) files = local.files;
  } else if (!options.queue && files.length === 0 && process.env['LOGSIFT_LOCAL_DEAD_LETTER']) {
    files = [process.env['LOGSIFT_LOCAL_DEAD_LETTER']];
  }
  const kinesis = makeKinesisClient();
  try {
    // Loaded once the variables are set: the app reads them at first use, the fault hooks at load.
    const { handler } = await import('../functions/count-consumer.ts');
    const replayOne = async (info: BatchInfo) => {
      const outcome = await replayBatch(kinesis, handler as Consumer, info);
      console.log(describeOutcome(outcome));
      return outcome;
    };
    const summary: ReplaySummary = { outcomes: [], unreadable: [] };
    if (options.queue) {
      const queue = new SqsQueue(options.queue);
      try {
        Object.assign(summary, await replayQueue(queue, replayOne));
      } finally {
        queue.destroy();
      }
    } else {
      if (files.length === 0) throw new Error('no dead letters to read: give --queue URL or --file FILE');
      for (const file of files) {
        const one = await replayFile(file, replayOne);
        summary.outcomes.push(...one.outcomes);
        summary.unreadable.push(...one.unreadable);
      }
    }
    return summary;
  } finally {
    kinesis.destroy();
    await emulators?.stop();
  }
}

main().then(
  (summary) => {
    for (const line of summary.unreadable) console.log(`not a dead letter (kept): ${line}`);
    const done = summary.outcomes.filter(replayed);
    const records = done.reduce((sum, outcome) => sum + outcome.records, 0);
    const kept = summary.outcomes.length - done.length + summary.unreadable.length;
    console.log(`dead letters: ${done.length} replayed (${records} records), ${kept} kept`);
    // Exit non-zero when some were kept, so a scheduled run is noticed.
    process.exit(kept > 0 ? 2 : 0);
  },
  (error: unknown) => {
    console.error(`logsift replay:dead-letters: ${(error as Error).message}`);
    process.exit(1);
  },
);
