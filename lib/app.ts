/**
 * The composition root: the configuration, one S3 and one DynamoDB client, and
 * every adapter built on them, once per container (cold start) and shared by
 * every request it serves. The upload adapters are part of it, so no route
 * builds clients of its own.
 */
import { AlertTriggers } from './alerts/trigger.ts';
import { type Config, loadConfig } from './config.ts';
import { configureFingerprintRules } from './extract/fingerprint-rules.ts';
import { configureScrubbing } from './extract/scrub.ts';
import { configureLifecycle } from './service/lifecycle.ts';
import type { UploadDeps } from './service/upload.ts';
import type { AlertStore } from './store/alert-ports.ts';
import { type ClientHooks, makeDynamoClient, makeKinesisClient, makeS3Client } from './store/clients.ts';
import { DynamoAlertStore } from './store/dynamo-alerts.ts';
import { DynamoIdempotencyStore } from './store/dynamo-idempotency.ts';
import { DynamoIdAllocator } from './store/dynamo-ids.ts';
import { DynamoLogIndex } from './store/dynamo-logs.ts';
import { DynamoReportStore } from './store/dynamo-reports.ts';
import { DynamoUploadStates } from './store/dynamo-uploads.ts';
import type { Stores } from './store/ports.ts';
import { S3LogArchive } from './store/s3-archive.ts';
import { S3UploadObjects } from './store/s3-uploads.ts';
import { KinesisCountDeferral } from './stream/kinesis-deferral.ts';

/** How long a presigned upload URL stays valid. */
const UPLOAD_URL_SECONDS = 3600;

export interface App {
  config: Config;
  stores: Stores;
  /** The presigned-upload routes and the S3-event processor (lib/service/upload). */
  uploads: UploadDeps;
  /** The alerts table (lib/alerts): the notifier, /alerts, mutes; null without ALERTS_TABLE. */
  alerts: AlertStore | null;
}

/** What a simulation swaps in (scripts/bench-scale.ts); nothing deployed sets it. */
export interface AppOptions {
  /** The clock the report store times counts by (epoch ms). */
  now?: () => number;
}

export function buildApp(config: Config, hooks: ClientHooks = {}, options: AppOptions = {}): App {
  configureScrubbing(config.scrub);
  configureLifecycle(config.lifecycle);
  configureFingerprintRules(config.fingerprintRules);
  const s3 = makeS3Client(config, hooks);
  const ddb = makeDynamoClient(hooks);
  const stores: Stores = {
    archive: new S3LogArchive(s3, config.bucket, ddb, config.metaTable, {
      inlineBytes: config.inlineLogBytes,
    }),
    logs: new DynamoLogIndex(ddb, config.logsTable, {
      days: config.lifecycle.retentionDays,
      mode: config.lifecycle.expiryMode,
    }),
    ids: new DynamoIdAllocator(ddb, config.metaTable, config.idBlockSize),
    reports: new DynamoReportStore(ddb, config.reportsTable, config.cursorSecret, {
      listShards: config.listShards,
      now: options.now,
    }),
    idempotency: new DynamoIdempotencyStore(ddb, config.metaTable),
  };
  // COUNT_MODE=async (lib/service/async-count.ts): counts go to the stream's consumer.
  if (config.countMode === 'async' && config.countStream)
    stores.deferral = new KinesisCountDeferral(makeKinesisClient(), config.countStream);
  const alerts = config.alertsTable ? new DynamoAlertStore(ddb, config.alertsTable) : null;
  if (alerts && config.alerts.rules.length > 0) stores.alerts = new AlertTriggers(alerts, config.alerts);
  return {
    config,
    stores,
    alerts,
    uploads: {
      stores,
      objects: new S3UploadObjects(s3, config.bucket),
      states: new DynamoUploadStates(ddb, config.metaTable),
      config: {
        maxUploadBytes: config.maxUploadBytes,
        maxExtractBytes: config.maxExtractBytes,
        uploadUrlSeconds: UPLOAD_URL_SECONDS,
      },
    },
  };
}

let app: App | undefined;

/** The container's App, built on first use from the environment. */
export function getApp(): App {
  app ??= buildApp(loadConfig());
  return app;
}
