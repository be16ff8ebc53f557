/**
 * Configuration, read and checked once at cold start. A missing or malformed
 * variable fails loudly with its name: a misconfigured function should never
 * get as far as answering a request.
 */

import { type AlertConfig, loadAlertConfig } from './alerts/config.ts';
import { MAX_SUMMARY_CHARS } from './contracts/limits.ts';
import { type FingerprintRule, parseFingerprintRules } from './extract/fingerprint-rules.ts';
import type { ExpiryMode } from './store/retention.ts';

/** S3's largest single PUT, the most a presigned upload can carry. */
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 ** 3;
/** INLINE_LOG_BYTES's default: compressed bodies up to 2 KiB ride in their blob item (2 write units at most). */
export const DEFAULT_INLINE_BYTES = 2048;
/** Its bound: far under DynamoDB's 400 KB item, so a blob item's writes stay a few units. */
export const MAX_INLINE_BYTES = 16 * 1024;

export interface Config {
  bucket: string;
  logsTable: string;
  reportsTable: string;
  metaTable: string;
  /** Ids reserved per container with one atomic add (see lib/store/dynamo-ids). */
  idBlockSize: number;
  /** Largest log accepted on the API path (AWS's synchronous payload limit). */
  maxLogBytes: number;
  maxSummaryChars: number;
  /** Largest log taken through a presigned upload (S3's single PUT takes 5 GiB). */
  maxUploadBytes: number;
  /** Stored extract cap; the full log is always kept. */
  maxExtractBytes: number;
  /** Compressed log bodies up to this size are kept in their blob item instead of S3 (INLINE_LOG_BYTES; 0 = none). */
  inlineLogBytes: number;
  s3ForcePathStyle: boolean;
  /** Show internal error details in 500 answers (local development only). */
  exposeErrors: boolean;
  /** Extra secrets to scrub (lib/extract/scrub.ts): field names (SCRUB_FIELDS) and one pattern (SCRUB_PATTERNS). */
  scrub: { fields: string[]; patterns: RegExp[] };
  /** Bearer tokens by role; all empty = the service is open (see lib/http/auth). */
  auth: AuthTokens;
  /**
   * The per-deployment secret list cursors are signed with (lib/store/cursor);
   * undefined = a per-process key, with a warning (tests, a one-process run).
   */
  cursorSecret: string | undefined;
  /** Shards of each list index (lib/store/sharded-list.ts). */
  listShards: number;
  /** Data lifecycle (README, Data): how long logs are kept, and what the archive keeps. */
  lifecycle: LifecycleConfig;
  /** The alerts table (ALERTS_TABLE); undefined = no alerts, whatever the rules. */
  alertsTable: string | undefined;
  /** Alert rules and destinations (ALERT_RULES, lib/alerts/config.ts). */
  alerts: AlertConfig;
  /** Fixed fingerprints for the failures users group by hand (FINGERPRINT_RULES, lib/extract/fingerprint-rules.ts). */
  fingerprintRules: FingerprintRule[];
  /**
   * COUNT_MODE: `sync` counts in the request (the default); `async` archives,
   * writes the log record and hands the counts to the COUNT_STREAM Kinesis
   * stream, whose consumer counts them (lib/service/async-count.ts).
   */
  countMode: CountMode;
  /** COUNT_STREAM: the stream's name; required with COUNT_MODE=async. */
  countStream: string | undefined;
}

export type CountMode = 'sync' | 'async';

/** LIST_SHARDS unless set: 16 shards give each list 16 partition keys' write headroom. */
export const DEFAULT_LIST_SHARDS = 16;
export const MAX_LIST_SHARDS = 32;
export type ArchiveMode = 'raw' | 'scrubbed';

export interface LifecycleConfig {
  /** RETENTION_DAYS: log records and their bytes are deleted this long after receipt; 0 = kept forever. */
  retentionDays: number;
  /** KEEP_SAMPLES: each report's first N logs are kept past retention (0 = none). */
  keepSamples: number;
  /** ARCHIVE_MODE: `raw` keeps the bytes as received, `scrubbed` a copy with secrets masked. */
  archiveMode: ArchiveMode;
  /** EXPIRY_MODE: the sweeper (`sweep`, the default) or DynamoDB's TTL and its stream (`ttl`) deletes expired logs. */
  expiryMode: ExpiryMode;
}

