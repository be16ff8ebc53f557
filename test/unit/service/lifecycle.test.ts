/**
 * The data lifecycle over the in-memory adapters, on a hand-moved clock:
 * retention (expired logs read as absent, the sweeper removes them and their
 * unshared bytes), the race between a sweep and an ingest of the same bytes,
 * deletion on request, kept samples and the scrubbed archive.
 */
import { deleteIssueWithLogs } from '#lib/service/issues';
import { configureLifecycle, deleteLog, firstLogState, sweepExpired } from '#lib/service/lifecycle';
import { mergeReport } from '#lib/service/merge';
import { createUpload, processUpload } from '#lib/service/upload';
import { ManualClock, memoryStores } from '#lib/store/memory/index';
import { DAY, extracted, type Harness, ingest, paymentLog, quietLog } from './helpers.ts';

const RETENTION_DAYS = 90;

function retained(days = RETENTION_DAYS): Harness {
  const clock = new ManualClock('2026-12-01T08:00:00.000Z');
  return { ...memoryStores(clock.now, { days }), clock };
}

afterEach(() => configureLifecycle({ archiveMode: 'raw', keepSamples: 0 }));

describe('retention', () => {
  it('reads a log past retention as absent before any sweep, then sweeps its record and bytes away', async () => {
    const h = retained();
    const { log, report } = await ingest(h, paymentLog(4411));
    const { extraction } = extracted(paymentLog(4411));
    h.clock.advance((RETENTION_DAYS - 1) * DAY);
    expect(await h.stores.logs.get(log.logId)).not.toBeNull();

    h.clock.advance(DAY);
    expect(await h.stores.logs.get(log.logId)).toBeNull();
    expect(h.stores.logs.all()).toHaveLength(1);

    expect(await sweepExpired(h.stores, h.clock.now())).toEqual({ logs: 1, blobs: 1, more: false });
    expect(h.stores.logs.all()).toEqual([]);
    expect(h.stores.archive.blobCount).toBe(0);
    expect(await h.stores.archive.getBlob(extraction.sha256)).toBeNull();
    // The report and its counts stay.
    expect(await h.stores.reports.getByReportId(report!.reportId)).toMatchObject({ occurrences: 1 });
  });

  it('keeps logs forever with retention 0', async () => {
    const h = retained(0);
    const { log } = await ingest(h, paymentLog(4411));
    h.clock.advance(3650 * DAY);
    expect(await h.stores.logs.get(log.logId)).not.toBeNull();
    expect(await sweepExpired(h.stores, h.clock.now())).toEqual({ logs: 0, blobs: 0, more: false });
  });

  it('keeps shared bytes while a younger log of the same bytes is live', async () => {
    const h = retained();
    const text = paymentLog(4411);
    const old = await ingest(h, text);
    h.clock.advance(30 * DAY);
    const young = await ingest(h, text);
    h.clock.advance((RETENTION_DAYS - 30) * DAY);

    expect(await sweepExpired(h.stores, h.clock.now())).toEqual({ logs: 1, blobs: 0, more: false });
    expect(h.stores.logs.all().map((l) => l.logId)).toEqual([young.log.logId]);
    expect(await h.stores.logs.get(old.log.logId)).toBeNull();
    const bytes = await h.stores.archive.getBlob(young.log.sha256);
    expect(bytes?.toString('utf8')).toBe(text);

    h.clock.advance(30 * DAY);
    expect(await sweepExpired(h.stores, h.clock.now())).toEqual({ logs: 1, blobs: 1, more: false });
    expect(h.stores.archive.blobCount).toBe(0);
  });

  it('stops at its budget and says more is left', async () => {
    const h = retained();
    for (let order = 0; order < 5; order++) await ingest(h, paymentLog(1000 + order));
    h.clock.advance((RETENTION_DAYS + 1) * DAY);
    expect(await sweepExpired(h.stores, h.clock.now(), { batch: 2, maxLogs: 3 })).toEqual({
      logs: 3,
      blobs: 3,
      more: true,
    });
    expect(await sweepExpired(h.stores, h.clock.now(), { batch: 2 })).toEqual({
      logs: 2,
      blobs: 2,
      more: false,
    });
  });
});

