/**
 * What the service tests share: a fresh in-memory backend on a manual clock,
 * logs written for these tests (each failure a shape a reader of logs would
 * group: its ids and numbers vary, its words do not), and ingest as the POST
 * /logs route calls it — with the model's real extraction.
 */
import { extract, type IngestResult, ingestLog } from '#lib/service/ingest';
import { ManualClock, type MemoryBackend, memoryStores } from '#lib/store/memory/index';

export const MAX_EXTRACT_BYTES = 32 * 1024;

export interface Harness extends MemoryBackend {
  clock: ManualClock;
}

export function harness(start = '2026-12-01T08:00:00.000Z'): Harness {
  const clock = new ManualClock(start);
  return { ...memoryStores(clock.now), clock };
}

/** An error: a payment refused; the order and user differ from log to log. */
export function paymentLog(order: number, user = order % 97): string {
  return [
    `2026-12-01 08:00:0${order % 10} INFO checkout started for order ${order}`,
    `2026-12-01 08:00:0${order % 10} ERROR payment ${order} failed: card declined for user ${user}`,
    `2026-12-01 08:00:0${order % 10} INFO checkout finished`,
    '',
  ].join('\n');
}

/** A warning: a disk filling up. */
export function diskLog(percent: number): string {
  return `INFO nightly backup begins\nWARNING disk /srv/backup at ${percent}% full\nINFO nightly backup ends\n`;
}

/** A crash: a worker's call stack. */
export function crashLog(line: number): string {
  return [
    'INFO worker pool ready',
    'Exception in thread "worker-3" java.lang.IllegalStateException: job queue closed',
    `\tat org.example.jobs.Worker.take(Worker.java:${line})`,
    `\tat org.example.jobs.Worker.run(Worker.java:${line + 17})`,
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
    '',
  ].join('\n');
}

/** A log with nothing failing in it. */
export const quietLog = 'INFO service started\nINFO 200 GET /health in 3 ms\nINFO service stopped\n';

export function extracted(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  return { bytes, extraction: extract(bytes, { maxExtractBytes: MAX_EXTRACT_BYTES }) };
}

/** POST /logs of `text` at the clock's time. */
export function ingest(h: Harness, text: string): Promise<IngestResult> {
  const { bytes, extraction } = extracted(text);
  return ingestLog(h.stores, bytes, extraction, h.clock.now(), { maxExtractBytes: MAX_EXTRACT_BYTES });
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
