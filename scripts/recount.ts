/**
 * `npm run recount`: set the lists' totals (reports by type, issues by
 * status) from a count of the reports themselves. For a data dir from before
 * the totals existed, or after a crash left one off by one (see
 * lib/store/dynamo-reports.ts). Run it while the service is idle.
 *
 * Locally it opens DATA_DIR (default .data/): stop `npm start` first, whose
 * emulators hold it. With REPORTS_TABLE set it counts that table instead, with
 * the AWS SDK's own credentials, region and endpoint (AWS_ENDPOINT_URL for
 * LocalStack).
 */
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import type { Totals } from '#lib/store/ports';
import { createResources, dynamoClient, REPO_ROOT, startEmulators } from './local-stack.ts';

async function recount(client: DynamoDBClient, table: string): Promise<Totals> {
  try {
    return await new DynamoReportStore(DynamoDBDocumentClient.from(client), table).recountTotals();
  } finally {
    client.destroy();
  }
}

async function main(): Promise<Totals> {
  const table = process.env['REPORTS_TABLE'];
  if (table) return recount(new DynamoDBClient({}), table);
  const dataDir = resolve(REPO_ROOT, process.env['DATA_DIR'] || '.data');
  const emulators = await startEmulators({ dataDir });
  try {
    const { env } = await createResources(emulators);
    return await recount(dynamoClient(emulators.dynamoEndpoint), env['REPORTS_TABLE']!);
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
