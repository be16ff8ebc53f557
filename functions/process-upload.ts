/**
 * S3 ObjectCreated on `uploads/` (AWS only) — process each uploaded log. An
 * upload another processor holds is retried by Lambda's async retries (its
 * lease lapses if that processor died); a storage failure likewise.
 */
import type { Context, S3Event } from 'aws-lambda';
import { getApp } from '#lib/app';
import { log } from '#lib/observe';
import { processUpload, type UploadDeps } from '#lib/service/upload';
import { logIdOfUploadKey } from '#lib/store/s3-uploads';

/** Beyond the remaining run time, so a claim outlives the processor that holds it. */
const LEASE_MARGIN_MS = 30_000;

type S3Handler = (event: S3Event, context?: Context) => Promise<void>;

/** The S3-event handler over given adapters (tests hand in the in-memory ones). */
export function processUploadsHandler(uploads: UploadDeps): S3Handler {
  return async (event, context) => {
    const leaseMs = (context?.getRemainingTimeInMillis() ?? 300_000) + LEASE_MARGIN_MS;
    const busy: string[] = [];
    for (const record of event.Records ?? []) {
      const logId = logIdOfUploadKey(record.s3.object.key);
      if (logId === null) continue;
      const settled = await processUpload(uploads, logId, leaseMs);
      if (settled.kind === 'busy') busy.push(logId);
      else if (settled.kind === 'finished')
        log.info('upload processed', { upload: logId, status: settled.answer.status });
      else log.warn('upload skipped', { upload: logId, skipped: settled.kind });
    }
    if (busy.length > 0) throw new Error(`uploads ${busy.join(', ')} are being processed elsewhere; retry`);
  };
}

let container: S3Handler | undefined;

/** AWS's entry point: the container's adapters, built once, on its first event (importing it builds nothing). */
export const handler: S3Handler = (event, context) => {
  container ??= processUploadsHandler(getApp().uploads);
  return container(event, context);
};
