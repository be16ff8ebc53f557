/**
 * A storage call failed for a reason that is not the caller's: the emulator or
 * AWS was unreachable, throttled or answered 5xx. The request may be retried
 * (writes are ordered so that a retry is safe).
 */
import { Unavailable } from '#lib/errors';

export class StorageError extends Unavailable {
  constructor(
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`storage operation failed: ${operation}`, options);
  }
}

/** Run one storage call; anything it throws becomes a StorageError naming the operation. */
export async function storageCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(operation, { cause: error });
  }
}
