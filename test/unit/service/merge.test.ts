import { createHash } from 'node:crypto';
import { Conflict, Invalid, NotFound } from '#lib/errors';
import type { LogEvent } from '#lib/records/model';
import { ingestRecords } from '#lib/service/events';
import { changeStatus, deleteIssue, fileBugForReport, fileBugWithLog } from '#lib/service/issues';
import { reportTotal } from '#lib/service/lists';
import { mergeReport, unmergeReport } from '#lib/service/merge';
import {
  crashLog,
  diskLog,
  extracted,
  type Harness,
  harness,
  ingest,
  MAX_EXTRACT_BYTES,
  MINUTE,
  paymentLog,
} from './helpers.ts';

async function reportOf(h: Harness, text: string) {
  const { report } = await ingest(h, text);
  return report!;
}

const occurrences = async (h: Harness, reportId: string) =>
  (await h.stores.reports.getByReportId(reportId))!.occurrences;

const listed = async (h: Harness) =>
  (await h.stores.reports.listReports({ sort: 'lastSeen', order: 'desc', limit: 100 })).items.map(
    (r) => r.reportId,
  );

describe('merging a report into another', () => {
  it('counts later occurrences of the merged signature on the kept report, which takes its count', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    await ingest(h, paymentLog(2));
    const disk = await reportOf(h, diskLog(91));

    h.clock.advance(MINUTE);
    const { report, kept } = await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(report).toMatchObject({ mergedIntoId: payment.reportId, occurrences: 1 });
    expect(kept).toMatchObject({ occurrences: 3 });
    expect(kept!.mergedFrom).toEqual([expect.objectContaining({ reportId: disk.reportId, occurrences: 1 })]);

    const later = await ingest(h, diskLog(97));
    expect(later.report?.reportId).toBe(payment.reportId);
    expect(later.isNew).toBe(false);
    expect(await occurrences(h, payment.reportId)).toBe(4);
    expect(await occurrences(h, disk.reportId)).toBe(1);
    expect(later.log.reportId).toBe(payment.reportId);
  });

  it('records the merge in both histories, takes the merged report out of lists and totals', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    expect((await h.stores.reports.totals()).reports).toBe(2);

    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(await listed(h)).toEqual([payment.reportId]);
    const totals = await h.stores.reports.totals();
    expect(totals).toEqual(h.stores.reports.counted());
    expect(totals.reports).toBe(1);
    expect(totals.byType.W).toBe(0);
    expect(reportTotal(totals, { sort: 'lastSeen', order: 'desc', limit: 10 })).toBe(1);

    const kept = (await h.stores.reports.getByReportId(payment.reportId))!;
    const merged = (await h.stores.reports.getByReportId(disk.reportId))!;
    expect(kept.history.at(-1)).toMatchObject({ event: 'merged', reportId: disk.reportId });
    expect(merged.history.at(-1)).toMatchObject({ event: 'merged-into', reportId: payment.reportId });
  });

  it('is idempotent: merging again answers the same and adds nothing', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    const again = await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(again.kept?.occurrences).toBe(2);
    expect(again.kept?.mergedFrom).toHaveLength(1);
    expect((await h.stores.reports.totals()).reports).toBe(1);
  });

  it('finishes a merge that stopped after its first write when repeated', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    // markMerged goes through; the write on the kept report fails.
    h.faults.failNext('reports.merge', { skip: 1 });
    await expect(mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now())).rejects.toThrow();
    expect((await h.stores.reports.getByReportId(disk.reportId))!.mergedIntoId).toBe(payment.reportId);

    const { kept } = await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(kept).toMatchObject({ occurrences: 2 });
    expect(kept!.mergedFrom).toHaveLength(1);
  });

  it('keeps a merge that a repeat of it finished between its two writes', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    // The first merge points the disk report at the payment one; before it writes on the payment report,
    // a second merge sent at the same time sees the pointer and finishes the merge itself.
    let repeat: ReturnType<typeof mergeReport> | undefined;
    h.faults.before('reports.merge', () => undefined);
    h.faults.before('reports.merge', async () => {
      repeat = mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
      await repeat;
    });
    const first = await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    const second = await repeat!;
    for (const { report, kept } of [first, second]) {
      expect(report.mergedIntoId).toBe(payment.reportId);
      expect(kept).toMatchObject({
        occurrences: 2,
        mergedFrom: [expect.objectContaining({ occurrences: 1 })],
      });
    }
    expect((await h.stores.reports.getByReportId(disk.reportId))!.mergedIntoId).toBe(payment.reportId);
    expect(await occurrences(h, payment.reportId)).toBe(2);
  });

  it('refuses what would hide a filed bug or make a chain, before writing anything', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    const crash = await reportOf(h, crashLog(40));
    await fileBugForReport(h.stores, payment.reportId, 'payments fail', h.clock.now());

    // A report with a filed issue is kept, never merged away.
    await expect(mergeReport(h.stores, payment.reportId, disk.reportId, h.clock.now())).rejects.toThrow(
      Conflict,
    );
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    // Into a merged report, or a report that others are merged into.
    await expect(mergeReport(h.stores, crash.reportId, disk.reportId, h.clock.now())).rejects.toThrow(
      /merged into report/,
    );
    await expect(mergeReport(h.stores, disk.reportId, crash.reportId, h.clock.now())).rejects.toThrow(
      /already merged/,
    );
    await expect(mergeReport(h.stores, crash.reportId, crash.reportId, h.clock.now())).rejects.toThrow(
      Invalid,
    );
    await expect(mergeReport(h.stores, crash.reportId, '000009999', h.clock.now())).rejects.toThrow(NotFound);
    // Neither side of a merge can be deleted, nor a bug filed on the merged one.
    await expect(deleteIssue(h.stores, payment.issueId)).rejects.toThrow(Conflict);
    await expect(deleteIssue(h.stores, disk.issueId)).rejects.toThrow(Conflict);
    await expect(fileBugForReport(h.stores, disk.reportId, 'disk', h.clock.now())).rejects.toThrow(
      /merged into report/,
    );
    expect(await occurrences(h, crash.reportId)).toBe(1);
  });

  it('files a bug sent with a log of the merged signature on the kept report', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    await ingest(h, diskLog(93));
    const { bytes, extraction } = extracted(diskLog(95));
    const { report } = await fileBugWithLog(
      h.stores,
      bytes,
      extraction,
      'disk fills',
      h.clock.now(),
      MAX_EXTRACT_BYTES,
    );
    expect(report).toMatchObject({ reportId: payment.reportId, status: 'Open', summary: 'disk fills' });
    expect(await occurrences(h, payment.reportId)).toBe(4);
    expect((await h.stores.reports.getByReportId(disk.reportId))!.status).toBe('Ghost');
  });

  it('reopens the kept issue when the merged signature comes back after it was closed', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    await fileBugForReport(h.stores, payment.reportId, 'payments fail', h.clock.now());
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    await changeStatus(h.stores, payment.issueId, 'Closed', h.clock.now());
    const again = await ingest(h, diskLog(99));
    expect(again.regressed).toBe(true);
    expect(again.report).toMatchObject({ reportId: payment.reportId, status: 'Open', regressed: true });
  });
});

