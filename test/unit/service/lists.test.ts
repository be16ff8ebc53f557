import { Invalid } from '#lib/errors';
import type { Report } from '#lib/model';
import { changeStatus, deleteIssue, fileBugForReport } from '#lib/service/issues';
import { issueTotal, reportTotal } from '#lib/service/lists';
import type { ListQuery, PageOf } from '#lib/store/ports';
import { crashLog, diskLog, type Harness, harness, ingest, MINUTE, paymentLog } from './helpers.ts';

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  sort: 'lastSeen',
  order: 'desc',
  limit: 50,
  ...overrides,
});

const ids = (page: PageOf<Report>) => page.items.map((report) => report.reportId);

/** Three reports: payment (E, 3 logs), disk (W, 1 log), crash (C, 2 logs), seen in that order. */
async function threeReports(h: Harness) {
  const payment = await ingest(h, paymentLog(1));
  h.clock.advance(MINUTE);
  const disk = await ingest(h, diskLog(90));
  h.clock.advance(MINUTE);
  const crash = await ingest(h, crashLog(10));
  h.clock.advance(MINUTE);
  await ingest(h, paymentLog(2));
  h.clock.advance(MINUTE);
  await ingest(h, crashLog(11));
  h.clock.advance(MINUTE);
  await ingest(h, paymentLog(3));
  return { payment: payment.report!, disk: disk.report!, crash: crash.report! };
}

describe('report and issue lists', () => {
  it('sorts reports by last seen, first seen or occurrences, either way', async () => {
    const h = harness();
    const { payment, disk, crash } = await threeReports(h);
    const list = (sort: ListQuery['sort'], order: ListQuery['order']) =>
      h.stores.reports.listReports(query({ sort, order })).then(ids);

    expect(await list('lastSeen', 'desc')).toEqual([payment.reportId, crash.reportId, disk.reportId]);
    expect(await list('firstSeen', 'asc')).toEqual([payment.reportId, disk.reportId, crash.reportId]);
    expect(await list('occurrences', 'desc')).toEqual([payment.reportId, crash.reportId, disk.reportId]);
    expect(await list('occurrences', 'asc')).toEqual([disk.reportId, crash.reportId, payment.reportId]);
  });

  it('pages with cursors that resume exactly where the last page ended', async () => {
    const h = harness();
    for (const job of ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta']) {
      await ingest(h, `ERROR job ${job} failed\n`);
      h.clock.advance(MINUTE);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await h.stores.reports.listReports(
        query({ sort: 'firstSeen', order: 'asc', limit: 3, cursor }),
      );
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      '000000001',
      '000000002',
      '000000003',
      '000000004',
      '000000005',
      '000000006',
      '000000007',
    ]);
  });

  it('refuses a cursor from another list, another order or another store', async () => {
    const h = harness();
    for (const text of [paymentLog(1), diskLog(90), crashLog(3)]) await ingest(h, text);
    const { nextCursor } = await h.stores.reports.listReports(query({ limit: 1 }));
    expect(nextCursor).not.toBeNull();
    const cursor = nextCursor!;

    await expect(
      h.stores.reports.listReports(query({ limit: 1, order: 'asc', cursor })),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(
      h.stores.reports.listReports(query({ limit: 1, sort: 'firstSeen', cursor })),
    ).rejects.toThrow('invalid or expired cursor');
    await expect(h.stores.reports.listReports(query({ limit: 1, type: 'E', cursor }))).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(harness().stores.reports.listReports(query({ limit: 1, cursor }))).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(
      h.stores.reports.listReports(query({ limit: 1, cursor: `${cursor}x` })),
    ).rejects.toBeInstanceOf(Invalid);
  });

  it('filters by type and by a case-sensitive text in the summary, extract or signature', async () => {
    const h = harness();
    const { payment, disk, crash } = await threeReports(h);
    await fileBugForReport(h.stores, disk.reportId, 'Backup volume fills up', h.clock.now());

    expect(ids(await h.stores.reports.listReports(query({ type: 'C' })))).toEqual([crash.reportId]);
    expect(ids(await h.stores.reports.listReports(query({ q: 'card declined' })))).toEqual([
      payment.reportId,
    ]);
    expect(ids(await h.stores.reports.listReports(query({ q: 'Backup volume' })))).toEqual([disk.reportId]);
    expect(ids(await h.stores.reports.listReports(query({ q: 'backup volume' })))).toEqual([]);
    expect(ids(await h.stores.reports.listReports(query({ q: 'Worker.take' })))).toEqual([crash.reportId]);
  });

  it('lists issues by issue id, never ghosts, by status when asked', async () => {
    const h = harness();
    const { payment, disk, crash } = await threeReports(h);
    await fileBugForReport(h.stores, crash.reportId, 'worker dies', h.clock.now());
    await fileBugForReport(h.stores, payment.reportId, 'declined', h.clock.now());
    await changeStatus(h.stores, crash.issueId, 'Closed', h.clock.now());
    const issues = (overrides: Partial<ListQuery>) =>
      h.stores.reports
        .listIssues(query(overrides))
        .then((page) => page.items.map((report) => report.issueId));

    expect(await issues({ order: 'asc' })).toEqual([payment.issueId, crash.issueId]);
    expect(await issues({ order: 'desc', sort: 'occurrences' })).toEqual([crash.issueId, payment.issueId]);
    expect(await issues({ status: 'Open' })).toEqual([payment.issueId]);
    expect(await issues({ status: 'Closed' })).toEqual([crash.issueId]);
    expect(await issues({ type: 'W' })).toEqual([]);
    expect(disk.status).toBe('Ghost');
  });

  it('answers totals from the counters, by type and status, null once text or type narrows the issues', async () => {
    const h = harness();
    const { payment, crash } = await threeReports(h);
    await fileBugForReport(h.stores, crash.reportId, 'worker dies', h.clock.now());
    await fileBugForReport(h.stores, payment.reportId, 'declined', h.clock.now());
    await changeStatus(h.stores, crash.issueId, 'Closed', h.clock.now());
    const totals = await h.stores.reports.totals();

    expect(totals).toEqual({ reports: 3, byType: { C: 1, E: 1, W: 1 }, issues: { Open: 1, Closed: 1 } });
    expect(reportTotal(totals, query())).toBe(3);
    expect(reportTotal(totals, query({ type: 'W' }))).toBe(1);
    expect(reportTotal(totals, query({ q: 'x' }))).toBeNull();
    expect(issueTotal(totals, query())).toBe(2);
    expect(issueTotal(totals, query({ status: 'Closed' }))).toBe(1);
    expect(issueTotal(totals, query({ type: 'C' }))).toBeNull();

    await deleteIssue(h.stores, crash.issueId);
    expect(await h.stores.reports.totals()).toEqual({
      reports: 2,
      byType: { C: 0, E: 1, W: 1 },
      issues: { Open: 1, Closed: 0 },
    });
  });

  it('leaves a total off by one when its counter fails after the change, never the change itself', async () => {
    const h = harness();
    await ingest(h, paymentLog(1));
    h.faults.failNext('reports.totals-add');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const second = await ingest(h, diskLog(90));
    warn.mockRestore();

    expect(second.isNew).toBe(true);
    expect((await h.stores.reports.totals()).reports).toBe(1);
    expect(h.stores.reports.counted().reports).toBe(2);
  });
});
