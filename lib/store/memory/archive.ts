/**
 * The log archive in memory: each distinct body once under its SHA-256, as
 * lib/store/s3-archive.ts keeps it in S3. A staged blob is read to its end
 * into a staging copy, then filed under its hash unless those bytes are there
 * already, and the staging copy dropped.
 */
import type { Readable } from 'node:stream';
import type { LogArchive, StagedBlob } from '#lib/store/ports';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';

export class MemoryLogArchive implements LogArchive {
  private readonly blobs = new Map<string, Buffer>();
  private readonly staging = new Map<string, Buffer>();
  /** Blob writes that stored bytes (a repeated body stores nothing). */
  blobWrites = 0;

  constructor(
    private readonly faults: Faults,
    private readonly clock: Clock,
  ) {}

  async putBlob(sha256: string, bytes: Buffer): Promise<void> {
    await this.faults.enter('archive.put');
    if (this.blobs.has(sha256)) return;
    this.blobs.set(sha256, Buffer.from(bytes));
    this.blobWrites += 1;
  }

  async getBlob(sha256: string): Promise<Buffer | null> {
    await this.faults.enter('archive.get');
    const bytes = this.blobs.get(sha256);
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
        await this.faults.enter('archive.copy');
        const staged = this.staging.get(stagingId);
        if (!staged) throw new Error(`nothing staged as ${stagingId}`);
        if (!this.blobs.has(sha256)) {
          this.blobs.set(sha256, staged);
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

  get blobCount(): number {
    return this.blobs.size;
  }

  get stagedCount(): number {
    return this.staging.size;
  }
}