export interface AuthTokens {
  read: string[];
  ingest: string[];
  admin: string[];
}

/** A comma-separated token list; blanks dropped. */
function tokens(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

type Env = Record<string, string | undefined>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '')
    throw new Error(`logsift: environment variable ${name} is not set`);
  return value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`logsift: ${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function pattern(env: Env, name: string): RegExp[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  try {
    return [new RegExp(raw, 'g')];
  } catch (error) {
    throw new Error(`logsift: ${name} is not a regular expression: ${(error as Error).message}`);
  }
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

function archiveMode(env: Env): ArchiveMode {
  const raw = (env['ARCHIVE_MODE'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'raw') return 'raw';
  if (raw === 'scrubbed') return 'scrubbed';
  throw new Error(`logsift: ARCHIVE_MODE must be raw or scrubbed, got "${env['ARCHIVE_MODE']}"`);
}

function expiryMode(env: Env): ExpiryMode {
  const raw = (env['EXPIRY_MODE'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'sweep') return 'sweep';
  if (raw === 'ttl') return 'ttl';
  throw new Error(`logsift: EXPIRY_MODE must be sweep or ttl, got "${env['EXPIRY_MODE']}"`);
}

function countMode(env: Env): CountMode {
  const raw = (env['COUNT_MODE'] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'sync') return 'sync';
  if (raw === 'async') return 'async';
  throw new Error(`logsift: COUNT_MODE must be sync or async, got "${env['COUNT_MODE']}"`);
}

export function loadConfig(env: Env = process.env): Config {
  return {
    bucket: required(env, 'LOGSIFT_BUCKET'),
    logsTable: required(env, 'LOGS_TABLE'),
    reportsTable: required(env, 'REPORTS_TABLE'),
    metaTable: required(env, 'META_TABLE'),
    idBlockSize: integer(env, 'ID_BLOCK_SIZE', 20, 1, 10_000),
    maxLogBytes: integer(env, 'MAX_LOG_BYTES', 4 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    maxSummaryChars: MAX_SUMMARY_CHARS,
    maxUploadBytes: integer(env, 'MAX_UPLOAD_BYTES', MAX_SINGLE_PUT_BYTES, 1, MAX_SINGLE_PUT_BYTES),
    maxExtractBytes: integer(env, 'MAX_EXTRACT_BYTES', 32 * 1024, 1024, 256 * 1024),
    inlineLogBytes: integer(env, 'INLINE_LOG_BYTES', DEFAULT_INLINE_BYTES, 0, MAX_INLINE_BYTES),
    s3ForcePathStyle: flag(env, 'LOGSIFT_S3_FORCE_PATH_STYLE'),
    exposeErrors: flag(env, 'IS_OFFLINE') || flag(env, 'LOGSIFT_DEBUG'),
    scrub: { fields: tokens(env, 'SCRUB_FIELDS'), patterns: pattern(env, 'SCRUB_PATTERNS') },
    auth: {
      read: tokens(env, 'READ_TOKENS'),
      ingest: tokens(env, 'INGEST_TOKENS'),
      admin: tokens(env, 'ADMIN_TOKENS'),
    },
    cursorSecret: env['CURSOR_SECRET'] || undefined,
    listShards: integer(env, 'LIST_SHARDS', DEFAULT_LIST_SHARDS, 1, MAX_LIST_SHARDS),
    lifecycle: {
      retentionDays: integer(env, 'RETENTION_DAYS', 90, 0, 36_500),
      keepSamples: integer(env, 'KEEP_SAMPLES', 0, 0, 100),
      archiveMode: archiveMode(env),
      expiryMode: expiryMode(env),
    },
    alertsTable: env['ALERTS_TABLE'] || undefined,
    alerts: loadAlertConfig(env),
    fingerprintRules: parseFingerprintRules(env['FINGERPRINT_RULES']),
    countMode: countMode(env),
    countStream:
      countMode(env) === 'async' ? required(env, 'COUNT_STREAM') : env['COUNT_STREAM'] || undefined,
  };
}
