/**
 * The composition root: configuration and storage adapters, built once per
 * container (cold start) and shared by every request it serves.
 */
import { type Config, loadConfig } from './config.ts';
import { makeDynamoClient, makeS3Client } from './store/clients.ts';
import { DynamoIdempotencyStore } from './store/dynamo-idempotency.ts';
import { DynamoIdAllocator } from './store/dynamo-ids.ts';
import { DynamoLogIndex } from './store/dynamo-logs.ts';
import { DynamoReportStore } from './store/dynamo-reports.ts';
import type { Stores } from './store/ports.ts';
import { S3LogArchive } from './store/s3-archive.ts';

export interface App {
  config: Config;
  stores: Stores;
}

export function buildApp(config: Config): App {
  const s3 = makeS3Client(config);
  const ddb = makeDynamoClient();
  return {
    config,
    stores: {
      archive: new S3LogArchive(s3, config.bucket),
      logs: new DynamoLogIndex(ddb, config.logsTable),
      ids: new DynamoIdAllocator(ddb, config.metaTable, config.idBlockSize),
      reports: new DynamoReportStore(ddb, config.reportsTable),
      idempotency: new DynamoIdempotencyStore(ddb, config.metaTable),
    },
  };
}

let app: App | undefined;

/** The container's App, built on first use from the environment. */
export function getApp(): App {
  app ??= buildApp(loadConfig());
  return app;
}
