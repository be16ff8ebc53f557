/**
 * A hot report's tag counts against dynalite: they ride on its counter items
 * (lib/store/counter-shards.ts) and are folded by generation, so the tags
 * panel stays exact under concurrency while the report's own item is written
 * about once a second, as the capacity meter sees it through the SDK.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Report, TAG_KEYS, type TagDelta, type TagKey } from '#lib/model';
import { foldTags } from '#lib/store/budgets';
import { COUNTER_TAG_VALUES } from '#lib/store/counter-shards';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { ghostReport, meteredReports } from '../helpers/reports.ts';

const fx = meteredReports();

const base = Date.UTC(2026, 10, 7, 9, 0, 0);
const at = (ms: number) => new Date(base + ms).toISOString();

function report(key: string, id: number): Report {
  return ghostReport(
    {
      reportKey: key,
      reportId: String(400000000 + id),
      issueId: String(400000 + id),
      at: at(0),
      extract: 'ERROR payment capture timed out',
      signature: 'error|payment capture timed out',
      logSha256: 'c'.repeat(64),
    },
    { signatureTruncated: false, historyDropped: 0, monthly: {}, ...foldTags({}) },
  );
}

/** A request's tag delta, and what it adds to the expected panel. */
function delta(values: Partial<Record<TagKey, Record<string, number>>>): TagDelta {
  return { values, other: {} };
}

function add(expected: Record<TagKey, Record<string, number>>, tags: TagDelta): void {
  for (const key of TAG_KEYS) {
    for (const [value, n] of Object.entries(tags.values[key] ?? {})) {
      expected[key][value] = (expected[key][value] ?? 0) + n;
    }
  }
}

const stored = async (key: string) =>
  (
    await fx.emulators.ddb.send(
      new GetCommand({ TableName: fx.table, Key: { pk: key }, ConsistentRead: true }),
    )
  ).Item!;

/** Non-zero counts only: the folds keep every key's map, empty or not. */
const named = (tags: Report['tags']) =>
  Object.fromEntries(
    TAG_KEYS.map((key) => [
      key,
      Object.fromEntries(Object.entries(tags?.[key] ?? {}).filter(([, n]) => n > 0)),
    ]),
  );

describe("a hot report's tags", () => {
  it('are exact after 600 concurrent tagged counts over three seconds, the report item written about once a second', async () => {
    const containers = Array.from({ length: 4 }, () => new DynamoReportStore(fx.documents, fx.table, 'hot'));
    const key = 'hot-tagged-key';
    expect(await containers[0]!.create(report(key, 1))).toBe(true);
    fx.meter.reset();

    const expected: Record<TagKey, Record<string, number>> = {
      service: {},
      environment: {},
      host: {},
      logger: {},
    };
    let sent = 0;
    const counts = Array.from({ length: 600 }, (_, i) => {
      const n = 1 + (i % 2);
      sent += n;
      // Every occurrence has a service and a host; only some a logger; two environments, one of them rarer.
      const tags = delta({
        service: { [`checkout-${i % 3}`]: n },
        environment: { [i % 5 === 0 ? 'staging' : 'production']: n },
        host: { [`web-${String(i % 7).padStart(2, '0')}.eu-west-1`]: n },
        ...(i % 4 === 0 ? { logger: { 'payments.capture': n } } : {}),
      });
      add(expected, tags);
      return () =>
        containers[i % 4]!.countOccurrence(key, at(1000 + Math.floor(i / 200) * 1000 + (i % 200)), n, tags);
    });
    await Promise.all(counts.map((count) => count()));

    // The report's item: a mark per container and a fold a second, not a write per tagged count.
    expect(fx.applied.get(key) ?? 0).toBeLessThanOrEqual(4 + 2 * 3);

    const read = await containers[1]!.getByKey(key);
    expect(read!.occurrences).toBe(1 + sent);
    expect(named(read!.tags)).toEqual(expected);
    // Every occurrence's service was named: nothing counted as other.
    expect(read!.tagsOther?.service ?? 0).toBe(0);

    // Every path that reads a report answers the same panel.
    expect(named((await containers[2]!.getByReportId(read!.reportId))!.tags)).toEqual(expected);

    // A count seconds later folds what is left into the item; the panel stays exact, read or stored.
    const last = delta({ service: { 'checkout-0': 1 }, host: { 'web-00.eu-west-1': 1 } });
    add(expected, last);
    await containers[3]!.countOccurrence(key, at(10_000), 1, last);
    const again = await containers[0]!.getByKey(key);
    expect(again!.occurrences).toBe(2 + sent);
    expect(named(again!.tags)).toEqual(expected);
    const item = await stored(key);
    const storedTags = item['tags'] as Report['tags'];
    for (const k of TAG_KEYS) {
      for (const [value, n] of Object.entries(named(storedTags)[k] ?? {})) {
        // What the item holds was counted: a fold never adds a generation twice.
        expect(n).toBeLessThanOrEqual(expected[k][value] ?? 0);
      }
    }
  }, 240_000);

  it("counts values past a counter generation's bound as other, each key's total still exact", async () => {
    // One counter item, so every count of the burst shares one generation.
    const store = new DynamoReportStore(fx.documents, fx.table, 'hot', { counterShards: 1 });
    const key = 'hot-many-hosts-key';
    await store.create(report(key, 2));
    const hosts = COUNTER_TAG_VALUES + 15;
    // Sequential, all within the burst's one second: the first moves lastSeen, the rest go to the counter.
    for (let i = 0; i < hosts; i++) {
      await store.countOccurrence(
        key,
        at(2000 + i),
        1,
        delta({ host: { [`node-${i}`]: 1 }, service: { api: 1 } }),
      );
    }
    const read = await store.getByKey(key);
    expect(read!.occurrences).toBe(1 + hosts);
    const namedHosts = Object.values(named(read!.tags).host ?? {}).reduce((sum, n) => sum + n, 0);
    expect(namedHosts + (read!.tagsOther?.host ?? 0)).toBe(hosts);
    expect(read!.tagsOther?.host ?? 0).toBeGreaterThan(0);
    expect(named(read!.tags).service).toEqual({ api: hosts });
  }, 60_000);
});
