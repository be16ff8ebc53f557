/**
 * The log archive in S3: each distinct log body once, gzip-compressed. Log
 * records point at their body by hash, so a log sent a thousand times is
 * stored once.
 *
 * References: a blob item in the MetaTable (`blob#<sha256>`: `refs`, `gen`)
 * counts the records that point at the bytes, and names the generation they
 * live under, `blobs/<sha256>.<gen>.gz`. Taking a reference is one atomic add
 * that creates the item with a fresh generation when there is none; the last
 * release deletes the item (conditional on `refs` still 0), then the object of
 * its generation. A generation is never reused, so an ingest racing that
 * release either lands before the delete (the condition fails, the bytes stay)
 * or after it (a new item, a new generation, a new object the release never
 * touches): a reference taken is always backed by bytes. A crash between the
 * item's delete and the object's leaves an orphan object no record can name.
 * Bytes archived before references existed live at `blobs/<sha256>.gz` with no
 * item, and are read there.
 * `releaseOnce` gives a named holder's reference back at most once (the TTL
 * stream consumer's redeliveries, lib/service/expiry-release.ts).
 *
 * Small bodies live in the blob item itself (`body`: the gzip bytes), not in
 * S3: at most `inlineBytes` compressed (INLINE_LOG_BYTES). A PUT costs as much
 * as eight write units, and a failure log of a few KB compresses to under one
 * item unit, so an inline body makes a new log's bytes cost the item write it
 * took anyway instead of a PUT (docs/SCALING.md). Taking a reference sets
 * `body` only where it is absent, in the same atomic add; the bytes are read
 * from `body` when the item has one, else from S3, and the last release
 * deletes both (an S3 DELETE costs nothing and an absent key is no error).
 *
 * A big log (a presigned upload) is never held in memory: it is gzipped into
 * `staging/<id>.gz` by a multipart upload while it streams past (its hash is
 * known only at the end), then copied to its blob key unless those bytes are
 * stored already. `staging/` is outside the `uploads/` prefix that triggers
 * processing, so staging never triggers itself.
 */

import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip, gunzip, gzip } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DEFAULT_INLINE_BYTES } from '#lib/config';
import { storageCall } from './errors.ts';
import type { BlobRelease, LogArchive, StagedBlob } from './ports.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The object of one generation of a blob; no generation = archived before references. */
export const blobKey = (sha256: string, gen?: string): string =>
  gen ? `blobs/${sha256}.${gen}.gz` : `blobs/${sha256}.gz`;
export const blobItemKey = (sha256: string): string => `blob#${sha256}`;
export const stagingKey = (id: string): string => `staging/${id}.gz`;
/** The tombstone item of a holder's once-only release, and its marker attribute on the blob item. */
export const releaseMarker = (holder: string): string => `released#${holder}`;
/**
 * How long a tombstone guards (MetaTable's TTL on `expiresAt`): a stream
 * record is redelivered only while it is on the stream (24 h), so two days.
 */
const RELEASE_TOMBSTONE_SECONDS = 2 * 86_400;

/** Multipart part size for staged blobs; memory holds about QUEUE_SIZE + 1 of them. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** Hashes of stored blobs a container remembers (64 bytes each: a few hundred KB at most). */
const KNOWN_BLOBS = 4096;
/** Only logs this small are compressed to see whether they go inline (a repeat's gzip is then wasted). */
const MAX_INLINE_RAW_BYTES = 256 * 1024;

export interface ArchiveOptions {
  /** Compressed bodies up to this many bytes are kept in the blob item; 0 = every body in S3. */
  inlineBytes?: number;
}

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404;
}

