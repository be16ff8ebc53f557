/**
 * When a log record expires, decided in one place for every log index adapter:
 * `receivedAt` plus the retention period (RETENTION_DAYS), unless retention is
 * off (0) or the record is one of its report's kept samples. Derived from the
 * record alone, so its pending and settled writes agree.
 */
import type { LogRecord } from '#lib/model';

export interface Retention {
  /** 0 = logs are kept forever. */
  days: number;
  /** Who deletes an expired record (EXPIRY_MODE); unset = `sweep`. */
  mode?: ExpiryMode;
}

/**
 * EXPIRY_MODE. `sweep`: the record is indexed by expiry (`logsByExpiry`) and
 * the hourly sweeper deletes it and releases its blob; TTL is a late backstop.
 * `ttl`: DynamoDB's TTL deletes it at `expiresAt` (within about two days) and
 * the stream consumer (lib/service/expiry-release.ts) releases its blob; the
 * record takes no index write.
 */
export type ExpiryMode = 'sweep' | 'ttl';

export const FOREVER: Retention = { days: 0 };

const DAY_SECONDS = 86_400;

/** Epoch seconds from which `log` counts as expired; undefined = never. */
export function expiryOf(
  log: Pick<LogRecord, 'receivedAt' | 'sample'>,
  retention: Retention,
): number | undefined {
  if (retention.days <= 0 || log.sample) return undefined;
  return Math.floor(Date.parse(log.receivedAt) / 1000) + retention.days * DAY_SECONDS;
}

/** An expired record reads as absent, whether or not TTL or the sweeper removed it yet. */
export function isExpired(log: Pick<LogRecord, 'expiresAt'>, now: Date): boolean {
  return log.expiresAt !== undefined && log.expiresAt <= Math.floor(now.getTime() / 1000);
}

/**
 * DynamoDB's own TTL deletes a record this long after it expired: a backstop
 * should the sweeper stop. TTL runs up to days late and does not release the
 * blob (that is the sweeper's work), so the sweeper normally gets there first.
 */
export const TTL_GRACE_SECONDS = 7 * DAY_SECONDS;

/**
 * The attributes a record expiring at `expiresAt` is stored with. `sweep`:
 * `expiryShard` puts it in the sparse `logsByExpiry` index (one write unit per
 * log) and `ttl` is the week-late backstop; `ttl`: no shard, so no index
 * write, and TTL deletes it as it expires.
 */
export function expiryAttributes(
  expiresAt: number,
  expiryShard: string,
  mode: ExpiryMode = 'sweep',
): Record<string, string | number> {
  return mode === 'ttl'
    ? { expiresAt, ttl: expiresAt }
    : { expiresAt, expiryShard, ttl: expiresAt + TTL_GRACE_SECONDS };
}
