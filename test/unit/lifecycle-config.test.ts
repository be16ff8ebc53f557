import { loadConfig } from '#lib/config';
import { lifecycleStatus, scrubStatus } from '../../scripts/start.ts';

const ENV = { LOGSIFT_BUCKET: 'b', LOGS_TABLE: 'l', REPORTS_TABLE: 'r', META_TABLE: 'm' };

describe('the lifecycle settings', () => {
  it('keeps logs 90 days, no samples, raw bytes by default', () => {
    expect(loadConfig(ENV).lifecycle).toEqual({
      retentionDays: 90,
      keepSamples: 0,
      archiveMode: 'raw',
      expiryMode: 'sweep',
    });
  });

  it('reads RETENTION_DAYS (0 = forever), KEEP_SAMPLES and ARCHIVE_MODE', () => {
    expect(
      loadConfig({ ...ENV, RETENTION_DAYS: '0', KEEP_SAMPLES: '3', ARCHIVE_MODE: 'Scrubbed' }).lifecycle,
    ).toEqual({ retentionDays: 0, keepSamples: 3, archiveMode: 'scrubbed', expiryMode: 'sweep' });
  });

  it('reads EXPIRY_MODE: sweep (the code default) or ttl', () => {
    expect(loadConfig({ ...ENV, EXPIRY_MODE: 'TTL' }).lifecycle.expiryMode).toBe('ttl');
    expect(loadConfig({ ...ENV, EXPIRY_MODE: 'sweep' }).lifecycle.expiryMode).toBe('sweep');
  });

  it.each([
    ['RETENTION_DAYS', '-1'],
    ['RETENTION_DAYS', '30d'],
    ['KEEP_SAMPLES', '1000'],
    ['ARCHIVE_MODE', 'gzip'],
    ['EXPIRY_MODE', 'stream'],
  ])('fails at cold start on %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...ENV, [name]: value })).toThrow(name);
  });

  it('prints retention and archive mode at start-up', () => {
    expect(lifecycleStatus({})).toBe(
      'retention: logs and their bytes deleted 90 days after receipt (RETENTION_DAYS); the sweeper runs hourly on AWS, every 5 × LOGSIFT_LOCAL_SCHEDULE_MS here; archive: raw bytes as received (ARCHIVE_MODE=raw)',
    );
    expect(lifecycleStatus({ RETENTION_DAYS: '0', ARCHIVE_MODE: 'scrubbed' })).toBe(
      'retention: logs kept forever (RETENTION_DAYS=0); archive: scrubbed copies (ARCHIVE_MODE=scrubbed)',
    );
    expect(lifecycleStatus({ RETENTION_DAYS: '30', KEEP_SAMPLES: '2' })).toContain(
      "deleted 30 days after receipt (RETENTION_DAYS), but each report's first 2 (KEEP_SAMPLES)",
    );
    expect(lifecycleStatus({ EXPIRY_MODE: 'ttl' })).toContain('EXPIRY_MODE=ttl: dynalite has no TTL');
    expect(scrubStatus({ ARCHIVE_MODE: 'scrubbed' })).toMatch(/the archive keeps scrubbed copies only/);
    expect(scrubStatus({})).toMatch(/warning: the raw archive/);
  });
});