export class S3LogArchive implements LogArchive {
  private readonly inlineBytes: number;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly ddb: DynamoDBDocumentClient,
    private readonly metaTable: string,
    options: ArchiveOptions = {},
  ) {
    this.inlineBytes = options.inlineBytes ?? DEFAULT_INLINE_BYTES;
  }

  /**
   * Blob generations this container stored or saw stored (`sha256.gen`): a
   * repeated log costs its reference and no S3 call. Sound because it is
   * consulted only after taking a reference on that very generation, whose
   * object cannot be deleted while the reference is held, and a deleted
   * generation never comes back.
   */
  private readonly known = new Set<string>();

  private remember(object: string): void {
    if (this.known.size >= KNOWN_BLOBS) this.known.clear();
    this.known.add(object);
  }

  /**
   * One atomic add: a reference on the blob's current generation (a fresh one
   * when it has none), with the compressed body kept in the item when given
   * and the item holds none. Answers the generation, and whether the item
   * holds the bytes.
   */
  private async acquire(sha256: string, inline?: Buffer): Promise<{ gen: string; inline: boolean }> {
    const answer = await storageCall('archive.acquire', () =>
      this.ddb.send(
        new UpdateCommand({
          TableName: this.metaTable,
          Key: { pk: blobItemKey(sha256) },
          UpdateExpression: inline
            ? 'SET gen = if_not_exists(gen, :gen), body = if_not_exists(body, :body) ADD refs :one'
            : 'SET gen = if_not_exists(gen, :gen) ADD refs :one',
          ExpressionAttributeValues: {
            ':gen': freshGen(),
            ':one': 1,
            ...(inline ? { ':body': inline } : {}),
          },
          ReturnValues: inline ? 'UPDATED_NEW' : 'ALL_NEW',
        }),
      ),
    );
    return { gen: String(answer.Attributes?.['gen']), inline: answer.Attributes?.['body'] !== undefined };
  }

  /** Where the blob's bytes are now: the item's body, or the generation of its object (undefined: none, or archived before references). */
  private async locate(sha256: string): Promise<{ gen?: string; body?: Uint8Array }> {
    const answer = await storageCall('archive.locate', () =>
      this.ddb.send(
        new GetCommand({ TableName: this.metaTable, Key: { pk: blobItemKey(sha256) }, ConsistentRead: true }),
      ),
    );
    const gen = answer.Item?.['gen'];
    const body = answer.Item?.['body'];
    return {
      gen: typeof gen === 'string' ? gen : undefined,
      body: body instanceof Uint8Array ? body : undefined,
    };
  }

  async release(sha256: string): Promise<BlobRelease> {
    const Key = { pk: blobItemKey(sha256) };
    let refs: number;
    try {
      const answer = await this.ddb.send(
        new UpdateCommand({
          TableName: this.metaTable,
          Key,
          UpdateExpression: 'ADD refs :minus',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':minus': -1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      refs = Number(answer.Attributes?.['refs'] ?? 0);
    } catch (error) {
      // No item: bytes from before references, whose sharing is unknown, are kept.
      if (error instanceof ConditionalCheckFailedException) return { deleted: false, refs: 0 };
      return storageCall('archive.release', () => Promise.reject(error));
    }
    if (refs > 0) return { deleted: false, refs };
    return this.deleteUnreferenced(sha256);
  }

  /** The last release's work: the item, while still unreferenced, then its generation's object. */
  private async deleteUnreferenced(sha256: string): Promise<BlobRelease> {
    let gen: string;
    try {
      const answer = await this.ddb.send(
        new DeleteCommand({
          TableName: this.metaTable,
          Key: { pk: blobItemKey(sha256) },
          ConditionExpression: 'refs <= :zero',
          ExpressionAttributeValues: { ':zero': 0 },
          ReturnValues: 'ALL_OLD',
        }),
      );
      gen = String(answer.Attributes?.['gen']);
    } catch (error) {
      // A new reference came in between: the bytes are its now.
      if (error instanceof ConditionalCheckFailedException) return { deleted: false, refs: 1 };
      return storageCall('archive.release', () => Promise.reject(error));
    }
    this.known.delete(`${sha256}.${gen}`);
    await storageCall('archive.delete-blob', () =>
      this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: blobKey(sha256, gen) })),
    );
    return { deleted: true };
  }

  /**
   * `holder`'s reference given back once, however often this is called (a
   * stream consumer's redelivered record); null when it was given back
   * already. Without transactions (dynalite has none) the guard is a marker
   * and a tombstone, each set before the other goes: the decrement sets the
   * marker `released#<holder>` on the blob item in the same conditional write
   * (refused while the marker is there), the tombstone item of the same name
   * is written next, the marker is removed last. A repeat reads the tombstone
   * first and the decrement's condition stops one that comes before it, so at
   * every moment one of them says "released". Each step can be redone, so a
   * repeat after a crash finishes what the first call left. It assumes, as
   * Lambda's one batch per shard at a time gives, that no two calls for one
   * holder run at once.
   */
  async releaseOnce(sha256: string, holder: string): Promise<BlobRelease | null> {
    const marker = releaseMarker(holder);
    if (await this.readItem(marker)) {
      await this.finishRelease(sha256, marker);
      return null;
    }
    const refs = await this.decrementOnce(sha256, marker);
    await storageCall('archive.release-once', () =>
      this.ddb.send(
        new PutCommand({
          TableName: this.metaTable,
          Item: { pk: marker, sha256, expiresAt: this.epochSeconds() + RELEASE_TOMBSTONE_SECONDS },
        }),
      ),
    );
    if (refs === 'unreferenced') return { deleted: false, refs: 0 };
    if (refs === 'marked') {
      await this.finishRelease(sha256, marker);
      return null;
    }
    return this.settleRelease(sha256, marker, refs);
  }

  /**
   * The decrement that sets the holder's marker: the count left; `marked` when
   * the marker was there (an earlier call decremented); `unreferenced` when
   * there is no item (bytes from before references, kept as release keeps them).
   */
  private async decrementOnce(sha256: string, marker: string): Promise<number | 'marked' | 'unreferenced'> {
    try {
      const answer = await this.ddb.send(
        new UpdateCommand({
          TableName: this.metaTable,
          Key: { pk: blobItemKey(sha256) },
          UpdateExpression: 'ADD refs :minus SET #marker = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#marker)',
          ExpressionAttributeNames: { '#marker': marker },
          ExpressionAttributeValues: { ':minus': -1, ':at': this.epochSeconds() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Number(answer.Attributes?.['refs'] ?? 0);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException))
        return storageCall('archive.release-once', () => Promise.reject(error));
    }
    const item = await this.readItem(blobItemKey(sha256));
    return item?.[marker] !== undefined ? 'marked' : 'unreferenced';
  }

  /** What an earlier call may have left undone after its decrement: the last release's deletes, or the marker. */
  private async finishRelease(sha256: string, marker: string): Promise<void> {
    const item = await this.readItem(blobItemKey(sha256));
    if (item?.[marker] === undefined) return;
    await this.settleRelease(sha256, marker, Number(item['refs'] ?? 0));
  }

  private async settleRelease(sha256: string, marker: string, refs: number): Promise<BlobRelease> {
    const release = refs <= 0 ? await this.deleteUnreferenced(sha256) : { deleted: false as const, refs };
    // A deleted item took the marker with it.
    if (!release.deleted) await this.dropMarker(sha256, marker);
    return release;
  }

  private async readItem(pk: string): Promise<Record<string, unknown> | undefined> {
    const answer = await storageCall('archive.release-once', () =>
      this.ddb.send(new GetCommand({ TableName: this.metaTable, Key: { pk }, ConsistentRead: true })),
    );
    return answer.Item;
  }

  private epochSeconds(): number {
    return Math.floor(Date.now() / 1000);
  }

  private async dropMarker(sha256: string, marker: string): Promise<void> {
    try {
      await this.ddb.send(
        new UpdateCommand({
          TableName: this.metaTable,
          Key: { pk: blobItemKey(sha256) },
          UpdateExpression: 'REMOVE #marker',
          ConditionExpression: 'attribute_exists(#marker)',
          ExpressionAttributeNames: { '#marker': marker },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      return storageCall('archive.release-once', () => Promise.reject(error));
    }
  }

  private hasBlob(Key: string): Promise<boolean> {
    return storageCall('archive.head', async () => {
      try {
        await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    });
  }

  /** A reference on the bytes, stored inline or in S3 unless they are stored already. */
  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    // A body that may go inline is compressed first: the atomic add carries it.
    const small = this.inlineBytes > 0 && bytes.length <= MAX_INLINE_RAW_BYTES;
    const compressed = small ? await gzipAsync(bytes, { level: 6 }) : undefined;
    const { gen, inline } = await this.acquire(
      sha256,
      compressed && compressed.length <= this.inlineBytes ? compressed : undefined,
    );
    const object = `${sha256}.${gen}`;
    if (inline || this.known.has(object)) return;
    const body = compressed ?? (await gzipAsync(bytes, { level: 6 }));
    await this.putObject(blobKey(sha256, gen), body, bytes.length);
    this.remember(object);
  }

  /**
   * The compressed bytes under `Key` (raw-bytes metadata: the raw size, when
   * known) in one conditional PUT (`If-None-Match: *`) instead of a HEAD then a
   * PUT: S3 refuses it (412, or 409 while a racing PUT of the same key is under
   * way) when the blob exists, which for content-addressed bytes means stored.
   * (s3rver ignores the condition and rewrites the same bytes: harmless.)
   */
  private putObject(Key: string, body: Buffer, rawBytes: number): Promise<void> {
    return storageCall('archive.put', async () => {
      try {
        await this.s3.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key,
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/gzip',
            ...(rawBytes >= 0 ? { Metadata: { 'raw-bytes': String(rawBytes) } } : {}),
            IfNoneMatch: '*',
          }),
        );
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
        if (status !== 412 && status !== 409) throw error;
      }
    });
  }

  async getBlob(sha256: string): Promise<Buffer | null> {
    const { gen, body } = await this.locate(sha256);
    if (body) return gunzipAsync(body);
    const Key = blobKey(sha256, gen);
    const compressed = await storageCall('archive.get', async () => {
      try {
        const answer = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
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
    const { gen, inline } = await this.acquire(sha256);
    const target = blobKey(sha256, gen);
    if (!inline && !this.known.has(`${sha256}.${gen}`) && !(await this.hasBlob(target))) {
      await storageCall('archive.copy', () =>
        this.s3.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: target,
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

  async blobUrl(sha256: string, filename: string, expiresInSeconds: number): Promise<string> {
    const { gen, body } = await this.locate(sha256);
    const Key = blobKey(sha256, gen);
    // An inline body (only a small log's, which get-log.ts serves itself) gets its object first;
    // the last release deletes it with the item.
    if (body) await this.putObject(Key, Buffer.from(body), -1);
    // Served as the original bytes: any HTTP client undoes the gzip content-encoding.
    return storageCall('archive.sign', () =>
      getSignedUrl(
        this.s3,
        new GetObjectCommand({
          Bucket: this.bucket,
          Key,
          ResponseContentType: 'text/plain; charset=utf-8',
          ResponseContentEncoding: 'gzip',
          ResponseContentDisposition: `attachment; filename="${filename}"`,
        }),
        { expiresIn: expiresInSeconds },
      ),
    );
  }
}

/** A generation name never given before for any blob: time-ordered, plus randomness against ties. */
function freshGen(): string {
  return `${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}
