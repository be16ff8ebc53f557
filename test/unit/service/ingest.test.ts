import { Unavailable } from '#lib/errors';
import {
  crashLog,
  DAY,
  diskLog,
  extracted,
  harness,
  ingest,
  MINUTE,
  paymentLog,
  quietLog,
} from './helpers.ts';

describe('ingest', () => {
  it('creates a report with a ghost issue for a failure seen the first time', async () => {
    const h = harness();
    const result = await ingest(h, paymentLog(4411));

    expect(result.isNew).toBe(true);
    expect(result.log).toMatchObject({ logId: '000000001', reportId: '000000001', type: 'E' });
    expect(result.report).toMatchObject({
      reportId: '000000001',
      issueId: '000001',
      type: 'E',
      status: 'Ghost',
      occurrences: 1,
      firstSeen: '2026-12-01T08:00:00.000Z',
      history: [{ event: 'created', at: '2026-12-01T08:00:00.000Z' }],
    });
    expect(result.report?.extract).toContain('ERROR payment 4411 failed');
    expect(await h.stores.logs.get('000000001')).toEqual(result.log);
    expect(await h.stores.reports.getByIssueId('000001')).toMatchObject(result.report!);
    expect(await h.stores.reports.totals()).toEqual({
      reports: 1,
      byType: { C: 0, E: 1, W: 0 },
      issues: { Open: 0, Closed: 0 },
    });
  });

  it('counts a second log of the same failure with other ids as an occurrence', async () => {
    const h = harness();
    const first = await ingest(h, paymentLog(4411));
    h.clock.advance(DAY + 5 * MINUTE);
    const second = await ingest(h, paymentLog(9020, 12));

    expect(second.isNew).toBe(false);
    expect(second.log).toMatchObject({ logId: '000000002', reportId: first.log.logId });
    expect(second.report).toMatchObject({
      reportId: '000000001',
      issueId: '000001',
      occurrences: 2,
      firstSeen: '2026-12-01T08:00:00.000Z',
      lastSeen: '2026-12-02T08:05:00.000Z',
      daily: { '2026-12-01': 1, '2026-12-02': 1 },
    });
    expect((await h.stores.reports.totals()).reports).toBe(1);
  });

  it('gives different failures different reports, each typed by its most severe line', async () => {
    const h = harness();
    const types = [];
    for (const text of [paymentLog(1), diskLog(91), crashLog(40)]) {
      const result = await ingest(h, text);
      expect(result.isNew).toBe(true);
      types.push(result.report?.type);
    }
    expect(types).toEqual(['E', 'W', 'C']);
    expect((await h.stores.reports.totals()).byType).toEqual({ C: 1, E: 1, W: 1 });
  });

  it('stores identical bytes once and still gives each log its own id', async () => {
    const h = harness();
    const a = await ingest(h, paymentLog(7));
    const b = await ingest(h, paymentLog(7));

    expect(a.log.logId).not.toBe(b.log.logId);
    expect(a.log.sha256).toBe(b.log.sha256);
    expect(h.stores.archive.blobCount).toBe(1);
    expect(h.stores.archive.blobWrites).toBe(1);
    expect(b.report?.occurrences).toBe(2);
    expect((await h.stores.archive.getBlob(a.log.sha256))?.toString('utf8')).toBe(paymentLog(7));
  });

  it('archives a log without failures and counts nothing', async () => {
    const h = harness();
    const result = await ingest(h, quietLog);

    expect(result).toMatchObject({ report: null, isNew: false });
    expect(result.log).toMatchObject({ reportId: null, reportKey: null, type: null });
    expect(await h.stores.logs.get(result.log.logId)).toEqual(result.log);
    expect((await h.stores.archive.getBlob(result.log.sha256))?.toString('utf8')).toBe(quietLog);
    expect(h.faults.calls('reports.count') + h.faults.calls('reports.create')).toBe(0);
    expect(h.stores.reports.counted().reports).toBe(0);
  });

  it('leaves nothing counted when storage fails between the log record and the count, and a retry counts once', async () => {
    const h = harness();
    await ingest(h, paymentLog(1));
    h.faults.failNext('reports.count');

    const failed = ingest(h, paymentLog(2));
    await expect(failed).rejects.toBeInstanceOf(Unavailable);
    const report = await h.stores.reports.getByReportId('000000001');
    expect(report?.occurrences).toBe(1);
    // The failed request's record is kept, pending: retrievable, counted by nothing.
    expect(await h.stores.logs.get('000000002')).toMatchObject({
      reportId: null,
      reportKey: report?.reportKey,
    });

    const retry = await ingest(h, paymentLog(2));
    expect(retry.log.logId).toBe('000000003');
    expect(retry.report?.occurrences).toBe(2);
    const settled = h.stores.logs.all().filter((log) => log.reportId === report?.reportId);
    expect(settled.map((log) => log.logId)).toEqual(['000000001', '000000003']);
  });

  it('leaves no report when creating it fails, and the retry creates it once', async () => {
    const h = harness();
    h.faults.failNext('reports.create');
    await expect(ingest(h, crashLog(12))).rejects.toBeInstanceOf(Unavailable);
    const { extraction } = extracted(crashLog(12));
    expect(await h.stores.reports.getByKey(extraction.fingerprint!)).toBeNull();
    expect((await h.stores.reports.totals()).reports).toBe(0);

    const retry = await ingest(h, crashLog(12));
    expect(retry).toMatchObject({ isNew: true, report: { occurrences: 1, reportId: retry.log.logId } });
    expect((await h.stores.reports.totals()).reports).toBe(1);
  });

  it('answers a counted log even when settling its record fails (the record stays pending)', async () => {
    const h = harness();
    await ingest(h, diskLog(80));
    // The second logs.put of the request is the settling one.
    h.faults.failNext('logs.put', { skip: 1 });
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const result = await ingest(h, diskLog(95));
    error.mockRestore();

    expect(result.report?.occurrences).toBe(2);
    expect(await h.stores.logs.get(result.log.logId)).toMatchObject({ reportId: null });
  });

  it('creates one report when the first two logs of a failure race, and counts both', async () => {
    const h = harness();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => ingest(h, paymentLog(100 + i))));

    expect(results.filter((result) => result.isNew)).toHaveLength(1);
    const reportIds = new Set(results.map((result) => result.report?.reportId));
    expect(reportIds.size).toBe(1);
    const report = await h.stores.reports.getByReportId([...reportIds][0]!);
    expect(report?.occurrences).toBe(20);
    expect(await h.stores.reports.totals()).toEqual(h.stores.reports.counted());
    expect(h.stores.reports.counted().reports).toBe(1);
  });
});
