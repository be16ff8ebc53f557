/**
 * In-memory adapters of every storage port (lib/store/ports.ts), for tests of
 * lib/service without emulators. They keep the DynamoDB and S3 adapters'
 * contracts — conditional writes really conditional, a lost race really lost,
 * the same domain errors — and share one Faults, through which a test fails
 * any storage call or runs another request's writes just before it.
 */
import type { Stores } from '#lib/store/ports';
import { FOREVER, type Retention } from '#lib/store/retention';
import { MemoryLogArchive } from './archive.ts';
import { type Clock, systemClock } from './clock.ts';
import { Faults } from './faults.ts';
import { MemoryIdempotencyStore } from './idempotency.ts';
import { MemoryIdAllocator, MemoryLogIndex } from './logs.ts';
import { MemoryReportStore } from './reports.ts';
import { MemoryUploadObjects, MemoryUploadStates } from './uploads.ts';

export { type Clock, ManualClock, systemClock } from './clock.ts';
export { Faults, type Hook, type Operation } from './faults.ts';
export {
  MemoryIdAllocator,
  MemoryIdempotencyStore,
  MemoryLogArchive,
  MemoryLogIndex,
  MemoryReportStore,
  MemoryUploadObjects,
  MemoryUploadStates,
};

export interface MemoryStores extends Stores {
  archive: MemoryLogArchive;
  logs: MemoryLogIndex;
  ids: MemoryIdAllocator;
  reports: MemoryReportStore;
  idempotency: MemoryIdempotencyStore;
}

export interface MemoryBackend {
  stores: MemoryStores;
  objects: MemoryUploadObjects;
  states: MemoryUploadStates;
  faults: Faults;
}

/**
 * A fresh, empty backend; `clock` dates the URLs it signs and tells which
 * log records have expired under `retention` (default: kept forever).
 */
export function memoryStores(clock: Clock = systemClock, retention: Retention = FOREVER): MemoryBackend {
  const faults = new Faults();
  return {
    stores: {
      archive: new MemoryLogArchive(faults, clock),
      logs: new MemoryLogIndex(faults, retention, clock),
      ids: new MemoryIdAllocator(faults),
      reports: new MemoryReportStore(faults),
      idempotency: new MemoryIdempotencyStore(faults),
    },
    objects: new MemoryUploadObjects(faults, clock),
    states: new MemoryUploadStates(faults),
    faults,
  };
}
