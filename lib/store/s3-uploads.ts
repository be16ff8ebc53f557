/**
 * Logs uploaded straight to S3: the client PUTs its bytes to a presigned URL
 * for `uploads/<logId>`, and processing reads them back as a stream. The
 * object is deleted once its bytes are archived; a lifecycle rule on the
 * prefix sweeps abandoned uploads.
 */
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storageCall } from './errors.ts';
import type { UploadObjects } from './ports.ts';

export const UPLOAD_PREFIX = 'uploads/';
export const uploadKey = (logId: string): string => `${UPLOAD_PREFIX}${logId}`;

/** The log id of an `uploads/<logId>` key (as S3 events name it), or null for any other key. */
export function logIdOfUploadKey(key: string): string | null {
  const match = /^uploads\/(\d{9})$/.exec(decodeURIComponent(key.replace(/\+/g, ' ')));
  return match ? match[1]! : null;
}

const status = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

export class S3UploadObjects implements UploadObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  putUrl(logId: string, expiresInSeconds: number): Promise<string> {
    return storageCall('uploads.sign', () =>
      getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: uploadKey(logId) }), {
        expiresIn: expiresInSeconds,
      }),
    );
  }

  size(logId: string): Promise<number | null> {
    return storageCall('uploads.head', async () => {
      try {
        const head = await this.s3.send(
          new HeadObjectCommand({ Bucket: this.bucket, Key: uploadKey(logId) }),
        );
        return head.ContentLength ?? 0;
      } catch (error) {
        if (status(error) === 404) return null;
        throw error;
      }
    });
  }

  open(logId: string): Promise<Readable> {
    return storageCall('uploads.get', async () => {
      const answer = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: uploadKey(logId) }));
      // In node the SDK's body is an http.IncomingMessage: a Readable, read as it arrives.
      return answer.Body as Readable;
    });
  }

  async delete(logId: string): Promise<void> {
    await storageCall('uploads.delete', () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: uploadKey(logId) })),
    );
  }
}
