/**
 * The sharded list indexes against dynalite: the same reports stored by a
 * store with one shard and by one with sixteen (each in its own table, made
 * from serverless.yml) give the same pages, in the same order, with the same
 * totals, for every sort, order and filter; and a cursor opens only for its list.
 */
import type { Report, ReportType } from '#lib/model';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import type { ListQuery, PageOf } from '#lib/store/ports';
import { shardOf } from '#lib/store/sharded-list';
import { createResources, readServiceDefinition } from '../../scripts/local-stack.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
const stores: Record<'one' | 'sixteen', DynamoReportStore> = {} as never;
const created: Report[] = [];

const TYPES: ReportType[] = ['C', 'E', 'W'];
const WORDS = ['timeout', 'refused', 'overflow', 'deadlock'];

function report(i: number): Report {
  // Distinct times and counts, in orders unrelated to each other and to the key.
  const first = new Date(Date.UTC(2026, 10, 1, 0, 0, (i * 7) % 41)).toISOString();
  const last = new Date(Date.UTC(2026, 10, 2, 0, (i * 11) % 41, 0)).toISOString();
  const status = i % 5 === 0 ? 'Ghost' : i % 3 === 0 ? 'Closed' : 'Open';
  return {
    reportKey: `${(i * 2654435761) % 4294967296}`.padStart(10, '0') + `-report-${i}`,
    reportId: String(200_000_000 + i),
    issueId: String(200_000 + i),
    type: TYPES[i % 3]!,
    occurrences: 1 + ((i * 13) % 41),
    firstSeen: first,
    lastSeen: last,
    extract: `ERROR worker ${WORDS[i % 4]} in step ${i}`,
    extractTruncated: false,
    signature: `error|worker ${WORDS[i % 4]}`,
    signatureTruncated: false,
    logSha256: 'a'.repeat(64),
    status,
    summary: status === 'Ghost' ? '' : `bug number ${i}`,
    summaries: [],
    history: [{ event: 'created', at: first }],
    historyDropped: 0,
    regressed: false,
    daily: { [first.slice(0, 10)]: 1 },
    monthly: {},
  };
}

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  // A second copy of serverless.yml's tables, under another service name.
  const definition = { ...readServiceDefinition(), service: 'logsift-sharded' };
  const second = await createResources({
    s3Endpoint: emulators.s3Endpoint,
    dynamoEndpoint: emulators.dynamoEndpoint,
    definition,
  });
  stores.one = new DynamoReportStore(emulators.ddb, emulators.names.reportsTable, 'list-secret', {
    listShards: 1,
  });
  stores.sixteen = new DynamoReportStore(emulators.ddb, second.env['REPORTS_TABLE']!, 'list-secret', {
    listShards: 16,
  });
  for (let i = 1; i <= 41; i++) {
    const r = report(i);
    created.push(r);
    await Promise.all([stores.one.create(r), stores.sixteen.create(r)]);
  }
}, 120_000);

afterAll(async () => {
  await emulators?.stop();
});

