/**
 * Report tags in DynamoDB (dynalite through the AWS SDK): counted by nested
 * SETs in the counting write itself, folded past their bound, given to a
 * report stored before tags, and read by the lists' service/environment filter.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Report, tagPanel } from '#lib/model';
import { TagTally } from '#lib/service/tags';
import { TAG_FOLD_AT } from '#lib/store/budgets';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import type { ListQuery } from '#lib/store/ports';
import { ghostReport } from '../helpers/reports.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let store: DynamoReportStore;

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  store = new DynamoReportStore(emulators.ddb, emulators.names.reportsTable, 'tags-test-secret');
}, 60_000);

afterAll(async () => {
  await emulators?.stop();
});

let next = 0;
function report(overrides: Partial<Report> = {}): Report {
  next += 1;
  return ghostReport(
    {
      reportKey: `tags-${next}-${Math.random().toString(16).slice(2)}`,
      reportId: String(200_000_000 + next),
      issueId: String(200_000 + next),
      at: new Date(Date.UTC(2026, 11, 1, 9, 0, next)).toISOString(),
      extract: 'ERROR charge refused',
      signature: '[error]\ncharge refused',
      logSha256: 'e'.repeat(64),
    },
    overrides,
  );
}

function delta(values: Array<Partial<Record<'service' | 'environment' | 'host' | 'logger', string>>>) {
  const tally = new TagTally();
  for (const v of values) tally.add(v);
  return tally.delta();
}

const query = (overrides: Partial<ListQuery>): ListQuery => ({
  sort: 'lastSeen',
  order: 'desc',
  limit: 50,
  ...overrides,
});

describe('report tags in DynamoDB', () => {
  it('adds the tag counts of a request in its counting write, values of any spelling as map keys', async () => {
    const created = report({ tags: { service: { billing: 1 } }, tagsOther: {} });
    expect(await store.create(created)).toBe(true);
    const counted = await store.countOccurrence(
      created.reportKey,
      '2026-12-01T09:05:00.000Z',
      3,
      delta([
        { service: 'billing', host: 'pay-1.eu.example.internal' },
        { service: 'billing', host: 'pay #2 (canary)' },
        { service: 'bïlling-ünicode', environment: 'production', logger: 'billing.charges' },
      ]),
    );
    expect(counted?.occurrences).toBe(4);
    const panel = tagPanel(counted!);
    expect(panel.tags.service).toEqual([
      { value: 'billing', count: 3 },
      { value: 'bïlling-ünicode', count: 1 },
    ]);
    expect(panel.tags.host.map((t) => t.value).sort()).toEqual([
      'pay #2 (canary)',
      'pay-1.eu.example.internal',
    ]);
    expect(panel.tags.environment).toEqual([{ value: 'production', count: 1 }]);
    expect(panel.tags.logger).toEqual([{ value: 'billing.charges', count: 1 }]);
    expect(await store.getByKey(created.reportKey)).toMatchObject({ tags: counted!.tags });
  });

  it('folds a key past its bound to its top values, the rest counted as other', async () => {
    const created = report();
    await store.create(created);
    let latest: Report | null = null;
    for (let round = 0; round < 5; round++) {
      const hosts = [...Array(6)].map((_, i) => ({ host: `node-${round}-${i}` }));
      latest = await store.countOccurrence(
        created.reportKey,
        `2026-12-01T09:1${round}:00.000Z`,
        8,
        delta([{ host: 'node-main' }, { host: 'node-main' }, ...hosts]),
      );
    }
    const stored = (
      await emulators.ddb.send(
        new GetCommand({ TableName: emulators.names.reportsTable, Key: { pk: created.reportKey } }),
      )
    ).Item!;
    expect(Object.keys(stored['tags'].host).length).toBeLessThanOrEqual(TAG_FOLD_AT);
    const panel = tagPanel(latest!);
    expect(panel.tags.host[0]).toEqual({ value: 'node-main', count: 10 });
    const shown = panel.tags.host.reduce((sum, t) => sum + t.count, 0);
    expect(shown + panel.tagsOther.host).toBe(40);
    expect(latest!.occurrences).toBe(41);
  });

  it('gives a report stored before tags its tag maps, then counts', async () => {
    const legacy = report();
    const { tags: _tags, tagsOther: _other, ...item } = { ...legacy, tags: undefined, tagsOther: undefined };
    await emulators.ddb.send(
      new PutCommand({
        TableName: emulators.names.reportsTable,
        Item: { ...item, pk: legacy.reportKey, listKey: 'report', summariesBytes: 0 },
      }),
    );
    const counted = await store.countOccurrence(
      legacy.reportKey,
      '2026-12-01T09:30:00.000Z',
      1,
      delta([{ service: 'ledger' }]),
    );
    expect(counted?.occurrences).toBe(2);
    expect(tagPanel(counted!).tags.service).toEqual([{ value: 'ledger', count: 1 }]);
    expect(
      await store.countOccurrence('no-such-report', '2026-12-01T09:30:00.000Z', 1, delta([{ service: 'x' }])),
    ).toBeNull();
  });

  it('counts the tags of a bug filed with its log in the filing write, on a report stored before tags too', async () => {
    const legacy = report();
    const { tags: _tags, tagsOther: _other, ...item } = { ...legacy, tags: undefined, tagsOther: undefined };
    await emulators.ddb.send(
      new PutCommand({
        TableName: emulators.names.reportsTable,
        Item: { ...item, pk: legacy.reportKey, listKey: 'report', summariesBytes: 0 },
      }),
    );
    const limits = { maxEntries: 50, maxBytes: 65_536 };
    const opened = await store.countWithSummary(
      legacy.reportKey,
      '2026-12-01T09:40:00.000Z',
      { summary: 'Charges refused', logId: '000000777' },
      limits,
      delta([{ service: 'billing', host: 'pay-1' }]),
    );
    expect(opened.kind).toBe('filed');
    const again = await store.countWithSummary(
      legacy.reportKey,
      '2026-12-01T09:41:00.000Z',
      { summary: 'Seen again on pay-2', logId: '000000778' },
      limits,
      delta([{ service: 'billing', host: 'pay-2' }]),
    );
    if (again.kind !== 'filed') throw new Error(`not filed: ${again.kind}`);
    expect(again.report).toMatchObject({ status: 'Open', occurrences: 3 });
    const panel = tagPanel(again.report);
    expect(panel.tags.service).toEqual([{ value: 'billing', count: 2 }]);
    expect(panel.tags.host).toEqual([
      { value: 'pay-1', count: 1 },
      { value: 'pay-2', count: 1 },
    ]);
  });

  it('lists by service and environment, page by page, the cursor bound to the filter', async () => {
    const a = report({ tags: { service: { 'fleet-a': 1 }, environment: { prod: 1 } } });
    const b = report({ tags: { service: { 'fleet-b': 1 }, environment: { prod: 1 } } });
    const c = report({ tags: { service: { 'fleet-a': 1 }, environment: { staging: 1 } } });
    const d = report({ tags: { service: { 'fleet-a': 2 }, environment: { prod: 2 } } });
    for (const r of [a, b, c, d]) await store.create(r);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listReports(
        query({ service: 'fleet-a', limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((r) => r.reportId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([d.reportId, c.reportId, a.reportId]);

    const both = await store.listReports(query({ service: 'fleet-a', environment: 'prod' }));
    expect(both.items.map((r) => r.reportId)).toEqual([d.reportId, a.reportId]);
    const issues = await store.listIssues(query({ service: 'fleet-a' }));
    expect(issues.items).toEqual([]);

    const first = await store.listReports(query({ service: 'fleet-a', limit: 1 }));
    await expect(
      store.listReports(query({ service: 'fleet-b', limit: 1, cursor: first.nextCursor! })),
    ).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});
