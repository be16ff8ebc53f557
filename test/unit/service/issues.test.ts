import { Conflict, NotFound, Unprocessable } from '#lib/errors';
import { changeStatus, deleteIssue, fileBugForReport, fileBugWithLog, findIssue } from '#lib/service/issues';
import { MAX_EXTRA_SUMMARIES, SUMMARIES_BYTES, summaryEntryBytes } from '#lib/store/budgets';
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
  quietLog,
} from './helpers.ts';

function fileWithLog(h: Harness, text: string, summary: string) {
  const { bytes, extraction } = extracted(text);
  return fileBugWithLog(h.stores, bytes, extraction, summary, h.clock.now(), MAX_EXTRACT_BYTES);
}

const eventsOf = (report: { history: { event: string }[] }) => report.history.map((entry) => entry.event);

describe('filing a bug', () => {
  it('opens a new issue with the summary when the log is a new failure', async () => {
    const h = harness();
    const filed = await fileWithLog(h, crashLog(40), 'worker dies when the queue closes');

    expect(filed.ingest?.isNew).toBe(true);
    expect(filed.report).toMatchObject({
      status: 'Open',
      summary: 'worker dies when the queue closes',
      type: 'C',
      occurrences: 1,
      summaries: [],
    });
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 1, Closed: 0 });
  });

  it('upgrades the ghost of a known failure to Open and counts the log it came with', async () => {
    const h = harness();
    const ghost = await ingest(h, paymentLog(1));
    h.clock.advance(MINUTE);
    const filed = await fileWithLog(h, paymentLog(2), 'cards are declined at checkout');

    expect(filed.report).toMatchObject({
      issueId: ghost.report?.issueId,
      status: 'Open',
      summary: 'cards are declined at checkout',
      occurrences: 2,
    });
    expect(eventsOf(filed.report)).toEqual(['created', 'upgraded']);
    expect(filed.ingest?.log.reportId).toBe(ghost.report?.reportId);
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 1, Closed: 0 });
  });

  it('keeps a later summary beside the first, with the log it came with', async () => {
    const h = harness();
    await fileWithLog(h, paymentLog(1), 'first words');
    h.clock.advance(MINUTE);
    const again = await fileWithLog(h, paymentLog(2), 'second words');

    expect(again.report.summary).toBe('first words');
    expect(again.report.summaries).toEqual([
      { summary: 'second words', at: '2026-12-01T08:01:00.000Z', logId: again.ingest?.log.logId },
    ]);
    expect(again.report.occurrences).toBe(2);
    expect(eventsOf(again.report)).toEqual(['created', 'summary-added']);
  });

  it('refuses a log without failures before writing anything', async () => {
    const h = harness();
    await expect(fileWithLog(h, quietLog, 'nothing fails')).rejects.toMatchObject({
      constructor: Unprocessable,
      code: 'no_failure',
    });
    expect(h.faults.totalCalls()).toBe(0);
  });

  it('files against a known report by its id without counting an occurrence', async () => {
    const h = harness();
    const ghost = await ingest(h, diskLog(91));
    const filed = await fileBugForReport(
      h.stores,
      ghost.report!.reportId,
      'backup disk fills',
      h.clock.now(),
    );

    expect(filed.ingest).toBeNull();
    expect(filed.report).toMatchObject({ status: 'Open', summary: 'backup disk fills', occurrences: 1 });
    const again = await fileBugForReport(h.stores, ghost.report!.reportId, 'again', h.clock.now());
    expect(again.report.summaries).toEqual([
      { summary: 'again', at: '2026-12-01T08:00:00.000Z', logId: null },
    ]);
  });

  it('answers not found for an unknown report id', async () => {
    const h = harness();
    await expect(fileBugForReport(h.stores, '000000042', 'x', h.clock.now())).rejects.toBeInstanceOf(
      NotFound,
    );
  });

  it('does not file on a report deleted and created again under the same key in between', async () => {
    const h = harness();
    const old = await ingest(h, diskLog(91));
    let refiled: Awaited<ReturnType<typeof ingest>> | undefined;
    h.faults.before('reports.summary', async () => {
      await deleteIssue(h.stores, old.report!.issueId);
      refiled = await ingest(h, diskLog(93));
    });

    await expect(
      fileBugForReport(h.stores, old.report!.reportId, 'too late', h.clock.now()),
    ).rejects.toBeInstanceOf(NotFound);
    const current = await h.stores.reports.getByKey(old.report!.reportKey);
    expect(current).toMatchObject({ reportId: refiled?.report?.reportId, status: 'Ghost', summary: '' });
    expect(current?.reportId).not.toBe(old.report!.reportId);
  });

  it(`refuses a summary past the ${MAX_EXTRA_SUMMARIES} further ones, with a log or without, and stores nothing`, async () => {
    const h = harness();
    const first = await fileWithLog(h, paymentLog(1), 'opened');
    const reportId = first.report.reportId;
    for (let i = 0; i < MAX_EXTRA_SUMMARIES; i++) {
      await fileBugForReport(h.stores, reportId, `summary ${i}`, h.clock.now());
    }
    await expect(fileBugForReport(h.stores, reportId, 'one too many', h.clock.now())).rejects.toBeInstanceOf(
      Conflict,
    );

    const logsBefore = h.stores.logs.all().length;
    const blobsBefore = h.stores.archive.blobCount;
    await expect(fileWithLog(h, paymentLog(2), 'one too many')).rejects.toThrow(
      `already holds ${MAX_EXTRA_SUMMARIES} further summaries`,
    );
    const report = await h.stores.reports.getByReportId(reportId);
    expect(report?.summaries).toHaveLength(MAX_EXTRA_SUMMARIES);
    expect(report?.occurrences).toBe(1);
    expect(h.stores.logs.all()).toHaveLength(logsBefore);
    expect(h.stores.archive.blobCount).toBe(blobsBefore);
  });

  it('refuses a summary once the further ones fill their bytes', async () => {
    const h = harness();
    const { report } = await fileWithLog(h, paymentLog(1), 'opened');
    const long = '\u{1F4A5}'.repeat(2000); // 2,000 characters of 4 bytes each
    let kept = 0;
    for (;;) {
      try {
        await fileBugForReport(h.stores, report.reportId, long, h.clock.now());
        kept += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(Conflict);
        expect((error as Error).message).toContain(`fill its ${SUMMARIES_BYTES} bytes`);
        break;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(MAX_EXTRA_SUMMARIES);
    const entryBytes = summaryEntryBytes({ summary: long, at: h.clock.now().toISOString(), logId: null });
    expect(kept).toBe(Math.floor(SUMMARIES_BYTES / entryBytes));
  });

  it('undoes the log record of a bug whose issue filled up while it was being archived', async () => {
    const h = harness();
    const { report } = await fileWithLog(h, paymentLog(1), 'opened');
    for (let i = 0; i < MAX_EXTRA_SUMMARIES - 1; i++) {
      await fileBugForReport(h.stores, report.reportId, `summary ${i}`, h.clock.now());
    }
    // Room for one when the filing checks; another filing takes it before the count.
    h.faults.before('reports.summary', async () => {
      await fileBugForReport(h.stores, report.reportId, 'the last one', h.clock.now());
    });
    await expect(fileWithLog(h, paymentLog(2), 'lost the race')).rejects.toBeInstanceOf(Conflict);

    const after = await h.stores.reports.getByReportId(report.reportId);
    expect(after?.occurrences).toBe(1);
    expect(after?.summaries.at(-1)?.summary).toBe('the last one');
    expect(h.stores.logs.all().map((log) => log.logId)).toEqual([report.reportId]);
  });
});

