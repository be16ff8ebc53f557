import { createHash } from 'node:crypto';
import { Report as ReportSchema } from '#lib/contracts/answers';
import { type EventFailure, failureOfEntry } from '#lib/extract/event';
import { Extractor } from '#lib/extract/index';
import { type Report, tagPanel } from '#lib/model';
import type { LogEvent } from '#lib/records/model';
import { ingestEvents, ingestRecords } from '#lib/service/events';
import { ingestLog } from '#lib/service/ingest';
import { TagTally } from '#lib/service/tags';
import { reportView } from '#lib/service/views';
import { foldTags, TAG_FOLD_AT, TAG_VALUE_BYTES, TAG_WRITE_VALUES, TAGS_BYTES } from '#lib/store/budgets';
import { itemSize } from '#lib/store/item-size';
import type { ListQuery, PageOf } from '#lib/store/ports';
import { extracted, type Harness, harness, ingest, MAX_EXTRACT_BYTES, MINUTE } from './helpers.ts';

/** A refused charge as a JSON logger writes it, from one service instance. */
function refused(where: { service?: string; environment?: string; host?: string }, order: number): LogEvent {
  return {
    severity: 'error',
    severityText: 'ERROR',
    message: `charge for order ${order} refused by the card network`,
    logger: 'billing.charges',
    context: { order },
    format: 'json',
    ...where,
  };
}

/** A slow query warning, from a reporting job. */
function slowQuery(where: { service?: string; environment?: string; host?: string }, ms: number): LogEvent {
  return {
    severity: 'warning',
    severityText: 'WARN',
    message: `report query took ${ms} ms`,
    logger: 'reports.sql',
    context: { ms },
    format: 'json',
    ...where,
  };
}

function batch(records: LogEvent[]) {
  const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
  return {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'application/x-ndjson',
  };
}

const send = (h: Harness, records: LogEvent[]) =>
  ingestRecords(h.stores, batch(records), records, h.clock.now());

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  sort: 'lastSeen',
  order: 'desc',
  limit: 50,
  ...overrides,
});
const ids = (page: PageOf<Report>) => page.items.map((report) => report.reportId);

