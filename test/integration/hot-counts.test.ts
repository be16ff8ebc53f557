/**
 * A hot report against dynalite: counts arriving faster than one item takes
 * are exact (counter items folded in on read and by the next count a second
 * later), and the report's item — with its list-index entries — moves at
 * most once a second, as the capacity meter sees it through the SDK.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Report } from '#lib/model';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { ghostReport, meteredReports } from '../helpers/reports.ts';

const fx = meteredReports();

const base = Date.UTC(2026, 10, 5, 12, 0, 0);
const at = (ms: number) => new Date(base + ms).toISOString();

function report(key: string): Report {
  return ghostReport(
    {
      reportKey: key,
      reportId: '300000001',
      issueId: '300001',
      at: at(0),
      extract: 'ERROR hot path',
      signature: 'error|hot path',
      logSha256: 'b'.repeat(64),
    },
    { signatureTruncated: false, historyDropped: 0, monthly: {} },
  );
}

const stored = async (key: string) =>
  (
    await fx.emulators.ddb.send(
      new GetCommand({ TableName: fx.table, Key: { pk: key }, ConsistentRead: true }),
    )
  ).Item!;

describe('a hot report', () => {
  it('counts 900 concurrent occurrences over three seconds exactly, moving its item at most once a second', async () => {
    // Several containers, each with its own store, as Lambda would run them.
    const containers = Array.from({ length: 4 }, () => new DynamoReportStore(fx.documents, fx.table, 'hot'));
    const key = 'hot-report-key';
    expect(await containers[0]!.create(report(key))).toBe(true);
    fx.meter.reset();

    let sent = 0;
    const counts = Array.from({ length: 900 }, (_, i) => {
      const n = 1 + (i % 3);
      sent += n;
      // 300 a second, within seconds 1, 2 and 3 after creation
      return () =>
        containers[i % 4]!.countOccurrence(key, at(1000 + Math.floor(i / 300) * 1000 + (i % 300)), n);
    });
    const answers = await Promise.all(counts.map((count) => count()));
    expect(answers.every((answer) => answer !== null && answer.reportId === '300000001')).toBe(true);

    // The item itself took a few writes, not 900 (a mark per container and a fold a second):
    // the rest went to the counter items. How much the last fold took in depends on timing.
    expect(fx.applied.get(key) ?? 0).toBeLessThanOrEqual(4 + 2 * 3);
    expect(Number((await stored(key))['occurrences'])).toBeLessThanOrEqual(1 + sent);
    const lastSeenMoves = fx.meter.unitsFor(`${fx.table}:reportsByLastSeen`, 'report');
    // Each move of lastSeen is a delete and a put of a small entry (1 WRU each): at most one per second counted in.
    expect(lastSeenMoves).toBeLessThanOrEqual(2 * 3);
    expect(lastSeenMoves).toBeGreaterThan(0);

    const read = await containers[1]!.getByKey(key);
    expect(read!.occurrences).toBe(1 + sent);
    expect(read!.daily[at(0).slice(0, 10)]).toBe(1 + sent);
    // The burst is over, so that read folded the counters into the item: the list indexes see the total too.
    expect(Number((await stored(key))['occurrences'])).toBe(1 + sent);
    expect((await containers[2]!.getByReportId('300000001'))!.occurrences).toBe(1 + sent);

    // A count a second later folds every counter into the item.
    const later = await containers[3]!.countOccurrence(key, at(10_000));
    expect(later!.occurrences).toBe(2 + sent);
    expect(Number((await stored(key))['occurrences'])).toBe(2 + sent);
    expect((await containers[0]!.getByKey(key))!.occurrences).toBe(2 + sent);
  }, 120_000);

  it('counts a cold report on its item at once, with no counter items', async () => {
    const store = new DynamoReportStore(fx.documents, fx.table, 'hot');
    const key = 'cold-report-key';
    await store.create({ ...report(key), reportId: '300000002', issueId: '300002' });
    for (let i = 1; i <= 3; i++) await store.countOccurrence(key, at(i * 5000));
    const item = await stored(key);
    expect(Number(item['occurrences'])).toBe(4);
    expect(item['counters']).toBeUndefined();
    expect(item['lastSeen']).toBe(at(15_000));
  });

  it('drops its counter items with it, so a report made again under its key starts from its own count', async () => {
    const store = new DynamoReportStore(fx.documents, fx.table, 'hot');
    const key = 'deleted-hot-key';
    const first = { ...report(key), reportId: '300000003', issueId: '300003' };
    await store.create(first);
    await Promise.all(Array.from({ length: 20 }, () => store.countOccurrence(key, at(0))));
    expect((await store.getByKey(key))!.occurrences).toBe(21);
    await store.delete(first);
    await store.create({ ...report(key), reportId: '300000004', issueId: '300004' });
    expect((await store.getByKey(key))!.occurrences).toBe(1);
    await store.countOccurrence(key, at(0));
    expect((await store.getByKey(key))!.occurrences).toBe(2);
  });
});
