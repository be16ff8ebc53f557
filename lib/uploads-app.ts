/**
 * The composition root of the upload routes and the S3-event processor: the
 * shared App (config, stores) plus the upload adapters, built once per
 * container. MAX_UPLOAD_BYTES caps what is processed (default and maximum
 * 5 GiB, S3's single-PUT limit).
 */
import { type App, getApp } from './app.ts';
import type { UploadDeps } from './service/upload.ts';
import { makeDynamoClient, makeS3Client } from './store/clients.ts';
import { DynamoUploadStates } from './store/dynamo-uploads.ts';
import { S3UploadObjects } from './store/s3-uploads.ts';

export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;

export interface UploadApp extends UploadDeps {
  app: App;
}

export function uploadLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env['MAX_UPLOAD_BYTES'];
  if (raw === undefined || raw === '') return MAX_SINGLE_PUT_BYTES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_SINGLE_PUT_BYTES) {
    throw new Error(
      `logsift: MAX_UPLOAD_BYTES must be an integer from 1 to ${MAX_SINGLE_PUT_BYTES}, got "${raw}"`,
    );
  }
  return value;
}

let uploadApp: UploadApp | undefined;

export function getUploadApp(): UploadApp {
  if (uploadApp) return uploadApp;
  const app = getApp();
  const { config } = app;
  uploadApp = {
    app,
    stores: app.stores,
    objects: new S3UploadObjects(makeS3Client(config), config.bucket),
    states: new DynamoUploadStates(makeDynamoClient(), config.metaTable),
    config: {
      maxUploadBytes: uploadLimit(),
      maxExtractBytes: config.maxExtractBytes,
      uploadUrlSeconds: 3600,
    },
  };
  return uploadApp;
}