describe('the tags of a report', () => {
  it('counts the service, environment, host and logger of each occurrence on its one report', async () => {
    const h = harness();
    const records = [
      refused({ service: 'billing', environment: 'production', host: 'pay-1' }, 1),
      refused({ service: 'billing', environment: 'production', host: 'pay-2' }, 2),
      refused({ service: 'billing', environment: 'staging', host: 'pay-stage' }, 3),
      refused({ service: 'checkout', environment: 'production', host: 'pay-1' }, 4),
    ];
    const first = await send(h, records);
    expect(first.reports).toHaveLength(1);
    h.clock.advance(MINUTE);
    await send(h, [refused({ service: 'billing', environment: 'production', host: 'pay-3' }, 5)]);

    const report = (await h.stores.reports.getByKey(first.reports[0]!.report.reportKey))!;
    expect(report.occurrences).toBe(5);
    expect(tagPanel(report).tags).toEqual({
      service: [
        { value: 'billing', count: 4 },
        { value: 'checkout', count: 1 },
      ],
      environment: [
        { value: 'production', count: 4 },
        { value: 'staging', count: 1 },
      ],
      host: [
        { value: 'pay-1', count: 2 },
        { value: 'pay-2', count: 1 },
        { value: 'pay-3', count: 1 },
        { value: 'pay-stage', count: 1 },
      ],
      logger: [{ value: 'billing.charges', count: 5 }],
    });
  });

  it('folds the counts into the one counting write per report of a request', async () => {
    const h = harness();
    const records: LogEvent[] = [];
    for (let i = 0; i < 30; i++) {
      records.push(refused({ service: 'billing', host: `pay-${i % 7}` }, i));
      records.push(slowQuery({ service: 'reports', host: `olap-${i % 3}` }, 1000 + i));
    }
    await send(h, records);
    await send(h, records);
    // Two requests, two reports each: four counting writes (the first request's two created).
    expect(h.faults.calls('reports.count')).toBe(4);
    expect(h.faults.calls('reports.create')).toBe(2);
  });

  it('keeps the top values of a key and counts the rest as other, within the budget', async () => {
    const h = harness();
    let key = '';
    for (let round = 0; round < 12; round++) {
      const records: LogEvent[] = [];
      // One host stays frequent; the others are a fleet that keeps changing.
      for (let i = 0; i < 5; i++) records.push(refused({ host: 'pay-main' }, i));
      for (let i = 0; i < 25; i++) records.push(refused({ host: `pay-${round}-${i}` }, i));
      const result = await send(h, records);
      key = result.reports[0]!.report.reportKey;
      const stored = (await h.stores.reports.getByKey(key))!;
      expect(Object.keys(stored.tags?.host ?? {}).length).toBeLessThanOrEqual(TAG_FOLD_AT);
    }
    const report = (await h.stores.reports.getByKey(key))!;
    const panel = tagPanel(report);
    expect(panel.tags.host).toHaveLength(10);
    expect(panel.tags.host[0]).toEqual({ value: 'pay-main', count: 60 });
    const shown = panel.tags.host.reduce((sum, { count }) => sum + count, 0);
    expect(shown + panel.tagsOther.host).toBe(report.occurrences);
    expect(panel.tags.service).toEqual([]);
  });

  it('cuts a long value to its byte budget and keeps an item with full tags within its budget', () => {
    const tally = new TagTally();
    const long = 'ü'.repeat(400);
    for (let i = 0; i < 40; i++) {
      for (const key of ['service', 'environment', 'host', 'logger'] as const)
        tally.add({ [key]: `${i}-${long}` });
    }
    const delta = tally.delta()!;
    for (const value of Object.keys(delta.values.host ?? {}))
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(TAG_VALUE_BYTES);
    expect(Object.keys(delta.values.host ?? {})).toHaveLength(10);
    expect(delta.other.host).toBe(30);

    // The most a stored key holds between folds: TAG_FOLD_AT values plus one write's, each as long as allowed.
    const full: Record<string, number> = {};
    for (let i = 0; i < TAG_FOLD_AT + TAG_WRITE_VALUES; i++)
      full[`${String(i).padStart(4, '0')}${'ü'.repeat(38)}`] = 1e9 + i;
    const stored = {
      tags: { service: full, environment: full, host: full, logger: full },
      tagsOther: { service: 1e9, environment: 1e9, host: 1e9, logger: 1e9 },
    };
    expect(Buffer.byteLength(Object.keys(full)[0]!)).toBe(TAG_VALUE_BYTES);
    expect(itemSize(stored)).toBeLessThanOrEqual(TAGS_BYTES);
    expect(Object.keys(foldTags(stored).tags.host)).toHaveLength(10);
  });

  it('reads a document once: each value its failure records carried counts one occurrence', async () => {
    const h = harness();
    const doc = [
      '{"level":"info","msg":"job started","service":"ledger","env":"production","hostname":"batch-4"}',
      '{"level":"error","msg":"ledger close failed: period locked","service":"ledger","env":"production","hostname":"batch-4"}',
      '',
    ].join('\n');
    const first = await ingest(h, doc);
    await ingest(h, doc.replaceAll('batch-4', 'batch-7'));
    const report = (await h.stores.reports.getByKey(first.report!.reportKey))!;
    expect(report.occurrences).toBe(2);
    const panel = tagPanel(report);
    expect(panel.tags.service).toEqual([{ value: 'ledger', count: 2 }]);
    expect(panel.tags.environment).toEqual([{ value: 'production', count: 2 }]);
    expect(panel.tags.host).toEqual([
      { value: 'batch-4', count: 1 },
      { value: 'batch-7', count: 1 },
    ]);
  });

  it('counts the tags of a bug filed with its log, in the write that files it', async () => {
    const h = harness();
    const doc = (host: string) =>
      `{"level":"error","msg":"ledger close failed: period locked","service":"ledger","hostname":"${host}"}\n`;
    const first = await ingest(h, doc('batch-4'));
    const { bytes, extraction } = extracted(doc('batch-9'));
    const filed = await ingestLog(h.stores, bytes, extraction, h.clock.now(), {
      maxExtractBytes: MAX_EXTRACT_BYTES,
      summary: 'Ledger close fails while the period is locked',
    });
    expect(filed.report).toMatchObject({
      reportKey: first.report!.reportKey,
      status: 'Open',
      occurrences: 2,
    });
    expect(tagPanel(filed.report!).tags.host).toEqual([
      { value: 'batch-4', count: 1 },
      { value: 'batch-9', count: 1 },
    ]);
    expect(h.faults.calls('reports.count')).toBe(1);
  });

  it('takes the host and tag of syslog lines in a text stream as its host and logger', async () => {
    const h = harness();
    const text = [
      '<27>1 2026-12-01T08:00:01Z db-primary-01 postgres 4121 - - could not write block 5512 of temporary file: No space left on device',
      '<30>1 2026-12-01T08:00:02Z db-primary-01 postgres 4121 - - checkpoint complete',
      '<27>1 2026-12-01T08:00:03Z reporting-db postgres 977 - - could not write block 18 of temporary file: No space left on device',
    ].join('\n');
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    const failures: EventFailure[] = [];
    const extractor = new Extractor({ onEntry: (entry) => failures.push(failureOfEntry(entry)) });
    extractor.push(bytes);
    const { sha256 } = extractor.finish();
    const result = await ingestEvents(
      h.stores,
      { bytes, sha256, contentType: 'text/plain' },
      3,
      failures,
      h.clock.now(),
    );
    expect(result.reports).toHaveLength(1);
    const panel = tagPanel(result.reports[0]!.report);
    expect(panel.tags.host).toEqual([
      { value: 'db-primary-01', count: 1 },
      { value: 'reporting-db', count: 1 },
    ]);
    expect(panel.tags.logger).toEqual([{ value: 'postgres', count: 2 }]);
  });

  it('answers the tags in the report JSON, as its schema describes them', async () => {
    const h = harness();
    const result = await send(h, [refused({ service: 'billing', environment: 'production' }, 1)]);
    const view = reportView(result.reports[0]!.report);
    expect(ReportSchema.parse(view)).toEqual(view);
    expect(view.tags.service).toEqual([{ value: 'billing', count: 1 }]);
    expect(view.tagsOther).toEqual({ service: 0, environment: 0, host: 0, logger: 0 });
  });
});

