/** Log records and id counters in memory, as lib/store/dynamo-logs.ts and dynamo-ids.ts keep them. */
import { formatId, ISSUE_ID_DIGITS, LOG_ID_DIGITS, type LogRecord } from '#lib/model';
import { StorageError } from '#lib/store/errors';
import type { IdAllocator, IdPage, LogIndex } from '#lib/store/ports';
import { expiryOf, FOREVER, isExpired, type Retention } from '#lib/store/retention';
import { type Clock, systemClock } from './clock.ts';
import type { Faults } from './faults.ts';

export class MemoryLogIndex implements LogIndex {
  private readonly records = new Map<string, LogRecord>();

  constructor(
    private readonly faults: Faults,
    private readonly retention: Retention = FOREVER,
    private readonly clock: Clock = systemClock,
  ) {}

  async put(log: LogRecord): Promise<void> {
    await this.faults.enter('logs.put');
    const { expiresAt: _given, ...rest } = structuredClone(log);
    const expiresAt = expiryOf(log, this.retention);
    this.records.set(log.logId, { ...rest, ...(expiresAt !== undefined ? { expiresAt } : {}) });
  }

  async get(logId: string): Promise<LogRecord | null> {
    await this.faults.enter('logs.get');
    const log = this.records.get(logId);
    return log && !isExpired(log, this.clock()) ? structuredClone(log) : null;
  }

  async delete(logId: string): Promise<void> {
    await this.faults.enter('logs.delete');
    this.records.delete(logId);
  }

  async remove(logId: string, options: { expiredBy?: Date } = {}): Promise<LogRecord | null> {
    await this.faults.enter('logs.remove');
    const log = this.records.get(logId);
    if (!log) return null;
    if (options.expiredBy && !isExpired(log, options.expiredBy)) return null;
    this.records.delete(logId);
    return structuredClone(log);
  }

  async expired(now: Date, limit: number, cursor?: string): Promise<IdPage> {
    await this.faults.enter('logs.expired');
    return this.page((log) => isExpired(log, now), limit, cursor);
  }

  async ofReport(reportKey: string, limit: number, cursor?: string): Promise<IdPage> {
    await this.faults.enter('logs.of-report');
    return this.page((log) => log.reportKey === reportKey, limit, cursor);
  }

  /** As an index query: in id order, after the cursor (the last id of the page before). */
  private page(matches: (log: LogRecord) => boolean, limit: number, cursor?: string): IdPage {
    const ids = [...this.records.values()]
      .filter((log) => matches(log) && (cursor === undefined || log.logId > cursor))
      .map((log) => log.logId)
      .sort();
    const page = ids.slice(0, limit);
    return { ids: page, cursor: ids.length > limit ? page[page.length - 1]! : null };
  }

  /** Every record, in id order (what an audit of the table would read). */
  all(): LogRecord[] {
    return [...this.records.values()]
      .sort((a, b) => a.logId.localeCompare(b.logId))
      .map((log) => structuredClone(log));
  }
}

/** Ids from 1 upwards, one counter per kind; an id the counter gave out is never given again. */
export class MemoryIdAllocator implements IdAllocator {
  private lastLog = 0;
  private lastIssue = 0;

  constructor(private readonly faults: Faults) {}

  async nextLogId(): Promise<string> {
    await this.faults.enter('ids.reserve');
    this.lastLog += 1;
    if (this.lastLog > 10 ** LOG_ID_DIGITS - 1) throw new StorageError('log id space exhausted');
    return formatId(this.lastLog, LOG_ID_DIGITS);
  }

  async nextIssueId(): Promise<string> {
    await this.faults.enter('ids.reserve');
    this.lastIssue += 1;
    if (this.lastIssue > 10 ** ISSUE_ID_DIGITS - 1) throw new StorageError('issue id space exhausted');
    return formatId(this.lastIssue, ISSUE_ID_DIGITS);
  }
}
