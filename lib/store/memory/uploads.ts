/**
 * Presigned uploads in memory: the objects a client PUTs to its URL
 * (lib/store/s3-uploads.ts) and the state of each upload under the
 * conditions of lib/store/dynamo-uploads.ts (created once; claimed when
 * pending or when a processing lease has lapsed; released and finished only
 * by the token that holds the claim).
 */
import { Readable } from 'node:stream';
import { StorageError } from '#lib/store/errors';
import type { UploadObjects, UploadState, UploadStates } from '#lib/store/ports';
import type { Clock } from './clock.ts';
import type { Faults } from './faults.ts';

/** The chunk size an upload is read back in, so a consumer sees it arrive in pieces as from S3. */
const READ_CHUNK = 16 * 1024;

export class MemoryUploadObjects implements UploadObjects {
  private readonly objects = new Map<string, Buffer>();

  constructor(
    private readonly faults: Faults,
    private readonly clock: Clock,
  ) {}

  async putUrl(logId: string, expiresInSeconds: number): Promise<string> {
    await this.faults.enter('uploads.sign');
    const expires = new Date(this.clock().getTime() + expiresInSeconds * 1000).toISOString();
    return `memory://uploads/${logId}?${new URLSearchParams({ expires })}`;
  }

  /** The client's PUT to a URL from `putUrl`: refused once the URL has expired, as S3 refuses it. */
  receive(url: string, bytes: Buffer): void {
    const parsed = new URL(url);
    const logId = parsed.pathname.replace(/^\//, '');
    if (parsed.protocol !== 'memory:' || parsed.host !== 'uploads' || !/^\d{9}$/.test(logId)) {
      throw new Error(`not an upload URL: ${url}`);
    }
    const expires = parsed.searchParams.get('expires') ?? '';
    if (!(this.clock().toISOString() < expires)) throw new Error(`the upload URL expired at ${expires}`);
    this.objects.set(logId, Buffer.from(bytes));
  }

  async size(logId: string): Promise<number | null> {
    await this.faults.enter('uploads.head');
    return this.objects.get(logId)?.length ?? null;
  }

  async open(logId: string): Promise<Readable> {
    await this.faults.enter('uploads.get');
    const bytes = this.objects.get(logId);
    if (!bytes) throw new StorageError('uploads.get', { cause: new Error(`NoSuchKey: uploads/${logId}`) });
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += READ_CHUNK) chunks.push(bytes.subarray(at, at + READ_CHUNK));
    return Readable.from(chunks, { objectMode: false });
  }

  async delete(logId: string): Promise<void> {
    await this.faults.enter('uploads.delete');
    this.objects.delete(logId);
  }

  has(logId: string): boolean {
    return this.objects.has(logId);
  }
}

interface Item extends UploadState {
  claimToken?: string;
}

export class MemoryUploadStates implements UploadStates {
  private readonly items = new Map<string, Item>();

  constructor(private readonly faults: Faults) {}

  async create(logId: string, createdAt: string): Promise<void> {
    await this.faults.enter('uploads.create');
    if (this.items.has(logId)) {
      throw new StorageError('uploads.create', { cause: new Error(`upload ${logId} exists already`) });
    }
    this.items.set(logId, { logId, phase: 'pending', createdAt });
  }

  async get(logId: string): Promise<UploadState | null> {
    await this.faults.enter('uploads.get-state');
    const item = this.items.get(logId);
    if (!item) return null;
    const { claimToken: _token, ...state } = item;
    return structuredClone(state);
  }

  async claim(logId: string, token: string, now: string, leaseUntil: string): Promise<boolean> {
    await this.faults.enter('uploads.claim');
    const item = this.items.get(logId);
    const claimable =
      item !== undefined &&
      (item.phase === 'pending' ||
        (item.phase === 'processing' && item.leaseUntil !== undefined && item.leaseUntil < now));
    if (!claimable) return false;
    item.phase = 'processing';
    item.claimToken = token;
    item.leaseUntil = leaseUntil;
    return true;
  }

  async release(logId: string, token: string): Promise<void> {
    await this.faults.enter('uploads.release');
    const item = this.items.get(logId);
    if (!item || item.claimToken !== token || item.phase !== 'processing') return;
    item.phase = 'pending';
    delete item.claimToken;
    delete item.leaseUntil;
  }

  async finish(
    logId: string,
    token: string,
    phase: 'done' | 'failed',
    status: number,
    body: Record<string, unknown>,
  ): Promise<boolean> {
    await this.faults.enter('uploads.finish');
    const item = this.items.get(logId);
    if (!item || item.claimToken !== token || item.phase !== 'processing') return false;
    item.phase = phase;
    item.status = status;
    item.body = structuredClone(body);
    delete item.leaseUntil;
    return true;
  }
}