describe('a sweep racing an ingest of the same bytes', () => {
  // The sweep's release of the last reference takes three steps (decrement,
  // conditional delete of the blob item, delete of the object); the ingest
  // lands between each pair in turn, and its 2xx must stay retrievable.
  it.each([
    ['before the blob item goes', 'archive.release-item'],
    ['after the blob item went, before the object goes', 'archive.delete-blob'],
  ] as const)('keeps the new log retrievable when it lands %s', async (_when, operation) => {
    const h = retained();
    const text = paymentLog(4411);
    const expired = await ingest(h, text);
    h.clock.advance((RETENTION_DAYS + 1) * DAY);

    let raced: Awaited<ReturnType<typeof ingest>> | undefined;
    h.faults.before(operation, async () => {
      raced = await ingest(h, text);
    });
    const swept = await sweepExpired(h.stores, h.clock.now());

    expect(raced).toBeDefined();
    expect(swept.logs).toBe(1);
    expect(await h.stores.logs.get(expired.log.logId)).toBeNull();
    const fresh = await h.stores.logs.get(raced!.log.logId);
    expect(fresh).not.toBeNull();
    expect((await h.stores.archive.getBlob(fresh!.sha256))?.toString('utf8')).toBe(text);
    expect(h.stores.archive.refsOf(fresh!.sha256)).toBe(1);
  });

  it('lets exactly one of two racing sweeps delete a log and release its bytes', async () => {
    const h = retained();
    const text = paymentLog(4411);
    await ingest(h, text);
    const second = await ingest(h, text);
    h.clock.advance(RETENTION_DAYS * DAY);
    const live = await ingest(h, text);
    h.clock.advance(DAY);

    const [a, b] = await Promise.all([
      sweepExpired(h.stores, h.clock.now()),
      sweepExpired(h.stores, h.clock.now()),
    ]);
    expect(a.logs + b.logs).toBe(2);
    expect(await h.stores.logs.get(second.log.logId)).toBeNull();
    expect(h.stores.archive.refsOf(live.log.sha256)).toBe(1);
    expect((await h.stores.archive.getBlob(live.log.sha256))?.toString('utf8')).toBe(text);
  });
});

describe('deletion on request', () => {
  it('deletes a log and its unshared bytes, and says so', async () => {
    const h = retained();
    const { log, report } = await ingest(h, paymentLog(4411));
    expect(await deleteLog(h.stores, log.logId)).toEqual({
      logId: log.logId,
      record: 'deleted',
      blob: 'deleted',
    });
    expect(h.stores.logs.all()).toEqual([]);
    expect(h.stores.archive.blobCount).toBe(0);
    expect(await deleteLog(h.stores, log.logId)).toBeNull();
    expect(await h.stores.reports.getByReportId(report!.reportId)).toMatchObject({ occurrences: 1 });
  });

  it('keeps bytes other logs share, and says how many', async () => {
    const h = retained();
    const text = paymentLog(4411);
    const first = await ingest(h, text);
    await ingest(h, text);
    await ingest(h, text);
    expect(await deleteLog(h.stores, first.log.logId)).toEqual({
      logId: first.log.logId,
      record: 'deleted',
      blob: 'kept',
      sharedWith: 2,
    });
    expect(h.stores.logs.all()).toHaveLength(2);
    expect(h.stores.archive.blobCount).toBe(1);
  });

  it("deletes an issue's report with its logs, and nothing of other reports", async () => {
    const h = retained();
    const a1 = await ingest(h, paymentLog(4411));
    await ingest(h, paymentLog(5522));
    await ingest(h, paymentLog(5522));
    const other = await ingest(h, 'ERROR disk /srv full\n');
    const quiet = await ingest(h, quietLog);

    const { report, logs } = await deleteIssueWithLogs(h.stores, a1.report!.issueId);
    expect(report.reportId).toBe(a1.report!.reportId);
    expect(logs).toEqual({ deleted: 3, blobsDeleted: 2, blobsKept: 1 });
    expect(h.stores.logs.all().map((l) => l.logId)).toEqual([other.log.logId, quiet.log.logId]);
    expect(h.stores.archive.blobCount).toBe(2);
    expect(await h.stores.reports.getByReportId(a1.report!.reportId)).toBeNull();
    expect(await h.stores.reports.getByReportId(other.report!.reportId)).not.toBeNull();
  });
});

