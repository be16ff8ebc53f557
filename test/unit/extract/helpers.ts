import { type Extraction, extractBuffer } from '#lib/extract/index';

export function extract(text: string): Extraction {
  return extractBuffer(Buffer.from(text, 'utf8'));
}

export function fingerprint(text: string): string | null {
  return extract(text).fingerprint;
}

/** Lines of ordinary noise around a failure, so tests read like real logs. */
export function inLog(...failure: string[]): string {
  return [
    '2024-05-01 10:00:00,001 INFO  [main] app.Server: starting',
    ...failure,
    '2024-05-01 10:00:09,999 INFO  [main] app.Server: request served in 12ms',
    '',
  ].join('\n');
}
