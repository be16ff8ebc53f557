/**
 * The log archive in memory, as lib/store/s3-archive.ts keeps it in S3 and
 * DynamoDB: a blob item per hash (`refs`, `gen`) and the bytes of each
 * generation as their own object. Taking a reference and the last release's
 * delete of the item are each one synchronous step (the conditional writes);
 * the release deletes the generation's object in a later step, so a test can
 * run an ingest in between (`faults.before('archive.delete-blob', …)`).
 * A staged blob is read to its end into a staging copy, then filed under its
 * generation unless that object is there already.
 */
import type { Readable } from 'node:stream';
import type { BlobRelease, LogArchive, StagedBlob } from '#lib/store/ports';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';

interface BlobItem {
  refs: number;
  gen: string;
}

export class MemoryLogArchive implements LogArchive {
  private readonly items = new Map<string, BlobItem>();
  /** Objects by `sha256.gen`. */
  private readonly objects = new Map<string, Buffer>();
  private readonly staging = new Map<string, Buffer>();
  private gens = 0;
  /** Blob writes that stored bytes (a repeated body stores nothing). */
  blobWrites = 0;

  constructor(
    private readonly faults: Faults,
    private readonly clock: Clock,
  ) {}

  private async acquire(sha256: string): Promise<string> {
    await this.faults.enter('archive.acquire');
    const item = this.items.get(sha256) ?? { refs: 0, gen: `g${++this.gens}` };
    item.refs += 1;
    this.items.set(sha256, item);
    return `${sha256}.${item.gen}`;
  }

  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    const object = await this.acquire(sha256);
    await this.faults.enter('archive.put');
    if (this.objects.has(object)) return;
    this.objects.set(object, Buffer.from(bytes));
    this.blobWrites += 1;
  }

  async release(sha256: string): Promise<BlobRelease> {
    await this.faults.enter('archive.release');
    const item = this.items.get(sha256);
    if (!item) return { deleted: false, refs: 0 };
    item.refs -= 1;
    if (item.refs > 0) return { deleted: false, refs: item.refs };
    await this.faults.enter('archive.release-item');
    // The conditional delete of the item: lost to a reference taken since.
    if (item.refs > 0) return { deleted: false, refs: item.refs };
    this.items.delete(sha256);
    await this.faults.enter('archive.delete-blob');
    this.objects.delete(`${sha256}.${item.gen}`);
    return { deleted: true };
  }

  /** Holders whose reference was given back through releaseOnce (the tombstones). */
  private readonly releasedHolders = new Set<string>();

  async releaseOnce(sha256: string, holder: string): Promise<BlobRelease | null> {
    await this.faults.enter('archive.release-once');
    if (this.releasedHolders.has(holder)) return null;
    const release = await this.release(sha256);
    this.releasedHolders.add(holder);
    return release;
  }

  async getBlob(sha256: string): Promise<Buffer | null> {
    await this.faults.enter('archive.get');
    const item = this.items.get(sha256);
    const bytes = item && this.objects.get(`${sha256}.${item.gen}`);
    return bytes ? Buffer.from(bytes) : null;
  }

  async stageBlob(stagingId: string, body: Readable): Promise<StagedBlob> {
    await this.faults.enter('archive.stage');
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
    } catch (error) {
      body.destroy();
      throw error;
    }
    this.staging.set(stagingId, Buffer.concat(chunks));
    return {
      commit: async (sha256) => {
        const staged = this.staging.get(stagingId);
        if (!staged) throw new Error(`nothing staged as ${stagingId}`);
        const object = await this.acquire(sha256);
        await this.faults.enter('archive.copy');
        if (!this.objects.has(object)) {
          this.objects.set(object, staged);
          this.blobWrites += 1;
        }
        this.staging.delete(stagingId);
      },
      discard: async () => {
        await this.faults.enter('archive.delete-staged');
        this.staging.delete(stagingId);
      },
    };
  }

  async blobUrl(sha256: string, filename: string, expiresInSeconds: number): Promise<string> {
    await this.faults.enter('archive.sign');
    // Signing needs no object, as with S3: the URL names it and says until when it serves.
    const expires = new Date(this.clock().getTime() + expiresInSeconds * 1000).toISOString();
    const query = new URLSearchParams({ filename, expires });
    return `memory://archive/blobs/${sha256}?${query}`;
  }

  /** Distinct bodies stored (objects, whatever their references). */
  get blobCount(): number {
    return this.objects.size;
  }

  /** References held on the blob of `sha256` (0 = no blob item). */
  refsOf(sha256: string): number {
    return this.items.get(sha256)?.refs ?? 0;
  }

  get stagedCount(): number {
    return this.staging.size;
  }
}