async function everyPage(
  list: (query: ListQuery) => Promise<PageOf<Report>>,
  query: Omit<ListQuery, 'cursor'>,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, cursor });
    pages.push(page.items.map((r) => r.reportId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

function expected(
  filter: (r: Report) => boolean,
  sort: ListQuery['sort'] | 'issueId',
  order: 'asc' | 'desc',
) {
  const key = (r: Report) => (sort === 'issueId' ? r.issueId : r[sort]);
  const sorted = created.filter(filter).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return (order === 'asc' ? sorted : sorted.reverse()).map((r) => r.reportId);
}

const reportQueries: Array<[string, Omit<ListQuery, 'cursor'>, (r: Report) => boolean]> = [];
for (const sort of ['lastSeen', 'firstSeen', 'occurrences'] as const) {
  for (const order of ['asc', 'desc'] as const) {
    reportQueries.push([`${sort} ${order}`, { sort, order, limit: 7 }, () => true]);
  }
}
reportQueries.push([
  'type C',
  { sort: 'lastSeen', order: 'desc', limit: 4, type: 'C' },
  (r) => r.type === 'C',
]);
reportQueries.push([
  'text search',
  { sort: 'occurrences', order: 'desc', limit: 3, q: 'deadlock' },
  (r) => r.extract.includes('deadlock'),
]);
reportQueries.push([
  'type and text',
  { sort: 'firstSeen', order: 'asc', limit: 2, type: 'E', q: 'timeout' },
  (r) => r.type === 'E' && r.extract.includes('timeout'),
]);

describe('sharded report lists', () => {
  it('spreads the reports over the shards', () => {
    const used = new Set(created.map((r) => shardOf(r.reportKey, 16)));
    expect(used.size).toBeGreaterThan(8);
  });

  it.each(reportQueries)('gives the same pages with 1 and 16 shards: %s', async (_name, query, filter) => {
    const [one, sixteen] = await Promise.all([
      everyPage((q) => stores.one.listReports(q), query),
      everyPage((q) => stores.sixteen.listReports(q), query),
    ]);
    expect(sixteen).toEqual(one);
    expect(one.flat()).toEqual(expected(filter, query.sort, query.order));
    // Full pages but the last (no short page for an unfiltered list).
    if (!query.q && !query.type) for (const page of one.slice(0, -1)) expect(page).toHaveLength(query.limit);
  });

  it('gives the same issue pages with 1 and 16 shards, ghosts left out', async () => {
    for (const status of [undefined, 'Open', 'Closed'] as const) {
      const query = { sort: 'lastSeen' as const, order: 'desc' as const, limit: 5, status };
      const [one, sixteen] = await Promise.all([
        everyPage((q) => stores.one.listIssues(q), query),
        everyPage((q) => stores.sixteen.listIssues(q), query),
      ]);
      expect(sixteen).toEqual(one);
      const wanted = (r: Report) => r.status !== 'Ghost' && (status === undefined || r.status === status);
      expect(one.flat()).toEqual(expected(wanted, 'issueId', 'desc'));
    }
  });

  it('keeps the same totals with 1 and 16 shards', async () => {
    const [one, sixteen] = await Promise.all([stores.one.totals(), stores.sixteen.totals()]);
    expect(sixteen).toEqual(one);
    expect(one.reports).toBe(created.length);
  });

  it('moves a report between the status lists of its shard when its issue closes', async () => {
    const open = created.find((r) => r.status === 'Open')!;
    for (const store of [stores.one, stores.sixteen]) {
      await store.setStatus(
        open.reportKey,
        { issueId: open.issueId, from: 'Open', to: 'Closed' },
        open.lastSeen,
      );
      const closed = (
        await everyPage((q) => store.listIssues(q), {
          sort: 'lastSeen',
          order: 'desc',
          limit: 50,
          status: 'Closed',
        })
      ).flat();
      expect(closed).toContain(open.reportId);
      await store.setStatus(
        open.reportKey,
        { issueId: open.issueId, from: 'Closed', to: 'Open' },
        open.lastSeen,
      );
    }
  });

  it('pages through reports of equal sort values once each', async () => {
    const pages = await everyPage((q) => stores.sixteen.listReports(q), {
      sort: 'occurrences',
      order: 'desc',
      limit: 1,
    });
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(created.map((r) => r.reportId).sort());
  });

  it('refuses a cursor on another list, another filter or another shard count', async () => {
    const page = await stores.sixteen.listReports({ sort: 'lastSeen', order: 'desc', limit: 3 });
    const cursor = page.nextCursor!;
    expect(cursor).toBeTruthy();
    await expect(
      stores.sixteen.listReports({ sort: 'lastSeen', order: 'asc', limit: 3, cursor }),
    ).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(
      stores.sixteen.listReports({ sort: 'lastSeen', order: 'desc', limit: 3, type: 'C', cursor }),
    ).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(
      stores.one.listReports({ sort: 'lastSeen', order: 'desc', limit: 3, cursor }),
    ).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});

describe('resharding stored reports', () => {
  it('moves reports stored unsharded into their shards, after which the sharded lists show them all', async () => {
    const definition = { ...readServiceDefinition(), service: 'logsift-reshard' };
    const third = await createResources({
      s3Endpoint: emulators.s3Endpoint,
      dynamoEndpoint: emulators.dynamoEndpoint,
      definition,
    });
    const table = third.env['REPORTS_TABLE']!;
    const before = new DynamoReportStore(emulators.ddb, table, 'list-secret', { listShards: 1 });
    for (const r of created.slice(0, 12)) await before.create(r);
    const after = new DynamoReportStore(emulators.ddb, table, 'list-secret', { listShards: 16 });
    const query = { sort: 'lastSeen' as const, order: 'desc' as const, limit: 50 };
    expect((await after.listReports(query)).items).toHaveLength(0);
    const issuesBefore = (await everyPage((q) => before.listIssues(q), query)).flat();

    expect(await after.reshardLists()).toBe(12);
    expect((await everyPage((q) => after.listReports(q), query)).flat()).toEqual(
      (await everyPage((q) => stores.one.listReports(q), query))
        .flat()
        .filter((id) => created.slice(0, 12).some((r) => r.reportId === id)),
    );
    expect((await everyPage((q) => after.listIssues(q), query)).flat()).toEqual(issuesBefore);
    expect(await after.reshardLists()).toBe(0);
  });
});
