/**
 * The S3 and DynamoDB adapters against the real emulators (s3rver, dynalite)
 * through the AWS SDK: what each storage call really does.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Report, SummaryEntry } from '#lib/model';
import { SUMMARY_LIMITS } from '#lib/service/ingest';
import { foldTags, summariesBytes } from '#lib/store/budgets';
import { DynamoIdAllocator } from '#lib/store/dynamo-ids';
import { DynamoLogIndex } from '#lib/store/dynamo-logs';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { StorageError } from '#lib/store/errors';
import { S3LogArchive } from '#lib/store/s3-archive';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let names: { bucket: string; logsTable: string; reportsTable: string; metaTable: string };

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  const env = emulators.resources.env;
  names = {
    bucket: env['LOGSIFT_BUCKET']!,
    logsTable: env['LOGS_TABLE']!,
    reportsTable: env['REPORTS_TABLE']!,
    metaTable: env['META_TABLE']!,
  };
}, 60_000);

afterAll(async () => {
  await emulators?.stop();
});

let next = 0;
function report(overrides: Partial<Report> = {}): Report {
  next += 1;
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, next)).toISOString();
  return {
    reportKey: `key-${next}-${Math.random().toString(16).slice(2)}`,
    reportId: String(100_000_000 + next),
    issueId: String(100_000 + next),
    type: 'E',
    occurrences: 1,
    firstSeen: at,
    lastSeen: at,
    extract: 'ERROR something',
    extractTruncated: false,
    signature: 'ERROR something',
    signatureTruncated: false,
    logSha256: 'f'.repeat(64),
    status: 'Ghost',
    summary: '',
    summaries: [],
    history: [{ event: 'created', at }],
    historyDropped: 0,
    regressed: false,
    daily: { [at.slice(0, 10)]: 1 },
    monthly: {},
    // A report is stored with a map per tag key, empty until an occurrence names one.
    ...foldTags({}),
    ...overrides,
  };
}

describe('S3LogArchive', () => {
  const objectsOf = async (sha: string) =>
    (
      await emulators.s3.send(new ListObjectsV2Command({ Bucket: names.bucket, Prefix: `blobs/${sha}` }))
    ).Contents?.map((object) => object.Key!) ?? [];
  const blobItem = async (sha: string) =>
    (
      await emulators.ddb.send(
        new GetCommand({ TableName: names.metaTable, Key: { pk: `blob#${sha}` }, ConsistentRead: true }),
      )
    ).Item;

  it('stores identical bytes once, gzip-compressed, and gives them back exactly', async () => {
    const archive = new S3LogArchive(emulators.s3, names.bucket, emulators.ddb, names.metaTable, {
      inlineBytes: 0,
    });
    const bytes = Buffer.concat([Buffer.from('line\n'.repeat(1000)), Buffer.from([0, 0xff, 0xfe])]);
    const sha = 'a'.repeat(64);
    await archive.putBlob(sha, bytes);
    await archive.putBlob(sha, bytes);
    const listed = await emulators.s3.send(
      new ListObjectsV2Command({ Bucket: names.bucket, Prefix: `blobs/${sha}` }),
    );
    expect(listed.KeyCount).toBe(1);
    expect(listed.Contents?.[0]?.Key).toMatch(new RegExp(`^blobs/${sha}\\.[0-9a-z]+\\.gz$`));
    const stored = await emulators.s3.send(
      new GetObjectCommand({ Bucket: names.bucket, Key: listed.Contents![0]!.Key! }),
    );
    const compressed = Buffer.from(await stored.Body!.transformToByteArray());
    expect(compressed.length).toBeLessThan(bytes.length / 10);
    expect(gunzipSync(compressed).equals(bytes)).toBe(true);
    expect((await archive.getBlob(sha))!.equals(bytes)).toBe(true);
  });

  it('keeps a small body in its blob item, once, and a bigger one in S3 (INLINE_LOG_BYTES)', async () => {
    const archive = new S3LogArchive(emulators.s3, names.bucket, emulators.ddb, names.metaTable, {
      inlineBytes: 2048,
    });
    const small = Buffer.from(
      Array.from(
        { length: 40 },
        (_, i) => `2026-12-01T10:00:${String(i).padStart(2, '0')}Z ERROR job ${i * 7919} failed\n`,
      ).join(''),
    );
    const sha = 'd'.repeat(63) + '1';
    await archive.putBlob(sha, small);
    // From another container too: the second reference finds the body in the item.
    await new S3LogArchive(emulators.s3, names.bucket, emulators.ddb, names.metaTable).putBlob(sha, small);
    expect(await objectsOf(sha)).toEqual([]);
    const item = await blobItem(sha);
    expect(item?.['refs']).toBe(2);
    expect(gunzipSync(item?.['body'] as Uint8Array).equals(small)).toBe(true);
    expect((await archive.getBlob(sha))!.equals(small)).toBe(true);

    // Random bytes do not compress: over the bound, they go to S3 and the item holds no body.
    const big = randomBytes(4096);
    const bigSha = 'd'.repeat(63) + '2';
    await archive.putBlob(bigSha, big);
    expect(await objectsOf(bigSha)).toHaveLength(1);
    expect(await blobItem(bigSha)).not.toHaveProperty('body');
    expect((await archive.getBlob(bigSha))!.equals(big)).toBe(true);

    // The last release deletes the item, body and all.
    expect(await archive.release(sha)).toEqual({ deleted: false, refs: 1 });
    expect((await archive.getBlob(sha))!.equals(small)).toBe(true);
    expect(await archive.release(sha)).toEqual({ deleted: true });
    expect(await blobItem(sha)).toBeUndefined();
    expect(await archive.getBlob(sha)).toBeNull();
  });

  it('serves an inline body by a presigned URL as the original bytes', async () => {
    const archive = new S3LogArchive(emulators.s3, names.bucket, emulators.ddb, names.metaTable);
    const bytes = Buffer.from('ERROR a small log served by URL\n');
    const sha = 'd'.repeat(63) + '3';
    await archive.putBlob(sha, bytes);
    const answer = await fetch(await archive.blobUrl(sha, 'small.log', 60));
    expect(answer.status).toBe(200);
    expect(Buffer.from(await answer.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await archive.release(sha)).toEqual({ deleted: true });
    expect(await objectsOf(sha)).toEqual([]);
  });

  it('answers null for bytes never stored', async () => {
    const archive = new S3LogArchive(emulators.s3, names.bucket, emulators.ddb, names.metaTable);
    expect(await archive.getBlob('b'.repeat(64))).toBeNull();
  });
});

describe('DynamoIdAllocator', () => {
  it('never hands out the same id twice across containers and parallel calls', async () => {
    const containers = [1, 2, 3].map(() => new DynamoIdAllocator(emulators.ddb, names.metaTable, 7));
    const ids = await Promise.all(Array.from({ length: 300 }, (_, i) => containers[i % 3]!.nextLogId()));
    expect(new Set(ids).size).toBe(300);
    for (const id of ids) expect(id).toMatch(/^\d{9}$/);
    const issues = await Promise.all(Array.from({ length: 50 }, () => containers[0]!.nextIssueId()));
    expect(new Set(issues).size).toBe(50);
    for (const id of issues) expect(id).toMatch(/^\d{6}$/);
  });
});

describe('DynamoLogIndex', () => {
  it('puts and gets a log record; an unknown id is null', async () => {
    const logs = new DynamoLogIndex(emulators.ddb, names.logsTable);
    const log = {
      logId: '000000777',
      sha256: 'c'.repeat(64),
      bytes: 12,
      receivedAt: new Date().toISOString(),
      reportId: null,
      reportKey: null,
      type: null,
    };
    await logs.put(log);
    expect(await logs.get('000000777')).toEqual(log);
    expect(await logs.get('000000778')).toBeNull();
  });
});

describe('DynamoReportStore', () => {
  const store = () => new DynamoReportStore(emulators.ddb, names.reportsTable);
  const entry = (summary: string, at: string, logId: string | null = null): SummaryEntry => ({
    summary,
    at,
    logId,
  });
  const file = async (
    reports: DynamoReportStore,
    r: Report,
    summary: string,
    logId: string | null = null,
  ) => {
    const outcome = await reports.fileSummary(
      r.reportKey,
      r.reportId,
      entry(summary, r.firstSeen, logId),
      SUMMARY_LIMITS,
    );
    if (outcome.kind !== 'filed') throw new Error(`summary not filed: ${outcome.kind}`);
    return outcome.report;
  };
  const close = (reports: DynamoReportStore, r: Report, from: 'Open' | 'Closed' = 'Open') =>
    reports.setStatus(
      r.reportKey,
      { issueId: r.issueId, from, to: from === 'Open' ? 'Closed' : 'Open' },
      r.firstSeen,
    );

  it('creates a report once and finds it by key, report id and issue id', async () => {
    const reports = store();
    const r = report();
    expect(await reports.create(r)).toBe(true);
    expect(await reports.create({ ...r, reportId: '999999998', issueId: '999998' })).toBe(false);
    expect(await reports.getByKey(r.reportKey)).toEqual(r);
    expect(await reports.getByReportId(r.reportId)).toEqual(r);
    expect(await reports.getByIssueId(r.issueId)).toEqual(r);
    // the loser's aliases point at a report that does not carry their ids
    expect(await reports.getByReportId('999999998')).toBeNull();
    expect(await reports.getByIssueId('999998')).toBeNull();
  });

  it('counts 200 parallel occurrences exactly, per day too', async () => {
    const reports = store();
    const r = report();
    await reports.create(r);
    const at = r.firstSeen;
    await Promise.all(Array.from({ length: 200 }, () => reports.countOccurrence(r.reportKey, at)));
    const counted = await reports.getByKey(r.reportKey);
    expect(counted!.occurrences).toBe(201);
    expect(counted!.daily[at.slice(0, 10)]).toBe(201);
    expect(await reports.countOccurrence('no-such-key', at)).toBeNull();
  });

  it('upgrades a ghost with the first summary and keeps later ones beside it', async () => {
    const reports = store();
    const r = report();
    await reports.create(r);
    const opened = await file(reports, r, 'first');
    expect(opened).toMatchObject({ status: 'Open', summary: 'first', summaries: [] });
    const added = await file(reports, r, 'second', '000000001');
    expect(added.summary).toBe('first');
    expect(added.summaries).toEqual([{ summary: 'second', at: r.firstSeen, logId: '000000001' }]);
    expect(added.history.map((h) => h.event)).toEqual(['created', 'upgraded', 'summary-added']);
  });

  it('closes, reopens and marks a regression, recording each change once', async () => {
    const reports = store();
    const r = report({ status: 'Open', summary: 's' });
    await reports.create(r);
    expect(await close(reports, r)).toMatchObject({ status: 'Closed' });
    expect(await close(reports, r)).toBeNull();
    expect(await reports.markRegressed(r.reportKey, r.firstSeen)).toMatchObject({
      status: 'Open',
      regressed: true,
    });
    expect(await reports.markRegressed(r.reportKey, r.firstSeen)).toBeNull();
    const final = await reports.getByKey(r.reportKey);
    expect(final!.history.map((h) => h.event)).toEqual(['created', 'closed', 'regressed']);
  });

  it('changes a status only while the report is still the issue asked about, in the status read', async () => {
    const reports = store();
    const a = report({ status: 'Open', summary: 'a' });
    await reports.create(a);
    await reports.delete(a);
    // the same failure filed again: same key, another issue
    const b = report({ reportKey: a.reportKey, status: 'Open', summary: 'b' });
    await reports.create(b);
    expect(await close(reports, a)).toBeNull();
    expect(await reports.getByKey(a.reportKey)).toMatchObject({ issueId: b.issueId, status: 'Open' });
    expect(await close(reports, b, 'Closed')).toBeNull();
    expect(await close(reports, b)).toMatchObject({ issueId: b.issueId, status: 'Closed' });
  });

  it('files a summary by report id only on that report, not one created again under its key', async () => {
    const reports = store();
    const a = report();
    await reports.create(a);
    await reports.delete(a);
    const b = report({ reportKey: a.reportKey });
    await reports.create(b);
    const outcome = await reports.fileSummary(
      a.reportKey,
      a.reportId,
      entry('late', a.firstSeen),
      SUMMARY_LIMITS,
    );
    expect(outcome.kind).toBe('missing');
    expect(await reports.getByKey(b.reportKey)).toMatchObject({ status: 'Ghost', summary: '' });
  });

  it('folds per-day counts past 120 days into months, and history past 200 entries, in the stored item', async () => {
    const reports = store();
    const daily: Record<string, number> = {};
    for (let d = 0; d < 120; d++)
      daily[new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)] = 2;
    const r = report({ status: 'Open', summary: 's', occurrences: 240, daily });
    await reports.create(r);
    const later = new Date(Date.UTC(2026, 0, 1)).toISOString();
    const counted = await reports.countOccurrence(r.reportKey, later);
    expect(Object.keys(counted!.daily)).toHaveLength(120);
    expect(counted!.daily[later.slice(0, 10)]).toBe(1);
    expect(counted!.monthly).toEqual({ '2025-01': 2 });
    expect(counted!.occurrences).toBe(241);
    let from: 'Open' | 'Closed' = 'Open';
    for (let i = 0; i < 205; i++) {
      expect(await close(reports, r, from)).not.toBeNull();
      from = from === 'Open' ? 'Closed' : 'Open';
    }
    const stored = await reports.getByKey(r.reportKey);
    expect(stored!.history.length).toBeLessThanOrEqual(200);
    expect(stored!.history[0]!.event).toBe('created');
    expect(stored!.history.length + stored!.historyDropped!).toBe(206);
  }, 60_000);

  it('cuts an oversized signature and extract before the write, and the write succeeds', async () => {
    const reports = store();
    const entries = Array.from({ length: 256 }, (_, i) => `E ${i} ${'超时'.repeat(600)}`).sort();
    const r = report({ signature: entries.join('\n'), extract: '错'.repeat(200_000) });
    expect(await reports.create(r)).toBe(true);
    const stored = await reports.getByKey(r.reportKey);
    expect(Buffer.byteLength(stored!.signature)).toBeLessThanOrEqual(96 * 1024);
    expect(stored!.signatureTruncated).toBe(true);
    expect(Buffer.byteLength(stored!.extract)).toBeLessThanOrEqual(64 * 1024);
    expect(stored!.extractTruncated).toBe(true);
  });

  it('counts the summaries of an item stored before they were counted in bytes, then bounds them', async () => {
    const reports = store();
    const r = report({ status: 'Open', summary: 'legacy' });
    const big = (i: number) => entry(`${i}${'😀'.repeat(1999)}`, r.firstSeen, '000000001');
    // created as today (totals, aliases), then rewritten as an item of before the byte count
    await reports.create(r);
    const legacy = {
      ...r,
      pk: r.reportKey,
      listKey: 'report',
      issueList: 'issue',
      issueStatusKey: 'Open',
      summaries: Array.from({ length: 8 }, (_, i) => big(i)),
    };
    await emulators.ddb.send(new PutCommand({ TableName: names.reportsTable, Item: legacy }));
    const refused = await reports.fileSummary(r.reportKey, r.reportId, big(8), SUMMARY_LIMITS);
    expect(refused.kind).toBe('full');
    const small = await reports.fileSummary(
      r.reportKey,
      r.reportId,
      entry('short', r.firstSeen),
      SUMMARY_LIMITS,
    );
    expect(small.kind).toBe('filed');
    const item = await emulators.ddb.send(
      new GetCommand({ TableName: names.reportsTable, Key: { pk: r.reportKey } }),
    );
    const stored = item.Item as { summaries: SummaryEntry[]; summariesBytes: number };
    expect(stored.summaries).toHaveLength(9);
    expect(stored.summariesBytes).toBe(summariesBytes(stored.summaries));
  });

  it('deletes a report and its aliases', async () => {
    const reports = store();
    const r = report();
    await reports.create(r);
    await reports.delete(r);
    expect(await reports.getByKey(r.reportKey)).toBeNull();
    expect(await reports.getByReportId(r.reportId)).toBeNull();
    expect(await reports.getByIssueId(r.issueId)).toBeNull();
  });

  it('keeps totals by type and status through every change, counting a repeated or lost change once', async () => {
    const reports = store();
    const before = await reports.totals();
    const ghost = report({ type: 'C' });
    const filed = report({ type: 'W', status: 'Open', summary: 'filed with its log' });
    expect(await reports.create(ghost)).toBe(true);
    expect(await reports.create({ ...ghost, reportId: '999999997', issueId: '999997' })).toBe(false);
    expect(await reports.create(filed)).toBe(true);
    await file(reports, ghost, 'now a bug');
    await file(reports, ghost, 'a second summary');
    await close(reports, ghost);
    await close(reports, ghost);
    await close(reports, filed);
    await reports.markRegressed(filed.reportKey, filed.firstSeen);
    await reports.markRegressed(filed.reportKey, filed.firstSeen);
    const during = await reports.totals();
    expect(during.reports - before.reports).toBe(2);
    expect(during.byType.C - before.byType.C).toBe(1);
    expect(during.byType.W - before.byType.W).toBe(1);
    expect(during.byType.E - before.byType.E).toBe(0);
    expect(during.issues.Open - before.issues.Open).toBe(1);
    expect(during.issues.Closed - before.issues.Closed).toBe(1);

    await reports.delete(ghost);
    await reports.delete(ghost);
    await reports.delete(filed);
    expect(await reports.totals()).toEqual(before);
  });

  it('recounts the totals from the reports themselves when they have drifted', async () => {
    const reports = store();
    await reports.create(report({ type: 'W', status: 'Open', summary: 'kept' }));
    const right = await reports.totals();
    // what a crash between a change and its total's add leaves behind
    await emulators.ddb.send(
      new UpdateCommand({
        TableName: names.reportsTable,
        Key: { pk: 'totals' },
        UpdateExpression: 'ADD reports :off, statusOpen :off',
        ExpressionAttributeValues: { ':off': -1 },
      }),
    );
    expect(await reports.totals()).not.toEqual(right);
    expect(await reports.recountTotals()).toEqual(right);
    expect(await reports.totals()).toEqual(right);
  });

  it('pages through lists with cursors, sorted, filtered, ghosts kept out of issue lists', async () => {
    const table = `${names.reportsTable}`;
    const reports = new DynamoReportStore(emulators.ddb, table);
    const created: Report[] = [];
    for (let i = 0; i < 7; i++) {
      const r = report({
        occurrences: 1000 + i,
        type: i % 2 ? 'W' : 'C',
        status: i < 5 ? 'Open' : 'Ghost',
        summary: i < 5 ? `bug ${i}` : '',
      });
      await reports.create(r);
      created.push(r);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reports.listReports({ sort: 'occurrences', order: 'desc', limit: 3, cursor });
      seen.push(...page.items.map((item) => item.reportKey));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ours = seen.filter((key) => created.some((r) => r.reportKey === key));
    expect(ours).toEqual([...created].reverse().map((r) => r.reportKey));

    const crashes = await reports.listReports({ sort: 'occurrences', order: 'desc', limit: 200, type: 'C' });
    expect(crashes.items.every((item) => item.type === 'C')).toBe(true);

    const issues = await reports.listIssues({ sort: 'lastSeen', order: 'desc', limit: 200 });
    const issueKeys = new Set(issues.items.map((item) => item.reportKey));
    for (const r of created) expect(issueKeys.has(r.reportKey)).toBe(r.status !== 'Ghost');
  });
});

describe('when storage is unreachable', () => {
  it('fails with a StorageError (answered 503), not a crash', async () => {
    const dead = 'http://127.0.0.1:9';
    const s3 = new S3Client({
      endpoint: dead,
      forcePathStyle: true,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: dead,
        region: 'us-east-1',
        maxAttempts: 1,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      }),
    );
    await expect(
      new S3LogArchive(s3, 'b', ddb, 't').putBlob('d'.repeat(64), Buffer.from('x')),
    ).rejects.toBeInstanceOf(StorageError);
    await expect(
      new DynamoReportStore(ddb, 't').countOccurrence('k', new Date().toISOString()),
    ).rejects.toBeInstanceOf(StorageError);
    await expect(new DynamoIdAllocator(ddb, 't', 5).nextLogId()).rejects.toBeInstanceOf(StorageError);
  });
});
