import { createHash } from 'node:crypto';
import { Unavailable } from '#lib/errors';
import type { LogEvent } from '#lib/records/model';
import { ingestRecords } from '#lib/service/events';
import { harness } from './helpers.ts';

const record = (
  severity: LogEvent['severity'],
  message: string,
  context: LogEvent['context'] = {},
): LogEvent => ({
  severity,
  severityText: severity.toUpperCase(),
  message,
  logger: 'shop.checkout',
  context,
  format: 'json',
});

const declined = (order: number) => record('error', `payment ${order} declined by the bank`, { order });
const slow = (ms: number) => record('warning', `inventory lookup took ${ms} ms`, { ms });
const served = (path: string) => record('info', `served ${path}`);

function batch(records: LogEvent[]) {
  const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'application/x-ndjson',
  };
}

describe('a stream batch (unit=event)', () => {
  it('counts each failure event on its own report with one add per report', async () => {
    const h = harness();
    const records = [declined(1), served('/'), declined(2), slow(900), declined(3)];
    const result = await ingestRecords(h.stores, batch(records), records, h.clock.now());

    expect(result.events).toBe(5);
    expect(result.reports.map(({ report, counted, isNew }) => [report.type, counted, isNew])).toEqual([
      ['E', 3, true],
      ['W', 1, true],
    ]);
    expect(result.log.events?.map((link) => link.count)).toEqual([3, 1]);
    expect(result.log.type).toBe('E');
    const payment = await h.stores.reports.getByKey(result.reports[0]!.report.reportKey);
    expect(payment).toMatchObject({
      occurrences: 3,
      firstLogId: result.log.logId,
      daily: { '2026-12-01': 3 },
    });

    const again = [declined(4), declined(5)];
    const second = await ingestRecords(h.stores, batch(again), again, h.clock.now());
    expect(second.reports).toHaveLength(1);
    expect(second.reports[0]).toMatchObject({ counted: 2, isNew: false, report: { occurrences: 5 } });
    expect(h.faults.calls('reports.count')).toBe(3);
  });

  it('archives a batch without failures and counts nothing', async () => {
    const h = harness();
    const records = [served('/a'), served('/b')];
    const result = await ingestRecords(h.stores, batch(records), records, h.clock.now());
    expect(result.reports).toEqual([]);
    expect(result.log).toMatchObject({ reportKey: null, type: null, events: [] });
    expect(h.stores.archive.blobCount).toBe(1);
  });

  it('counts at most the reports before a storage failure, and its record names them', async () => {
    const h = harness();
    const records = [declined(1), slow(700)];
    const first = await ingestRecords(h.stores, batch(records), records, h.clock.now());
    const [payment, lookup] = first.reports.map((counted) => counted.report);

    h.faults.failNext('reports.count', { skip: 1 });
    const retried = [declined(2), slow(800)];
    await expect(ingestRecords(h.stores, batch(retried), retried, h.clock.now())).rejects.toBeInstanceOf(
      Unavailable,
    );
    expect((await h.stores.reports.getByKey(payment!.reportKey))?.occurrences).toBe(2);
    expect((await h.stores.reports.getByKey(lookup!.reportKey))?.occurrences).toBe(1);
    const pending = h.stores.logs.all().find((log) => log.reportId === null);
    expect(pending?.events?.map((link) => link.reportKey)).toEqual([payment!.reportKey, lookup!.reportKey]);
  });
});
