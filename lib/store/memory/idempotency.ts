/**
 * Idempotency-Key records in memory, under the conditions of
 * lib/store/dynamo-idempotency.ts: a claim succeeds on a free or expired key,
 * or on a pending one whose lease ran out if the request is the same; an
 * expired record reads as absent; completing needs the same request hash
 * (else the StorageError the adapter's failed condition becomes); releasing
 * drops only a pending claim of the same request.
 */
import { StorageError } from '#lib/store/errors';
import type { IdempotencyRecord, IdempotencyStore, StoredAnswer } from '#lib/store/ports';
import type { Faults } from './faults.ts';

interface Item {
  state: 'pending' | 'done';
  requestHash: string;
  expiresAt: number;
  lockedUntil?: number;
  answer?: StoredAnswer;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly items = new Map<string, Item>();

  constructor(private readonly faults: Faults) {}

  async claim(
    id: string,
    requestHash: string,
    now: number,
    ttlSeconds: number,
    leaseSeconds: number,
  ): Promise<boolean> {
    await this.faults.enter('idempotency.claim');
    const item = this.items.get(id);
    const free =
      !item ||
      item.expiresAt < now ||
      (item.state === 'pending' &&
        item.lockedUntil !== undefined &&
        item.lockedUntil < now &&
        item.requestHash === requestHash);
    if (!free) return false;
    this.items.set(id, {
      state: 'pending',
      requestHash,
      expiresAt: now + ttlSeconds,
      lockedUntil: now + leaseSeconds,
    });
    return true;
  }

  async get(id: string, now: number): Promise<IdempotencyRecord | null> {
    await this.faults.enter('idempotency.get');
    const item = this.items.get(id);
    if (!item || item.expiresAt < now) return null;
    return {
      state: item.state,
      requestHash: item.requestHash,
      expiresAt: item.expiresAt,
      answer: item.state === 'done' && item.answer ? structuredClone(item.answer) : null,
    };
  }

  async complete(id: string, requestHash: string, answer: StoredAnswer): Promise<void> {
    await this.faults.enter('idempotency.complete');
    const item = this.items.get(id);
    if (!item || item.requestHash !== requestHash) {
      throw new StorageError('idempotency.complete', {
        cause: new Error('the key is held by another request'),
      });
    }
    this.items.set(id, {
      state: 'done',
      requestHash,
      expiresAt: item.expiresAt,
      answer: structuredClone(answer),
    });
  }

  async release(id: string, requestHash: string): Promise<void> {
    await this.faults.enter('idempotency.release');
    const item = this.items.get(id);
    if (item?.state === 'pending' && item.requestHash === requestHash) this.items.delete(id);
  }
}