describe('many logs', () => {
  it("deletes all of a report's logs, page after page", async () => {
    const h = retained();
    let issueId = '';
    for (let order = 0; order < 230; order++)
      issueId = (await ingest(h, paymentLog(10_000 + order))).report!.issueId;
    const { logs } = await deleteIssueWithLogs(h.stores, issueId);
    expect(logs).toEqual({ deleted: 230, blobsDeleted: 230, blobsKept: 0 });
    expect(h.stores.logs.all()).toEqual([]);
  });

  it('sweeps page after page, beside another sweeper that took some first', async () => {
    const h = retained();
    const ids: string[] = [];
    for (let order = 0; order < 25; order++)
      ids.push((await ingest(h, paymentLog(20_000 + order))).log.logId);
    h.clock.advance((RETENTION_DAYS + 1) * DAY);
    // Another sweeper took the first ten already.
    for (const id of ids.slice(0, 10)) await deleteLog(h.stores, id);
    expect(await sweepExpired(h.stores, h.clock.now(), { batch: 10 })).toEqual({
      logs: 15,
      blobs: 15,
      more: false,
    });
    expect(h.stores.logs.all()).toEqual([]);
  });
});

describe("a report's first log", () => {
  it('is kept, then expired at firstSeen plus retention, or deleted on request', async () => {
    const h = retained();
    const { report } = await ingest(h, paymentLog(4411));
    expect(await firstLogState(h.stores, report!, RETENTION_DAYS, h.clock.now())).toEqual({ state: 'kept' });
    h.clock.advance((RETENTION_DAYS + 2) * DAY);
    // Before any sweep too: an expired record reads as absent.
    expect(await firstLogState(h.stores, report!, RETENTION_DAYS, h.clock.now())).toEqual({
      state: 'expired',
      expiredAt: '2027-03-01T08:00:00.000Z',
    });

    const other = await ingest(h, 'ERROR queue consumer stalled\n');
    await deleteLog(h.stores, other.log.logId);
    expect(await firstLogState(h.stores, other.report!, RETENTION_DAYS, h.clock.now())).toEqual({
      state: 'deleted',
    });
  });
});

describe('deleting a report with its logs after a merge', () => {
  it('deletes the logs of the reports merged into it too', async () => {
    const h = retained();
    const kept = await ingest(h, paymentLog(4411));
    const merged = await ingest(h, 'ERROR disk /srv full\n');
    await mergeReport(h.stores, merged.report!.reportId, kept.report!.reportId, h.clock.now());
    const after = await ingest(h, 'ERROR disk /srv full\n');
    const quiet = await ingest(h, quietLog);

    const { logs } = await deleteIssueWithLogs(h.stores, kept.report!.issueId);
    expect(logs).toMatchObject({ deleted: 3 });
    expect(h.stores.logs.all().map((l) => l.logId)).toEqual([quiet.log.logId]);
    expect(await h.stores.logs.get(after.log.logId)).toBeNull();
  });
});

