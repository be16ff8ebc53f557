/**
 * `npm run recount`: set the lists' totals (reports by type, issues by
 * status) from a count of the reports themselves. For a data dir from before
 * the totals existed, or after a crash left one off by one (see
 * lib/store/dynamo-reports.ts). It first moves every report into its shard of
 * each list for LIST_SHARDS (default 16; on a DATA_DIR, the local stack's
 * LOCAL_LIST_SHARDS), for data stored before the lists were sharded or under
 * another shard count. Run it while the service is idle.
 *
 * Locally it opens DATA_DIR (default .data/): stop `npm start` first, whose
 * emulators hold it. With REPORTS_TABLE set it counts that table instead, with
 * the AWS SDK's own credentials, region and endpoint (AWS_ENDPOINT_URL for
 * LocalStack).
 */
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_LIST_SHARDS, MAX_LIST_SHARDS } from '#lib/config';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import type { Totals } from '#lib/store/ports';
import {
  createResources,
  dynamoClient,
  LOCAL_LIST_SHARDS,
  REPO_ROOT,
  startEmulators,
} from './local-stack.ts';

async function recount(client: DynamoDBClient, table: string, fallback: number): Promise<Totals> {
  try {
    const listShards = loadListShards(fallback);
    const store = new DynamoReportStore(DynamoDBDocumentClient.from(client), table, undefined, {
      listShards,
    });
    const moved = await store.reshardLists();
    if (moved > 0) console.log(`${moved} reports moved into their shards of ${listShards}`);
    return await store.recountTotals();
  } finally {
    client.destroy();
  }
}

function loadListShards(fallback: number): number {
  const raw = process.env['LIST_SHARDS'];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIST_SHARDS) {
    throw new Error(`LIST_SHARDS must be an integer from 1 to ${MAX_LIST_SHARDS}, got "${raw}"`);
  }
  return value;
}

async function main(): Promise<Totals> {
  const table = process.env['REPORTS_TABLE'];
  if (table) return recount(new DynamoDBClient({}), table, DEFAULT_LIST_SHARDS);
  const dataDir = resolve(REPO_ROOT, process.env['DATA_DIR'] || '.data');
  const emulators = await startEmulators({ dataDir });
  try {
    const { env } = await createResources(emulators);
    return await recount(dynamoClient(emulators.dynamoEndpoint), env['REPORTS_TABLE']!, LOCAL_LIST_SHARDS);
  } finally {
    await emulators.stop();
  }
}

main().then(
  (totals) => {
    const { C, E, W } = totals.byType;
    console.log(
      `totals set: ${totals.reports} reports (C ${C}, E ${E}, W ${W}); issues ${totals.issues.Open} open, ${totals.issues.Closed} closed`,
    );
  },
  (error: unknown) => {
    console.error(`logsift recount: ${(error as Error).message}`);
    process.exit(1);
  },
);
