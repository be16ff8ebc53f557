import { NotFound } from '#lib/errors';
import { deleteIssue } from '#lib/service/issues';
import { findLog, findLogReport, logAsCounted } from '#lib/service/logs';
import { harness, ingest, paymentLog, quietLog } from './helpers.ts';

describe('reading logs', () => {
  it('finds a log and the report it counts towards', async () => {
    const h = harness();
    const { log, report } = await ingest(h, paymentLog(5));
    expect(await findLog(h.stores, log.logId)).toEqual(log);
    expect(await findLogReport(h.stores, log)).toMatchObject({ reportId: report?.reportId });
  });

  it('finds the report of a log whose record was left pending by its key', async () => {
    const h = harness();
    h.faults.failNext('logs.put', { skip: 1 });
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const { log, report } = await ingest(h, paymentLog(5));
    jest.restoreAllMocks();
    const stored = await findLog(h.stores, log.logId);
    expect(stored.reportId).toBeNull();
    expect(await findLogReport(h.stores, stored)).toMatchObject({ reportId: report?.reportId });
    expect(await logAsCounted(h.stores, stored)).toEqual({
      ...stored,
      reportId: report?.reportId,
      type: report?.type,
    });
  });

  it('reads a settled record, a record without failure and one whose report is gone as they are', async () => {
    const h = harness();
    const settled = await findLog(h.stores, (await ingest(h, paymentLog(7))).log.logId);
    expect(await logAsCounted(h.stores, settled)).toEqual(settled);
    const quiet = await findLog(h.stores, (await ingest(h, quietLog)).log.logId);
    expect(await logAsCounted(h.stores, quiet)).toEqual(quiet);

    h.faults.failNext('logs.put', { skip: 1 });
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const pending = await ingest(h, paymentLog(8));
    jest.restoreAllMocks();
    // The same failure: deleting its issue deletes the report both logs count on.
    await deleteIssue(h.stores, (await findLogReport(h.stores, settled)).issueId);
    const orphan = await findLog(h.stores, pending.log.logId);
    expect(orphan.reportId).toBeNull();
    expect(await logAsCounted(h.stores, orphan)).toEqual(orphan);
  });

  it('answers not found for an unknown log, a log without failures, and a log whose report was deleted', async () => {
    const h = harness();
    await expect(findLog(h.stores, '000000077')).rejects.toBeInstanceOf(NotFound);
    const quiet = await ingest(h, quietLog);
    await expect(findLogReport(h.stores, quiet.log)).rejects.toThrow('has no failure lines');

    const failing = await ingest(h, paymentLog(6));
    await deleteIssue(h.stores, failing.report!.issueId);
    const kept = await findLog(h.stores, failing.log.logId);
    await expect(findLogReport(h.stores, kept)).rejects.toThrow('was deleted');
    expect((await h.stores.archive.getBlob(kept.sha256))?.toString('utf8')).toBe(paymentLog(6));
  });
});