describe('kept samples', () => {
  it("keeps each report's first KEEP_SAMPLES logs past retention, and no others", async () => {
    configureLifecycle({ archiveMode: 'raw', keepSamples: 2 });
    const h = retained();
    const logs = [];
    for (let order = 0; order < 4; order++) logs.push(await ingest(h, paymentLog(4400 + order)));
    h.clock.advance((RETENTION_DAYS + 1) * DAY);

    expect(await sweepExpired(h.stores, h.clock.now())).toMatchObject({ logs: 2 });
    expect(h.stores.logs.all().map((l) => l.logId)).toEqual([logs[0]!.log.logId, logs[1]!.log.logId]);
    expect(await h.stores.logs.get(logs[0]!.log.logId)).toMatchObject({ sample: true });
  });
});

describe('ARCHIVE_MODE=scrubbed', () => {
  const withSecret = (password: string) =>
    `INFO login for admin\nERROR db connect failed: postgres://app:${password}@db.internal:5432/orders refused\n`;

  it('archives the scrubbed copy under its own hash, shared by logs that differ only in their secrets', async () => {
    configureLifecycle({ archiveMode: 'scrubbed', keepSamples: 0 });
    const h = retained();
    const first = await ingest(h, withSecret('hunter2-first'));
    const second = await ingest(h, withSecret('s3cr3t-second'));

    const stored = await h.stores.archive.getBlob(first.log.sha256);
    expect(stored?.toString('utf8')).toContain('postgres://app:<redacted>@db.internal');
    expect(stored?.toString('utf8')).not.toContain('hunter2');
    expect(second.log.sha256).toBe(first.log.sha256);
    expect(first.log.sha256).not.toBe(extracted(withSecret('hunter2-first')).extraction.sha256);
    expect(h.stores.archive.blobCount).toBe(1);
    expect(h.stores.archive.refsOf(first.log.sha256)).toBe(2);
  });

  it('keeps every byte outside a secret, in UTF-8 and in other encodings', async () => {
    configureLifecycle({ archiveMode: 'scrubbed', keepSamples: 0 });
    const h = retained();
    const latin1 = Buffer.concat([
      Buffer.from('ERROR caf'),
      Buffer.from([0xe9]),
      Buffer.from(' password=tops3cret failed\nINFO déjà vu\n'),
    ]);
    const { ingestLog, extract } = await import('#lib/service/ingest');
    const result = await ingestLog(
      h.stores,
      latin1,
      extract(latin1, { maxExtractBytes: 32_768 }),
      h.clock.now(),
      {
        maxExtractBytes: 32_768,
      },
    );
    const stored = await h.stores.archive.getBlob(result.log.sha256);
    expect(stored).toEqual(
      Buffer.concat([
        Buffer.from('ERROR caf'),
        Buffer.from([0xe9]),
        Buffer.from(' password=<redacted> failed\nINFO déjà vu\n'),
      ]),
    );
  });

  it('stages a streamed upload scrubbed, however its chunks cut the lines', async () => {
    configureLifecycle({ archiveMode: 'scrubbed', keepSamples: 0 });
    const h = retained();
    const deps = {
      stores: h.stores,
      objects: h.objects,
      states: h.states,
      config: { maxUploadBytes: 1 << 24, maxExtractBytes: 32_768, uploadUrlSeconds: 3600 },
      clock: h.clock.now,
    };
    const quiet = Array.from({ length: 4000 }, (_, i) => `INFO request ${i} served`).join('\n');
    const text = `${quiet}\nERROR upstream call failed: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl\n${quiet}\n`;
    const created = await createUpload(deps, h.clock.now());
    h.objects.receive(String(created.body['uploadUrl']), Buffer.from(text));
    const settled = await processUpload(deps, String(created.body['logId']), 60_000);
    expect(settled.kind).toBe('finished');

    const log = await h.stores.logs.get(String(created.body['logId']));
    const stored = (await h.stores.archive.getBlob(log!.sha256))!.toString('utf8');
    expect(stored).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(stored).toContain('Authorization: <redacted>');
    expect(stored.length).toBe(log!.bytes);
    expect(stored.split('\n')).toHaveLength(text.split('\n').length);
    // The same scrubbed bytes, posted, land on the same blob.
    const again = await ingest(h, text);
    expect(again.log.sha256).toBe(log!.sha256);
  });
});