describe('changing an issue status', () => {
  async function openIssue(h: Harness) {
    return (await fileWithLog(h, crashLog(40), 'worker dies')).report;
  }

  it('closes and reopens an issue, recording each change and moving the totals', async () => {
    const h = harness();
    const issue = await openIssue(h);
    h.clock.advance(MINUTE);
    const closed = await changeStatus(h.stores, issue.issueId, 'Closed', h.clock.now());
    expect(closed.status).toBe('Closed');
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 0, Closed: 1 });

    h.clock.advance(MINUTE);
    const reopened = await changeStatus(h.stores, issue.issueId, 'Open', h.clock.now());
    expect(reopened.status).toBe('Open');
    expect(reopened.history).toEqual([
      { event: 'created', at: '2026-12-01T08:00:00.000Z' },
      { event: 'closed', at: '2026-12-01T08:01:00.000Z' },
      { event: 'reopened', at: '2026-12-01T08:02:00.000Z' },
    ]);
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 1, Closed: 0 });
  });

  it('records nothing when the issue already has the status asked for', async () => {
    const h = harness();
    const issue = await openIssue(h);
    const same = await changeStatus(h.stores, issue.issueId, 'Open', h.clock.now());
    expect(eventsOf(same)).toEqual(['created']);
    expect(h.faults.calls('reports.status')).toBe(0);
  });

  it('refuses to change the status of a ghost', async () => {
    const h = harness();
    const ghost = await ingest(h, paymentLog(3));
    await expect(
      changeStatus(h.stores, ghost.report!.issueId, 'Closed', h.clock.now()),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await findIssue(h.stores, ghost.report!.issueId)).toMatchObject({
      status: 'Ghost',
      history: [{ event: 'created' }],
    });
  });

  it('answers not found for an unknown or deleted issue', async () => {
    const h = harness();
    const issue = await openIssue(h);
    await deleteIssue(h.stores, issue.issueId);
    await expect(changeStatus(h.stores, issue.issueId, 'Closed', h.clock.now())).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(changeStatus(h.stores, '000999', 'Closed', h.clock.now())).rejects.toBeInstanceOf(NotFound);
    expect(await h.stores.reports.totals()).toEqual(h.stores.reports.counted());
  });

  it('does not change the new issue when the old one is deleted and its failure filed again mid-request', async () => {
    const h = harness();
    const old = await openIssue(h);
    let renewed: Awaited<ReturnType<typeof fileWithLog>> | undefined;
    h.faults.before('reports.status', async () => {
      await deleteIssue(h.stores, old.issueId);
      renewed = await fileWithLog(h, crashLog(41), 'worker dies, again');
    });

    await expect(changeStatus(h.stores, old.issueId, 'Closed', h.clock.now())).rejects.toBeInstanceOf(
      NotFound,
    );
    const current = await h.stores.reports.getByKey(old.reportKey);
    expect(current?.issueId).toBe(renewed?.report.issueId);
    expect(current?.issueId).not.toBe(old.issueId);
    expect(current).toMatchObject({ status: 'Open', summary: 'worker dies, again' });
    expect(eventsOf(current!)).toEqual(['created']);
  });

  it('records one change when two requests close the same issue at once', async () => {
    const h = harness();
    const issue = await openIssue(h);
    const [a, b] = await Promise.all([
      changeStatus(h.stores, issue.issueId, 'Closed', h.clock.now()),
      changeStatus(h.stores, issue.issueId, 'Closed', h.clock.now()),
    ]);
    expect([a.status, b.status]).toEqual(['Closed', 'Closed']);
    expect(eventsOf(await findIssue(h.stores, issue.issueId))).toEqual(['created', 'closed']);
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 0, Closed: 1 });
  });
});

