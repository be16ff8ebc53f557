/**
 * The log archive in S3: each distinct log body once, gzip-compressed, under
 * `blobs/<sha256>.gz`. Log records point at their body by hash, so a log sent
 * a thousand times is stored once.
 *
 * A big log (a presigned upload) is never held in memory: it is gzipped into
 * `staging/<id>.gz` by a multipart upload while it streams past (its hash is
 * known only at the end), then copied to its blob key unless those bytes are
 * stored already. `staging/` is outside the `uploads/` prefix that triggers
 * processing, so staging never triggers itself.
 */
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip, gzip } from 'node:zlib';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { storageCall } from './errors.ts';
import type { LogArchive, StagedBlob } from './ports.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const blobKey = (sha256: string): string => `blobs/${sha256}.gz`;
export const stagingKey = (id: string): string => `staging/${id}.gz`;

/** Multipart part size for staged blobs; memory holds about QUEUE_SIZE + 1 of them. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** Hashes of stored blobs a container remembers (64 bytes each: a few hundred KB at most). */
const KNOWN_BLOBS = 4096;

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404;
}

export class S3LogArchive implements LogArchive {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /**
   * Blobs this container stored or saw stored: a repeated log costs no S3 call
   * at all. Sound because a blob is never deleted while logs may point at it.
   */
  private readonly known = new Set<string>();

  private remember(sha256: string): void {
    if (this.known.size >= KNOWN_BLOBS) this.known.clear();
    this.known.add(sha256);
  }

  private hasBlob(sha256: string): Promise<boolean> {
    return storageCall('archive.head', async () => {
      try {
        await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: blobKey(sha256) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    });
  }

  /**
   * One conditional PUT (`If-None-Match: *`) instead of a HEAD then a PUT: S3
   * refuses it (412, or 409 while a racing PUT of the same key is under way)
   * when the blob exists, which for content-addressed bytes means stored.
   * (s3rver ignores the condition and rewrites the same bytes: harmless.)
   */
  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    if (this.known.has(sha256)) return;
    const body = await gzipAsync(bytes, { level: 6 });
    await storageCall('archive.put', async () => {
      try {
        await this.s3.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: blobKey(sha256),
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/gzip',
            Metadata: { 'raw-bytes': String(bytes.length) },
            IfNoneMatch: '*',
          }),
        );
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
        if (status !== 412 && status !== 409) throw error;
      }
    });
    this.remember(sha256);
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

  async stageBlob(stagingId: string, body: Readable): Promise<StagedBlob> {
    const Key = stagingKey(stagingId);
    const compressed = createGzip({ level: 6 });
    const upload = new Upload({
      client: this.s3,
      params: { Bucket: this.bucket, Key, Body: compressed, ContentType: 'application/gzip' },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    try {
      await Promise.all([pipeline(body, compressed), storageCall('archive.stage', () => upload.done())]);
    } catch (error) {
      body.destroy();
      compressed.destroy();
      await upload.abort().catch(() => {});
      throw error;
    }
    return {
      commit: (sha256, rawBytes) => this.fileStaged(Key, sha256, rawBytes),
      discard: () => this.deleteObject(Key),
    };
  }

  private async fileStaged(Key: string, sha256: string, rawBytes: number): Promise<void> {
    if (!(await this.hasBlob(sha256))) {
      await storageCall('archive.copy', () =>
        this.s3.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: blobKey(sha256),
            CopySource: `${this.bucket}/${Key}`,
            MetadataDirective: 'REPLACE',
            ContentType: 'application/gzip',
            Metadata: { 'raw-bytes': String(rawBytes) },
          }),
        ),
      );
    }
    await this.deleteObject(Key);
  }

  private async deleteObject(Key: string): Promise<void> {
    await storageCall('archive.delete-staged', () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })),
    );
  }

  blobUrl(sha256: string, filename: string, expiresInSeconds: number): Promise<string> {
    // Served as the original bytes: any HTTP client undoes the gzip content-encoding.
    return storageCall('archive.sign', () =>
      getSignedUrl(
        this.s3,
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: blobKey(sha256),
          ResponseContentType: 'text/plain; charset=utf-8',
          ResponseContentEncoding: 'gzip',
          ResponseContentDisposition: `attachment; filename="${filename}"`,
        }),
        { expiresIn: expiresInSeconds },
      ),
    );
  }
}
