/**
 * What a merge moves besides occurrences: the per-day counts (the report
 * page's chart) and the tags panel. The kept report shows the merged
 * report's after a merge; an unmerge takes exactly those back, from wherever
 * the kept report holds them by then.
 */
import { createHash } from 'node:crypto';
import { type MergedCount, type Report, TAG_KEYS, tagPanel } from '#lib/model';
import type { LogEvent } from '#lib/records/model';
import { ingestRecords } from '#lib/service/events';
import { mergedCounts, mergeReport, unmergeReport } from '#lib/service/merge';
import { DAILY_DAYS, TAG_FOLD_AT } from '#lib/store/budgets';
import { applyCounts, PART_ENTRIES, partsOf, takeBack } from '#lib/store/merged-counts';
import { type Harness, harness } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A refused charge, as a JSON logger writes it, from one host of one service. */
const refused = (host: string, order: number, service = 'billing'): LogEvent => ({
  severity: 'error',
  severityText: 'ERROR',
  message: `charge for order ${order} refused by the card network`,
  logger: 'billing.charges',
  context: { order },
  format: 'json',
  service,
  environment: 'production',
  host,
});

/** A stock reservation that timed out, from one host of the shop. */
const expired = (host: string, order: number, environment = 'production'): LogEvent => ({
  severity: 'warning',
  severityText: 'WARN',
  message: `stock reservation for order ${order} expired`,
  logger: 'shop.stock',
  context: { order },
  format: 'json',
  service: 'shop',
  environment,
  host,
});

async function send(h: Harness, records: LogEvent[]): Promise<Report[]> {
  const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
  const body = {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'application/x-ndjson',
  };
  const result = await ingestRecords(h.stores, body, records, h.clock.now());
  return result.reports.map((r) => r.report);
}

const read = async (h: Harness, reportId: string) => (await h.stores.reports.getByReportId(reportId))!;
const counts = (report: Report) => ({
  occurrences: report.occurrences,
  daily: report.daily,
  monthly: report.monthly ?? {},
  ...tagPanel(report),
});
/** A key's counts in a panel, values and other together: what a fold keeps. */
const keyTotal = (report: Report, key: (typeof TAG_KEYS)[number]) =>
  Object.values(report.tags?.[key] ?? {}).reduce((a, b) => a + b, 0) + (report.tagsOther?.[key] ?? 0);

