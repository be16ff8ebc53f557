/**
 * Storage faults and interleavings for tests over the in-memory adapters.
 * Every adapter operation first passes through `enter(operation)`, named as
 * the DynamoDB and S3 adapters name their storage calls (`reports.count`,
 * `logs.put`, ...). An armed fault makes the operation throw the StorageError
 * the real adapter would throw for an unreachable or failing service, before
 * it changes anything; a hook runs just before the operation (another
 * request's writes, to lose a race on purpose). Each operation's own check
 * and write then happen in one synchronous step, as a conditional write does.
 */
import { StorageError } from '#lib/store/errors';

export type Operation =
  | 'archive.put'
  | 'archive.get'
  | 'archive.stage'
  | 'archive.copy'
  | 'archive.delete-staged'
  | 'archive.sign'
  | 'archive.acquire'
  | 'archive.release'
  | 'archive.release-once'
  | 'archive.release-item'
  | 'archive.delete-blob'
  | 'logs.put'
  | 'logs.get'
  | 'logs.delete'
  | 'logs.remove'
  | 'logs.expired'
  | 'logs.of-report'
  | 'ids.reserve'
  | 'reports.count'
  | 'reports.summary'
  | 'reports.create'
  | 'reports.get'
  | 'reports.regress'
  | 'reports.status'
  | 'reports.delete'
  | 'reports.merge'
  | 'reports.list'
  | 'reports.totals'
  | 'reports.totals-add'
  | 'idempotency.claim'
  | 'idempotency.get'
  | 'idempotency.complete'
  | 'idempotency.release'
  | 'uploads.sign'
  | 'uploads.head'
  | 'uploads.get'
  | 'uploads.delete'
  | 'uploads.create'
  | 'uploads.get-state'
  | 'uploads.claim'
  | 'uploads.release'
  | 'uploads.finish';

interface Armed {
  /** Matching calls let through before the first failure. */
  skip: number;
  /** Failures left; Infinity = an outage until `heal`. */
  times: number;
}

export type Hook = () => void | Promise<void>;

export class Faults {
  private readonly armed = new Map<Operation, Armed>();
  private readonly hooks = new Map<Operation, Hook[]>();
  private readonly counts = new Map<Operation, number>();

  /** Fail the next call of `operation` (after `skip` calls; `times` in a row, default once). */
  failNext(operation: Operation, options: { skip?: number; times?: number } = {}): void {
    this.armed.set(operation, { skip: options.skip ?? 0, times: options.times ?? 1 });
  }

  /** Fail every call of `operation` until `heal`. */
  outage(operation: Operation): void {
    this.failNext(operation, { times: Number.POSITIVE_INFINITY });
  }

  heal(operation?: Operation): void {
    if (operation) this.armed.delete(operation);
    else this.armed.clear();
  }

  /** Run `hook` once, just before the next call of `operation` goes to the store. */
  before(operation: Operation, hook: Hook): void {
    const queue = this.hooks.get(operation) ?? [];
    queue.push(hook);
    this.hooks.set(operation, queue);
  }

  /** How many calls of `operation` reached the store (failed ones included). */
  calls(operation: Operation): number {
    return this.counts.get(operation) ?? 0;
  }

  /** Calls of every operation so far (none = nothing touched storage). */
  totalCalls(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  async enter(operation: Operation): Promise<void> {
    const hook = this.hooks.get(operation)?.shift();
    if (hook) await hook();
    else await Promise.resolve(); // every call yields, as a network round trip would
    this.counts.set(operation, this.calls(operation) + 1);
    const armed = this.armed.get(operation);
    if (!armed) return;
    if (armed.skip > 0) {
      armed.skip -= 1;
      return;
    }
    armed.times -= 1;
    if (armed.times <= 0) this.armed.delete(operation);
    throw new StorageError(operation, { cause: new Error(`injected fault: ${operation}`) });
  }
}