describe('regression', () => {
  it('reopens a closed issue when its failure comes back, marks it regressed and records it', async () => {
    const h = harness();
    const { report } = await fileWithLog(h, paymentLog(1), 'declined');
    h.clock.advance(MINUTE);
    await changeStatus(h.stores, report.issueId, 'Closed', h.clock.now());
    h.clock.advance(MINUTE);
    const back = await ingest(h, paymentLog(2));

    expect(back.isNew).toBe(false);
    expect(back.report).toMatchObject({ status: 'Open', regressed: true, occurrences: 2 });
    expect(back.report?.history).toEqual([
      { event: 'created', at: '2026-12-01T08:00:00.000Z' },
      { event: 'closed', at: '2026-12-01T08:01:00.000Z' },
      { event: 'regressed', at: '2026-12-01T08:02:00.000Z' },
    ]);
    expect((await h.stores.reports.totals()).issues).toEqual({ Open: 1, Closed: 0 });
  });

  it('clears the regressed mark when the issue is closed again', async () => {
    const h = harness();
    const { report } = await fileWithLog(h, paymentLog(1), 'declined');
    await changeStatus(h.stores, report.issueId, 'Closed', h.clock.now());
    await ingest(h, paymentLog(2));
    const closed = await changeStatus(h.stores, report.issueId, 'Closed', h.clock.now());
    expect(closed).toMatchObject({ status: 'Closed', regressed: false });
  });

  it('leaves open issues and ghosts as they are', async () => {
    const h = harness();
    const ghost = await ingest(h, diskLog(90));
    await fileWithLog(h, paymentLog(1), 'declined');
    const ghostAgain = await ingest(h, diskLog(97));
    const openAgain = await ingest(h, paymentLog(2));
    expect(ghostAgain.report).toMatchObject({
      issueId: ghost.report?.issueId,
      status: 'Ghost',
      regressed: false,
    });
    expect(openAgain.report).toMatchObject({ status: 'Open', regressed: false });
    expect(h.faults.calls('reports.regress')).toBe(0);
  });

  it('counts the log when reopening fails, and reopens on the next occurrence', async () => {
    const h = harness();
    const { report } = await fileWithLog(h, paymentLog(1), 'declined');
    await changeStatus(h.stores, report.issueId, 'Closed', h.clock.now());
    h.faults.failNext('reports.regress');
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const counted = await ingest(h, paymentLog(2));
    error.mockRestore();
    expect(counted.report).toMatchObject({ status: 'Closed', occurrences: 2 });

    const next = await ingest(h, paymentLog(3));
    expect(next.report).toMatchObject({ status: 'Open', regressed: true, occurrences: 3 });
  });
});
