/**
 * The scheduled fold against dynalite (functions/fold.ts): a hot report whose
 * burst ends with no further count or read still gets its counter items
 * folded into its item — the list indexes' copy — and is unmarked once quiet.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Report, TAG_KEYS } from '#lib/model';
import { foldTags } from '#lib/store/budgets';
import { DynamoReportStore, FOLD_INDEX, FOLD_SHARDS } from '#lib/store/dynamo-reports';
import { foldHandler } from '../../functions/fold.ts';
import { ghostReport, reportsClient } from '../helpers/reports.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let ddb: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  table = emulators.names.reportsTable;
  ddb = emulators.ddb;
}, 60_000);

afterAll(async () => {
  await emulators?.stop();
});

const base = Date.UTC(2026, 10, 9, 16, 0, 0);
const at = (ms: number) => new Date(base + ms).toISOString();

function report(key: string): Report {
  return ghostReport(
    {
      reportKey: key,
      reportId: '500000001',
      issueId: '500001',
      at: at(0),
      extract: 'ERROR ledger sync rejected',
      signature: 'error|ledger sync rejected',
      logSha256: 'd'.repeat(64),
    },
    { signatureTruncated: false, historyDropped: 0, monthly: {}, ...foldTags({}) },
  );
}

const stored = async (key: string) =>
  (await ddb.send(new GetCommand({ TableName: table, Key: { pk: key }, ConsistentRead: true }))).Item!;

/** Every report the fold index holds, all its partitions queried. */
const due = async () => {
  const keys: string[] = [];
  for (let shard = 0; shard < FOLD_SHARDS; shard++) {
    const page = await ddb.send(
      new QueryCommand({
        TableName: table,
        IndexName: FOLD_INDEX,
        KeyConditionExpression: 'foldDue = :due',
        ExpressionAttributeValues: { ':due': `due#${shard}` },
      }),
    );
    keys.push(...(page.Items ?? []).map((item) => String(item['pk'])));
  }
  return keys;
};

describe('the scheduled fold', () => {
  it("folds a burst's counter items into the report's item with no read or count, then unmarks it when quiet", async () => {
    let now = base + 1000;
    const store = new DynamoReportStore(ddb, table, 'fold', { now: () => now });
    const run = foldHandler(store);
    const key = 'burst-then-silence-key';
    await store.create(report(key));
    expect(await run()).toMatchObject({ reports: 0, folded: 0 });

    // A burst within one second: the first count moves the item, the other 40 go to counter items.
    await store.countOccurrence(key, at(1000), 1, { values: { service: { ledger: 1 } }, other: {} });
    for (let i = 1; i <= 40; i++) {
      const host = `db-${i % 4}`;
      await store.countOccurrence(key, at(1000 + i), 2, {
        values: { service: { ledger: 2 }, host: { [host]: 2 } },
        other: {},
      });
    }
    expect(Number((await stored(key))['occurrences'])).toBe(2);
    expect(await due()).toEqual([key]);

    // Seconds later, nobody has read or counted it: the schedule folds it, and keeps the mark (not quiet yet).
    now = base + 5000;
    expect(await run()).toMatchObject({ reports: 1, folded: 1, cleared: 0 });
    const item = await stored(key);
    expect(Number(item['occurrences'])).toBe(82);
    expect(item['lastSeen']).toBe(at(1040));
    expect(item['daily']).toEqual({ [at(0).slice(0, 10)]: 82 });
    const tags = item['tags'] as Report['tags'];
    expect(tags?.service).toEqual({ ledger: 81 });
    expect(tags?.host).toEqual({ 'db-0': 20, 'db-1': 20, 'db-2': 20, 'db-3': 20 });
    for (const k of TAG_KEYS) expect((item['tagsOther'] as Record<string, number>)[k] ?? 0).toBe(0);
    expect(await due()).toEqual([key]);

    // Nothing pending and a minute quiet: unmarked, so the schedule stops reading it.
    now = base + 120_000;
    expect(await run()).toMatchObject({ reports: 1, folded: 0, cleared: 1 });
    expect(await due()).toEqual([]);
    expect(Number((await stored(key))['occurrences'])).toBe(82);
    expect((await store.getByKey(key))!.occurrences).toBe(82);

    // The next burst's first write marks it again.
    now = base + 130_000;
    await store.countOccurrence(key, at(130_000));
    expect(await due()).toEqual([key]);
    expect((await store.getByKey(key))!.occurrences).toBe(83);
  }, 60_000);

  it('reads a report counted within the second once, leaves it, and folds it on a later run', async () => {
    let now = base + 200_000;
    const { client, documents } = reportsClient(emulators);
    const calls: string[] = [];
    client.middlewareStack.add(
      (next, context) => (args) => {
        calls.push(String(context['commandName']));
        return next(args);
      },
      { step: 'initialize', name: 'countCalls' },
    );
    const store = new DynamoReportStore(documents, table, 'fold-recent', { now: () => now });
    const run = foldHandler(store);
    // The tests before leave quiet reports in the index: this run unmarks them.
    await run();
    const key = 'counted-just-now-key';
    await store.create({
      ...report(key),
      reportId: '500000003',
      issueId: '500003',
      firstSeen: at(199_000),
      lastSeen: at(199_000),
    });
    // The first count moves the item (at 200 s); the next ten, within its second, go to counter items.
    await store.countOccurrence(key, at(200_000));
    for (let i = 1; i <= 10; i++) await store.countOccurrence(key, at(200_000 + i));
    expect(await due()).toContain(key);

    // Half a second on, nothing may fold the item yet: one read of it, not of its 16 counter items.
    now = base + 200_500;
    calls.length = 0;
    const early = await run();
    expect(early).toEqual({ reports: 1, folded: 0, cleared: 0, more: false });
    expect(calls.filter((name) => name !== 'QueryCommand')).toEqual(['GetItemCommand']);
    expect(Number((await stored(key))['occurrences'])).toBe(2);

    // Once the second is over, the run folds what the counter items hold.
    now = base + 202_000;
    expect(await run()).toMatchObject({ folded: 1 });
    expect(Number((await stored(key))['occurrences'])).toBe(12);
    documents.destroy();
  }, 60_000);

  it('leaves a report that was never hot out of its index', async () => {
    const store = new DynamoReportStore(ddb, table, 'fold');
    const key = 'never-hot-key';
    await store.create({ ...report(key), reportId: '500000002', issueId: '500002' });
    await store.countOccurrence(key, at(10_000));
    await store.countOccurrence(key, at(20_000));
    expect(await due()).not.toContain(key);
    expect((await stored(key))['foldDue']).toBeUndefined();
  });
});
