/**
 * `npm run backfill:report-shard`: give every log record stored before the
 * `logsByReportShard` index its `reportShard` (lib/store/report-shard-backfill.ts),
 * so `?logs=delete` finds a report's older logs too. Idempotent: a second run
 * updates nothing. Safe beside a running service: each write is conditioned on
 * the record still being the one scanned and still lacking the attribute.
 *
 *   --segments N    parallel Scan segments (default 4)
 *   --page-size N   items per Scan page (default: DynamoDB's 1 MB pages)
 *   --state FILE    resumable: each segment's place is saved to FILE after every
 *                   page; a run finding FILE goes on from it; removed when done.
 *                   Ctrl-C stops after the current pages, with the place saved.
 *
 * With LOGS_TABLE set it scans that table with the AWS SDK's own credentials,
 * region and endpoint (AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_DYNAMODB for a
 * local stack's dynalite). Otherwise it opens the local DATA_DIR (default
 * .data/): stop `npm start` first, whose emulators hold it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BackfillState, backfillDone, backfillReportShard } from '#lib/store/report-shard-backfill';
import { createResources, dynamoClient, REPO_ROOT, startEmulators } from './local-stack.ts';

interface Options {
  segments: number;
  pageSize: number | undefined;
  stateFile: string | undefined;
}

function positive(name: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { segments: 4, pageSize: undefined, stateFile: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--segments') options.segments = positive('--segments', value);
    else if (arg === '--page-size') options.pageSize = positive('--page-size', value);
    else if (arg === '--state') options.stateFile = resolve(value ?? '');
    else throw new Error(`unknown argument "${arg}" (known: --segments N, --page-size N, --state FILE)`);
    i++;
  }
  return options;
}

async function backfill(client: DynamoDBClient, table: string, options: Options): Promise<BackfillState> {
  const { stateFile } = options;
  const resume =
    stateFile && existsSync(stateFile)
      ? (JSON.parse(readFileSync(stateFile, 'utf8')) as BackfillState)
      : undefined;
  if (resume) console.log(`going on from ${stateFile} (${resume.counts.scanned} items scanned before)`);
  const abort = new AbortController();
  const stop = () => {
    console.log('stopping after the current pages…');
    abort.abort();
  };
  process.once('SIGINT', stop);
  try {
    const state = await backfillReportShard(DynamoDBDocumentClient.from(client), table, {
      segments: options.segments,
      pageSize: options.pageSize,
      resume,
      signal: abort.signal,
      // Written whole and synchronously: segments finish pages concurrently.
      onPage: stateFile ? (now) => writeFileSync(stateFile, JSON.stringify(now)) : undefined,
    });
    if (stateFile && backfillDone(state)) rmSync(stateFile, { force: true });
    return state;
  } finally {
    process.off('SIGINT', stop);
    client.destroy();
  }
}

async function main(): Promise<BackfillState> {
  const options = parseArgs(process.argv.slice(2));
  const table = process.env['LOGS_TABLE'];
  if (table) return backfill(new DynamoDBClient({}), table, options);
  const dataDir = resolve(REPO_ROOT, process.env['DATA_DIR'] || '.data');
  const emulators = await startEmulators({ dataDir });
  try {
    const { env } = await createResources(emulators);
    return await backfill(dynamoClient(emulators.dynamoEndpoint), env['LOGS_TABLE']!, options);
  } finally {
    await emulators.stop();
  }
}

main().then(
  (state) => {
    const { scanned, updated, already, noReport, skipped } = state.counts;
    console.log(
      `reportShard backfill: scanned ${scanned}, updated ${updated}, already had it ${already}, ` +
        `without report ${noReport}, changed meanwhile ${skipped}`,
    );
    if (!backfillDone(state)) {
      console.log('stopped before the end: run again with the same --state to go on');
      process.exit(130);
    }
  },
  (error: unknown) => {
    console.error(`logsift backfill:report-shard: ${(error as Error).message}`);
    process.exit(1);
  },
);
