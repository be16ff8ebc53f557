/**
 * A merge's per-day and tag counts in DynamoDB (dynalite through the AWS
 * SDK): added to the kept report by nested SETs, a long history of days in
 * several bounded writes, taken back by an unmerge from where the kept
 * report holds them (a day it folded into its month), on an item stored
 * before tags and months too.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Report, tagPanel } from '#lib/model';
import { mergeReport, unmergeReport } from '#lib/service/merge';
import { TagTally } from '#lib/service/tags';
import { DAILY_DAYS } from '#lib/store/budgets';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { PART_ENTRIES } from '#lib/store/merged-counts';
import type { Stores } from '#lib/store/ports';
import { ghostReport } from '../helpers/reports.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let store: DynamoReportStore;
/** Merging touches reports only. */
let stores: Stores;

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  store = new DynamoReportStore(emulators.ddb, emulators.names.reportsTable, 'merge-counts-secret');
  stores = { reports: store } as Partial<Stores> as Stores;
}, 60_000);

afterAll(async () => {
  await emulators?.stop();
});

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString().slice(0, 10);

let next = 0;
function report(overrides: Partial<Report> = {}): Report {
  next += 1;
  return ghostReport(
    {
      reportKey: `merge-counts-${next}-${Math.random().toString(16).slice(2)}`,
      reportId: String(300_000_000 + next),
      issueId: String(300_000 + next),
      at: new Date(Date.UTC(2026, 11, 1, 9, 0, next)).toISOString(),
      extract: 'ERROR replica fell behind',
      signature: `[error]\nreplica fell behind ${next}`,
      logSha256: 'd'.repeat(64),
    },
    overrides,
  );
}

function tagsOf(values: Array<Partial<Record<'service' | 'environment' | 'host' | 'logger', string>>>) {
  const tally = new TagTally();
  for (const v of values) tally.add(v);
  const delta = tally.delta()!;
  return { tags: delta.values, tagsOther: delta.other };
}

const sum = (map: Record<string, number> | undefined) => Object.values(map ?? {}).reduce((a, b) => a + b, 0);
const stored = async (r: Report) => (await store.getByKey(r.reportKey))!;
const shape = (r: Report) => ({
  occurrences: r.occurrences,
  daily: r.daily,
  monthly: r.monthly ?? {},
  ...tagPanel(r),
});

describe("a merge's counts in DynamoDB", () => {
  it('adds days and tag values to the kept report, and an unmerge gives back exactly what it had', async () => {
    const kept = report({
      occurrences: 3,
      daily: { '2026-11-30': 1, '2026-12-01': 2 },
      ...tagsOf([
        { service: 'db', host: 'pg-1' },
        { service: 'db', host: 'pg-1' },
        { service: 'db', host: 'pg-2' },
      ]),
    });
    const merged = report({
      occurrences: 2,
      daily: { '2026-12-01': 1, '2026-12-02': 1 },
      ...tagsOf([
        { service: 'api', host: 'pg-1' },
        { service: 'api', environment: 'staging' },
      ]),
    });
    expect(await store.create(kept)).toBe(true);
    expect(await store.create(merged)).toBe(true);
    const before = shape(await stored(kept));

    const outcome = await mergeReport(
      stores,
      merged.reportId,
      kept.reportId,
      new Date('2026-12-02T10:00:00Z'),
    );
    const after = await stored(kept);
    expect(outcome.kept!.occurrences).toBe(5);
    expect(after.daily).toEqual({ '2026-11-30': 1, '2026-12-01': 3, '2026-12-02': 1 });
    const panel = tagPanel(after);
    expect(panel.tags.service).toEqual([
      { value: 'db', count: 3 },
      { value: 'api', count: 2 },
    ]);
    expect(panel.tags.host).toEqual([
      { value: 'pg-1', count: 3 },
      { value: 'pg-2', count: 1 },
    ]);
    expect(panel.tags.environment).toEqual([{ value: 'staging', count: 1 }]);

    await unmergeReport(stores, merged.reportId, new Date('2026-12-02T11:00:00Z'));
    expect(shape(await stored(kept))).toEqual(before);
    expect((await stored(kept)).mergedFrom).toBeUndefined();
  });

  it('moves a long history in bounded writes and takes back days the kept report folded into months', async () => {
    const days = DAILY_DAYS + 10;
    const daily = Object.fromEntries(Array.from({ length: days }, (_, i) => [dayOf(i), 1 + (i % 3)]));
    const merged = report({ occurrences: sum(daily) + 4, daily, monthly: { '2025-12': 4 } });
    const kept = report({ occurrences: 2, daily: { '2026-12-01': 2 } });
    expect(await store.create(kept)).toBe(true);
    expect(await store.create(merged)).toBe(true);
    // Created, the merged report keeps its last DAILY_DAYS days; the rest are in its months.
    const mergedStored = await stored(merged);
    const places = Object.keys(mergedStored.daily).length + Object.keys(mergedStored.monthly ?? {}).length;
    expect(places).toBeGreaterThan(2 * PART_ENTRIES);
    const before = shape(await stored(kept));

    const { kept: merging } = await mergeReport(stores, merged.reportId, kept.reportId, new Date());
    expect(merging!.mergedFrom).toEqual([
      expect.objectContaining({
        reportId: merged.reportId,
        parts: Math.ceil(places / PART_ENTRIES),
        moved: Math.ceil(places / PART_ENTRIES),
      }),
    ]);
    const after = await stored(kept);
    expect(after.occurrences).toBe(2 + merged.occurrences);
    // Every count arrived, and the kept report folded its own days past its bound.
    expect(sum(after.daily) + sum(after.monthly)).toBe(after.occurrences);
    expect(Object.keys(after.daily)).toHaveLength(DAILY_DAYS);
    expect(after.monthly?.['2026-01']).toBeGreaterThan(0);

    await unmergeReport(stores, merged.reportId, new Date());
    expect(shape(await stored(kept))).toEqual(before);
    expect(shape(await stored(merged))).toEqual(shape(mergedStored));
  });

  it('gives an item stored before tags and months the maps its merge adds under', async () => {
    const kept = report({ occurrences: 1 });
    expect(await store.create(kept)).toBe(true);
    // The item as an older version wrote it: no tags, no tag other counts, no months.
    const { tags: _t, tagsOther: _o, monthly: _m, ...old } = kept;
    await emulators.ddb.send(
      new PutCommand({
        TableName: emulators.names.reportsTable,
        Item: { ...old, pk: kept.reportKey, listKey: 'report', summariesBytes: 0 },
      }),
    );
    const merged = report({
      occurrences: 3,
      daily: { '2026-12-01': 1 },
      monthly: { '2026-06': 2 },
      ...tagsOf([{ logger: 'replication' }]),
    });
    expect(await store.create(merged)).toBe(true);

    await mergeReport(stores, merged.reportId, kept.reportId, new Date());
    const after = await stored(kept);
    expect(after.occurrences).toBe(4);
    expect(after.monthly).toEqual({ '2026-06': 2 });
    expect(tagPanel(after).tags.logger).toEqual([{ value: 'replication', count: 1 }]);

    await unmergeReport(stores, merged.reportId, new Date());
    const back = await stored(kept);
    expect([back.occurrences, back.daily, back.monthly]).toEqual([1, kept.daily, {}]);
    expect(tagPanel(back).tags.logger).toEqual([]);
  });
});