describe('unmerging', () => {
  it('gives the merged report its own counts again; what the kept one counted meanwhile stays there', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    await ingest(h, diskLog(92));
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(await occurrences(h, payment.reportId)).toBe(3);
    await ingest(h, diskLog(93)); // counted on payment while merged
    expect(await occurrences(h, payment.reportId)).toBe(4);

    const { report, kept } = await unmergeReport(h.stores, disk.reportId, h.clock.now());
    expect(report.mergedIntoId).toBeUndefined();
    expect(report.occurrences).toBe(2);
    expect(kept).toMatchObject({ occurrences: 2 });
    expect(kept!.mergedFrom ?? []).toEqual([]);
    expect(kept!.history.at(-1)).toMatchObject({ event: 'unmerged', reportId: disk.reportId });
    expect(report.history.at(-1)).toMatchObject({ event: 'unmerged', reportId: payment.reportId });

    const after = await ingest(h, diskLog(94));
    expect(after.report?.reportId).toBe(disk.reportId);
    expect(await occurrences(h, disk.reportId)).toBe(3);
    expect(await occurrences(h, payment.reportId)).toBe(2);
    expect((await listed(h)).sort()).toEqual([payment.reportId, disk.reportId].sort());
    expect(await h.stores.reports.totals()).toEqual(h.stores.reports.counted());

    // Unmerging again changes nothing; the report can be merged once more.
    expect((await unmergeReport(h.stores, disk.reportId, h.clock.now())).report.occurrences).toBe(3);
    const remerged = await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    expect(remerged.kept?.occurrences).toBe(5);
  });
});