describe('lists filtered by service and environment', () => {
  async function fleet(h: Harness) {
    const a = await send(h, [refused({ service: 'billing', environment: 'production' }, 1)]);
    h.clock.advance(MINUTE);
    const b = await send(h, [slowQuery({ service: 'reports', environment: 'production' }, 900)]);
    h.clock.advance(MINUTE);
    const c = await send(h, [
      {
        ...refused({ service: 'billing', environment: 'staging' }, 2),
        message: 'refund for order 2 refused',
      },
    ]);
    return { a: a.reports[0]!.report, b: b.reports[0]!.report, c: c.reports[0]!.report };
  }

  it('lists only the reports seen with that service, that environment, or both', async () => {
    const h = harness();
    const { a, b, c } = await fleet(h);
    const list = (q: Partial<ListQuery>) => h.stores.reports.listReports(query(q)).then(ids);
    expect(await list({ service: 'billing' })).toEqual([c.reportId, a.reportId]);
    expect(await list({ environment: 'production' })).toEqual([b.reportId, a.reportId]);
    expect(await list({ service: 'billing', environment: 'staging' })).toEqual([c.reportId]);
    expect(await list({ service: 'Billing' })).toEqual([]);
  });

  it('pages a filtered list with a cursor bound to its filter', async () => {
    const h = harness();
    const { a, c } = await fleet(h);
    const first = await h.stores.reports.listReports(query({ service: 'billing', limit: 1 }));
    expect(ids(first)).toEqual([c.reportId]);
    const second = await h.stores.reports.listReports(
      query({ service: 'billing', limit: 1, cursor: first.nextCursor! }),
    );
    expect(ids(second)).toEqual([a.reportId]);
    expect(second.nextCursor).toBeNull();
    await expect(
      h.stores.reports.listReports(query({ service: 'reports', limit: 1, cursor: first.nextCursor! })),
    ).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});