describe('a merge moves per-day counts and tags', () => {
  it("adds the merged report's days and tag values to the kept one, and an unmerge takes exactly them back", async () => {
    const h = harness('2026-11-20T09:00:00.000Z');
    const [charges] = await send(h, [refused('pay-1', 1), refused('pay-2', 2)]);
    h.clock.advance(DAY);
    const [stock] = await send(h, [expired('shop-1', 3), expired('shop-1', 4)]);
    await send(h, [refused('pay-1', 5)]);
    h.clock.advance(DAY);
    await send(h, [expired('shop-2', 6, 'staging')]);
    const keptBefore = counts(await read(h, charges!.reportId));
    const mergedBefore = counts(await read(h, stock!.reportId));

    h.clock.advance(DAY);
    const { kept } = await mergeReport(h.stores, stock!.reportId, charges!.reportId, h.clock.now());
    expect(kept!.occurrences).toBe(6);
    expect(kept!.daily).toEqual({ '2026-11-20': 2, '2026-11-21': 3, '2026-11-22': 1 });
    const panel = tagPanel(kept!);
    expect(panel.tags.service).toEqual([
      { value: 'billing', count: 3 },
      { value: 'shop', count: 3 },
    ]);
    expect(panel.tags.environment).toEqual([
      { value: 'production', count: 5 },
      { value: 'staging', count: 1 },
    ]);
    expect(panel.tags.host.map((t) => [t.value, t.count])).toEqual([
      ['pay-1', 2],
      ['shop-1', 2],
      ['pay-2', 1],
      ['shop-2', 1],
    ]);

    const { report } = await unmergeReport(h.stores, stock!.reportId, h.clock.now());
    expect(counts(await read(h, charges!.reportId))).toEqual(keptBefore);
    expect(counts(report)).toEqual(mergedBefore);
  });

  it('keeps on the kept report what it counted of the merged signature while merged, days and tags alike', async () => {
    const h = harness('2026-11-20T09:00:00.000Z');
    const [charges] = await send(h, [refused('pay-1', 1)]);
    const [stock] = await send(h, [expired('shop-1', 2)]);
    await mergeReport(h.stores, stock!.reportId, charges!.reportId, h.clock.now());
    h.clock.advance(DAY);
    await send(h, [expired('shop-9', 3)]);

    await unmergeReport(h.stores, stock!.reportId, h.clock.now());
    const kept = await read(h, charges!.reportId);
    expect(kept.occurrences).toBe(2);
    expect(kept.daily).toEqual({ '2026-11-20': 1, '2026-11-21': 1 });
    expect(tagPanel(kept).tags.host.map((t) => t.value)).toEqual(['pay-1', 'shop-9']);
    const merged = await read(h, stock!.reportId);
    expect([merged.occurrences, merged.daily]).toEqual([1, { '2026-11-20': 1 }]);
  });

  it('takes back from the tags-other count what a fold moved there, never going below zero', async () => {
    const h = harness();
    const [charges] = await send(
      h,
      Array.from({ length: 15 }, (_, i) => refused(`pay-${i}`, i)),
    );
    const [stock] = await send(
      h,
      Array.from({ length: 10 }, (_, i) => expired(`shop-${i}`, 100 + i)),
    );
    const before = await read(h, charges!.reportId);
    const { kept } = await mergeReport(h.stores, stock!.reportId, charges!.reportId, h.clock.now());
    // 25 hosts are past the fold bound: the kept report holds its top values, the rest as other.
    expect(Object.keys(kept!.tags!.host!).length).toBeLessThanOrEqual(TAG_FOLD_AT);
    expect(keyTotal(kept!, 'host')).toBe(25);

    const after = await read(
      h,
      (await unmergeReport(h.stores, stock!.reportId, h.clock.now())).kept!.reportId,
    );
    for (const key of TAG_KEYS) expect(keyTotal(after, key)).toBe(keyTotal(before, key));
    for (const key of TAG_KEYS) {
      for (const n of Object.values(after.tags?.[key] ?? {})) expect(n).toBeGreaterThan(0);
      expect(after.tagsOther?.[key] ?? 0).toBeGreaterThanOrEqual(0);
    }
    expect(Object.keys(after.tags!.host!).some((host) => host.startsWith('shop-'))).toBe(false);
  });

  it('moves a long history of days in several writes, each a bounded part', () => {
    const merged = {
      daily: Object.fromEntries(
        Array.from({ length: DAILY_DAYS }, (_, i) => [
          new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString().slice(0, 10),
          i + 1,
        ]),
      ),
      monthly: { '2025-11': 40, '2025-12': 7 },
    } as unknown as Report;
    const moved = mergedCounts(merged);
    expect(moved.filter((c) => c.field === 'daily')).toHaveLength(DAILY_DAYS);
    const parts = partsOf(moved);
    expect(parts.length).toBe(Math.ceil(moved.length / PART_ENTRIES));
    expect(parts.flat()).toEqual(moved);
    expect(parts.every((part) => part.length <= PART_ENTRIES)).toBe(true);
  });
});

describe('taking counts back from a kept report that folded since the merge', () => {
  const kept = {
    daily: { '2026-03-02': 5 },
    monthly: { '2026-01': 9 },
    tags: { host: { 'pay-1': 2 } },
    tagsOther: { host: 4 },
  };

  it('takes a day folded into its month from the month, and a folded tag value from other', () => {
    const moved: MergedCount[] = [
      { field: 'daily', key: '2026-01-15', n: 3 },
      { field: 'daily', key: '2026-03-02', n: 2 },
      { field: 'tags', key: 'host', value: 'pay-1', n: 3 },
      { field: 'tags', key: 'host', value: 'shop-1', n: 1 },
    ];
    const taken = takeBack(kept, moved);
    expect(taken).toEqual([
      { field: 'monthly', key: '2026-01', n: 3 },
      { field: 'daily', key: '2026-03-02', n: 2 },
      { field: 'tags', key: 'host', value: 'pay-1', n: 2 },
      { field: 'tagsOther', key: 'host', n: 2 },
    ]);
    expect(applyCounts(kept, taken, -1)).toEqual({
      daily: { '2026-03-02': 3 },
      monthly: { '2026-01': 6 },
      tags: { host: {} },
      tagsOther: { host: 2 },
    });
  });

  it('takes no more than a place holds', () => {
    const taken = takeBack(kept, [
      { field: 'monthly', key: '2026-01', n: 50 },
      { field: 'daily', key: '2026-04-01', n: 1 },
    ]);
    expect(taken).toEqual([{ field: 'monthly', key: '2026-01', n: 9 }]);
  });
});
