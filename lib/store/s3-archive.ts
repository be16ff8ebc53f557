/**
 * The log archive in S3: each distinct log body once, gzip-compressed, under
 * `blobs/<sha256>.gz`. Log records point at their body by hash, so a log sent
 * a thousand times is stored once.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { storageCall } from './errors.ts';
import type { LogArchive } from './ports.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const blobKey = (sha256: string): string => `blobs/${sha256}.gz`;

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404;
}

export class S3LogArchive implements LogArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    const Key = blobKey(sha256);
    const exists = await storageCall('archive.head', async () => {
      try {
        await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    });
    if (exists) return;
    const body = await gzipAsync(bytes, { level: 6 });
    await storageCall('archive.put', () =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: body,
          ContentLength: body.length,
          ContentType: 'application/gzip',
          Metadata: { 'raw-bytes': String(bytes.length) },
        }),
      ),
    );
  }

  async getBlob(sha256: string): Promise<Buffer | null> {
    const compressed = await storageCall('archive.get', async () => {
      try {
        const answer = await this.s3.send(
          new GetObjectCommand({ Bucket: this.bucket, Key: blobKey(sha256) }),
        );
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (error instanceof NoSuchKey || isMissing(error)) return null;
        throw error;
      }
    });
    return compressed === null ? null : gunzipAsync(compressed);
  }
}