describe('counting while a merge runs', () => {
  it('counts every occurrence of either signature exactly once on the kept report', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    const post = (i: number) => ingest(h, i % 2 === 0 ? diskLog(50 + i) : paymentLog(100 + i));
    // Four clients, each posting ten logs one after the other.
    const posts = [0, 1, 2, 3].map(async (client) => {
      for (let i = client; i < 40; i += 4) await post(i);
    });
    // The merge starts once some of the posts have counted, while the others are on their way.
    const merging = (async () => {
      while (h.faults.calls('reports.count') < 14) await Promise.resolve();
      return mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    })();
    await Promise.all([...posts, merging]);
    expect(await occurrences(h, payment.reportId)).toBe(42);
    const merged = (await h.stores.reports.getByReportId(disk.reportId))!;
    const kept = (await h.stores.reports.getByReportId(payment.reportId))!;
    expect(kept.mergedFrom?.[0]?.occurrences).toBe(merged.occurrences);
    // The merge really fell among the posts: some disk logs were counted before it, some after.
    expect(merged.occurrences).toBeGreaterThan(1);
    expect(merged.occurrences).toBeLessThan(21);
  });

  it('follows the pointer of a merge made between a failed count and its read', async () => {
    const h = harness();
    const payment = await reportOf(h, paymentLog(1));
    const disk = await reportOf(h, diskLog(91));
    // Unmerged just before the count: counted on the report itself.
    await mergeReport(h.stores, disk.reportId, payment.reportId, h.clock.now());
    h.faults.before('reports.get', async () => {
      await unmergeReport(h.stores, disk.reportId, h.clock.now());
    });
    const counted = await ingest(h, diskLog(92));
    expect(counted.report?.reportId).toBe(disk.reportId);
    expect(await occurrences(h, disk.reportId)).toBe(2);
    expect(await occurrences(h, payment.reportId)).toBe(1);
  });
});

describe('a stream (unit=event)', () => {
  const record = (message: string): LogEvent => ({
    severity: 'error',
    severityText: 'ERROR',
    message,
    logger: 'shop.checkout',
    context: {},
    format: 'json',
  });
  const batch = (records: LogEvent[]) => {
    const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
    return {
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'application/x-ndjson',
    };
  };

  it('counts a merged signature on the kept report, with its count', async () => {
    const h = harness();
    const first = [record('payment declined by the bank'), record('stock reservation expired')];
    const created = await ingestRecords(h.stores, batch(first), first, h.clock.now());
    const [declined, expired] = created.reports.map((r) => r.report);
    await mergeReport(h.stores, expired!.reportId, declined!.reportId, h.clock.now());

    const next = [record('stock reservation expired'), record('stock reservation expired')];
    const result = await ingestRecords(h.stores, batch(next), next, h.clock.now());
    expect(result.reports).toEqual([
      expect.objectContaining({
        counted: 2,
        isNew: false,
        report: expect.objectContaining({ reportId: declined!.reportId, occurrences: 4 }),
      }),
    ]);
  });
});
