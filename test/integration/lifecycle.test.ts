/**
 * The data lifecycle against the real emulators through the AWS SDK: the
 * adapters and the sweeper on a hand-moved clock, a sweep racing an ingest of
 * the same bytes (interleaved at the SDK call where the race is decided), a
 * container's stale blob cache; then the running local stack over HTTP —
 * deletion on request and the launcher's scheduled sweeper — with every store
 * read directly to see that deleted means gone.
 */
import { gunzipSync } from 'node:zlib';
import { type DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { extract, type IngestResult, ingestLog } from '#lib/service/ingest';
import { sweepExpired } from '#lib/service/lifecycle';
import { DynamoIdempotencyStore } from '#lib/store/dynamo-idempotency';
import { DynamoIdAllocator } from '#lib/store/dynamo-ids';
import { DynamoLogIndex } from '#lib/store/dynamo-logs';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { ManualClock } from '#lib/store/memory/clock';
import type { Stores } from '#lib/store/ports';
import { S3LogArchive } from '#lib/store/s3-archive';
import { dynamoClient, s3Client } from '../../scripts/local-stack.ts';
import { logForm, request } from '../helpers/http.ts';
import { startEmulatorsForTest, type TestEmulators, withStack } from '../helpers/stack.ts';

const DAY = 86_400_000;
const RETENTION_DAYS = 90;

/** Every object the archive holds for `sha256`, whatever its generation. */
async function blobObjects(s3: S3Client, bucket: string, sha256: string): Promise<string[]> {
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `blobs/${sha256}.` }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

/**
 * Every copy the archive holds of `sha256`'s bytes: its S3 objects, and the
 * blob item's body when the bytes are inline (INLINE_LOG_BYTES), each given
 * back raw.
 */
async function storedCopies(
  s3: S3Client,
  dynamo: DynamoDBClient,
  names: { bucket: string; metaTable: string },
  sha256: string,
): Promise<Array<{ where: string; text: string }>> {
  const copies = [];
  for (const Key of await blobObjects(s3, names.bucket, sha256)) {
    const got = await s3.send(new GetObjectCommand({ Bucket: names.bucket, Key }));
    copies.push({ where: Key, text: gunzipSync(await got.Body!.transformToByteArray()).toString('utf8') });
  }
  const item = await dynamo.send(
    new GetItemCommand({
      TableName: names.metaTable,
      Key: { pk: { S: `blob#${sha256}` } },
      ConsistentRead: true,
    }),
  );
  const body = item.Item?.['body']?.B;
  if (body) copies.push({ where: 'inline', text: gunzipSync(body).toString('utf8') });
  return copies;
}

function refundLog(order: number): string {
  return [
    `2026-12-01T08:00:0${order % 10}Z INFO refund requested for order ${order}`,
    `2026-12-01T08:00:0${order % 10}Z ERROR refund ${order} failed: ledger locked`,
    '',
  ].join('\n');
}

describe('retention and the sweeper against dynalite and s3rver', () => {
  let emulators: TestEmulators;

  beforeAll(async () => {
    emulators = await startEmulatorsForTest();
  }, 60_000);
  afterAll(async () => {
    await emulators?.stop();
  });

  /** One container's adapters on its own clients, so a test can hook its SDK calls. */
  /** `inlineBytes` 0 (these tests' default): every body in S3, whose objects the races below interleave with. */
  function container(clock: ManualClock, inlineBytes = 0) {
    const s3 = s3Client(emulators.s3Endpoint);
    const ddb = DynamoDBDocumentClient.from(dynamoClient(emulators.dynamoEndpoint), {
      marshallOptions: { removeUndefinedValues: true },
    });
    const { bucket, logsTable, reportsTable, metaTable } = emulators.names;
    const stores: Stores = {
      archive: new S3LogArchive(s3, bucket, ddb, metaTable, { inlineBytes }),
      logs: new DynamoLogIndex(ddb, logsTable, { days: RETENTION_DAYS }, clock.now),
      ids: new DynamoIdAllocator(ddb, metaTable, 5),
      reports: new DynamoReportStore(ddb, reportsTable),
      idempotency: new DynamoIdempotencyStore(ddb, metaTable),
    };
    /** Run `work` once, just before the next SDK command `name` whose input `matches`. */
    const before = (
      client: S3Client | DynamoDBDocumentClient,
      name: string,
      matches: (input: Record<string, unknown>) => boolean,
      work: () => Promise<unknown>,
    ) => {
      let armed = true;
      // Both clients' stacks take the same initialize-step middleware; their types differ only in the commands they name.
      (client.middlewareStack as unknown as S3Client['middlewareStack']).add(
        (next, context) => async (args) => {
          if (armed && context.commandName === name && matches(args.input as Record<string, unknown>)) {
            armed = false;
            await work();
          }
          return next(args);
        },
        { step: 'initialize' },
      );
    };
    return { stores, s3, ddb, before, clock };
  }

  const ingest = (stores: Stores, text: string, now: Date): Promise<IngestResult> => {
    const bytes = Buffer.from(text);
    return ingestLog(stores, bytes, extract(bytes, { maxExtractBytes: 32_768 }), now, {
      maxExtractBytes: 32_768,
    });
  };

  it.each([
    ['in S3', 0],
    ['inline', 2048],
  ])(
    'deletes a log past retention from both stores, and keeps its report (bytes %s)',
    async (_where, inlineBytes) => {
      const clock = new ManualClock('2026-01-01T00:00:00.000Z');
      const { stores } = container(clock, inlineBytes);
      const { log, report } = await ingest(stores, refundLog(101 + inlineBytes), clock.now());
      expect(await storedCopies(emulators.s3, emulators.dynamo, emulators.names, log.sha256)).toHaveLength(1);
      // Both rows count on one report: what the sweep must leave is the count it found.
      const counted = (await stores.reports.getByReportId(report!.reportId))!.occurrences;
      clock.advance(RETENTION_DAYS * DAY + 1000);
      expect(await stores.logs.get(log.logId)).toBeNull();

      const swept = await sweepExpired(stores, clock.now());
      expect(swept.logs).toBeGreaterThanOrEqual(1);
      const { logsTable, metaTable } = emulators.names;
      const record = await emulators.dynamo.send(
        new GetItemCommand({ TableName: logsTable, Key: { logId: { S: log.logId } }, ConsistentRead: true }),
      );
      expect(record.Item).toBeUndefined();
      const blobItem = await emulators.dynamo.send(
        new GetItemCommand({
          TableName: metaTable,
          Key: { pk: { S: `blob#${log.sha256}` } },
          ConsistentRead: true,
        }),
      );
      expect(blobItem.Item).toBeUndefined();
      expect(await storedCopies(emulators.s3, emulators.dynamo, emulators.names, log.sha256)).toEqual([]);
      expect(await stores.reports.getByReportId(report!.reportId)).toMatchObject({ occurrences: counted });
    },
  );

  it.each([
    ['before the blob item is deleted', 'DeleteItemCommand', 0],
    ['after the blob item went, before its object is deleted', 'DeleteObjectCommand', 0],
    ['before the blob item is deleted, bytes inline', 'DeleteItemCommand', 2048],
    [
      'after the blob item went, before its (absent) object is deleted, bytes inline',
      'DeleteObjectCommand',
      2048,
    ],
  ])('keeps the bytes of a log of the same bytes ingested %s', async (_when, command, inlineBytes) => {
    const clock = new ManualClock('2026-02-01T00:00:00.000Z');
    const c = container(clock, inlineBytes);
    const text = refundLog(Math.floor(Math.random() * 1e9));
    const expired = await ingest(c.stores, text, clock.now());
    clock.advance(RETENTION_DAYS * DAY + 1000);

    let raced: IngestResult | undefined;
    const racing = () => ingest(c.stores, text, clock.now()).then((r) => (raced = r));
    if (command === 'DeleteItemCommand') {
      c.before(
        c.ddb,
        command,
        (input) => JSON.stringify(input['Key']).includes(`blob#${expired.log.sha256}`),
        racing,
      );
    } else {
      c.before(
        c.s3,
        command,
        (input) => String(input['Key']).startsWith(`blobs/${expired.log.sha256}.`),
        racing,
      );
    }
    await sweepExpired(c.stores, clock.now());

    expect(raced).toBeDefined();
    expect(await c.stores.logs.get(expired.log.logId)).toBeNull();
    const fresh = await c.stores.logs.get(raced!.log.logId);
    expect(fresh).not.toBeNull();
    expect((await c.stores.archive.getBlob(fresh!.sha256))?.toString('utf8')).toBe(text);
    // From a container that never saw these bytes, too.
    expect((await container(clock).stores.archive.getBlob(fresh!.sha256))?.toString('utf8')).toBe(text);
    const copies = await storedCopies(emulators.s3, emulators.dynamo, emulators.names, fresh!.sha256);
    expect(copies).toEqual([{ where: expect.stringMatching(inlineBytes ? /^inline$/ : /^blobs\//), text }]);
  });

  it("stores the bytes again when another container deleted them since this one's cache saw them", async () => {
    const clock = new ManualClock('2026-03-01T00:00:00.000Z');
    const a = container(clock);
    const b = container(clock);
    const sha = 'e'.repeat(63) + String(Math.floor(Math.random() * 10));
    const bytes = Buffer.from('ERROR cached once\n');
    await a.stores.archive.putBlob(sha, bytes);
    await b.stores.archive.putBlob(sha, bytes); // b remembers the blob as stored
    expect(await b.stores.archive.release(sha)).toEqual({ deleted: false, refs: 1 });
    expect(await a.stores.archive.release(sha)).toEqual({ deleted: true });
    expect(await blobObjects(emulators.s3, emulators.names.bucket, sha)).toEqual([]);

    await b.stores.archive.putBlob(sha, bytes);
    expect((await a.stores.archive.getBlob(sha))?.toString('utf8')).toBe('ERROR cached once\n');
  });

  it("finds a report's logs and only expired ones through the indexes", async () => {
    const clock = new ManualClock('2026-04-01T00:00:00.000Z');
    const { stores } = container(clock);
    // A failure of its own: the other tests' refunds share one report.
    const indexLog = (order: number) => `ERROR reindex of shard ${order} failed: mapping conflict\n`;
    const first = await ingest(stores, indexLog(7001), clock.now());
    clock.advance(DAY);
    const second = await ingest(stores, indexLog(7002), clock.now());
    expect((await stores.logs.ofReport(first.log.reportKey!, 10)).ids).toEqual([
      first.log.logId,
      second.log.logId,
    ]);
    // Page by page, each id once.
    const one = await stores.logs.ofReport(first.log.reportKey!, 1);
    expect(one.ids).toEqual([first.log.logId]);
    const two = await stores.logs.ofReport(first.log.reportKey!, 1, one.cursor!);
    expect(two.ids).toEqual([second.log.logId]);
    expect((await stores.logs.ofReport(first.log.reportKey!, 1, two.cursor ?? undefined)).ids).toEqual([]);

    clock.advance((RETENTION_DAYS - 1) * DAY + 1000);
    const expired: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await stores.logs.expired(clock.now(), 2, cursor);
      expired.push(...page.ids);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(expired).toContain(first.log.logId);
    expect(expired).not.toContain(second.log.logId);
    expect(new Set(expired).size).toBe(expired.length);
    // A record not yet expired is never removed as expired, whatever the index said.
    expect(await stores.logs.remove(second.log.logId, { expiredBy: clock.now() })).toBeNull();
    expect(await stores.logs.get(second.log.logId)).not.toBeNull();
  });
});

describe('deletion on request and the scheduled sweeper, over HTTP', () => {
  const stack = withStack();
  let s3: S3Client;
  let dynamo: ReturnType<typeof dynamoClient>;
  const names = () => ({
    bucket: stack.env['LOGSIFT_BUCKET']!,
    logsTable: stack.env['LOGS_TABLE']!,
    metaTable: stack.env['META_TABLE']!,
  });

  beforeAll(() => {
    s3 = s3Client(stack.s3Endpoint);
    dynamo = dynamoClient(stack.dynamoEndpoint);
  });
  afterAll(() => {
    s3?.destroy();
    dynamo?.destroy();
  });

  const post = async (text: string) => {
    const answer = await request(stack.url, '/logs', { method: 'POST', body: logForm(text) });
    expect(answer.status).toBeLessThan(300);
    return answer.body as { logId: string; reportId: string | null; issueId: string | null };
  };
  const recordOf = async (logId: string) =>
    (
      await dynamo.send(
        new GetItemCommand({
          TableName: names().logsTable,
          Key: { logId: { S: logId } },
          ConsistentRead: true,
        }),
      )
    ).Item;
  const shaOf = async (logId: string) => String((await recordOf(logId))?.['sha256']?.S);

  it('DELETE /logs/{logId} removes the record, and the bytes with the last log that shares them', async () => {
    const text = refundLog(31337);
    const first = await post(text);
    const second = await post(text);
    const sha = await shaOf(first.logId);
    expect(await storedCopies(s3, dynamo, names(), sha)).toHaveLength(1);

    const one = await request(stack.url, `/logs/${first.logId}`, { method: 'DELETE' });
    expect(one).toMatchObject({
      status: 200,
      body: { logId: first.logId, record: 'deleted', blob: 'kept', sharedWith: 1 },
    });
    expect(await recordOf(first.logId)).toBeUndefined();
    expect(await storedCopies(s3, dynamo, names(), sha)).toHaveLength(1);
    expect((await request(stack.url, `/logs/${first.logId}`)).status).toBe(404);
    expect(
      (await request(stack.url, `/logs/${second.logId}?format=text`, { headers: { accept: 'text/plain' } }))
        .text,
    ).toBe(text);

    const two = await request(stack.url, `/logs/${second.logId}`, { method: 'DELETE' });
    expect(two).toMatchObject({
      status: 200,
      body: { logId: second.logId, record: 'deleted', blob: 'deleted' },
    });
    expect(two.body).not.toHaveProperty('sharedWith');
    expect(await recordOf(second.logId)).toBeUndefined();
    expect(await storedCopies(s3, dynamo, names(), sha)).toEqual([]);
    const blobItem = await dynamo.send(
      new GetItemCommand({
        TableName: names().metaTable,
        Key: { pk: { S: `blob#${sha}` } },
        ConsistentRead: true,
      }),
    );
    expect(blobItem.Item).toBeUndefined();
    // The report keeps its counts.
    const report = await request(stack.url, `/logs/extracted/${first.reportId}`);
    expect(report.body).toMatchObject({ occurrences: 2 });
  });

  it('answers 404 for a log that is not there and 400 for a malformed id, in the error shape', async () => {
    expect(await request(stack.url, '/logs/999999999', { method: 'DELETE' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(await request(stack.url, '/logs/12x', { method: 'DELETE' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_id' } },
    });
  });

  it('DELETE /issues/{issueId}?logs=delete removes the report and its logs from both stores, and says what', async () => {
    const a = await post(refundLog(5001));
    const b = await post(refundLog(5002));
    const c = await post(refundLog(5002));
    const kept = await post('INFO nothing failed here\n');
    const shas = [await shaOf(a.logId), await shaOf(b.logId)];

    expect(
      (await request(stack.url, `/issues/${a.issueId}?logs=everything`, { method: 'DELETE' })).status,
    ).toBe(400);
    const answer = await request(stack.url, `/issues/${a.issueId}?logs=delete`, { method: 'DELETE' });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        deleted: true,
        issueId: a.issueId,
        reportId: a.reportId,
        logs: { deleted: 3, blobsDeleted: 2, blobsKept: 1 },
      },
    });
    for (const log of [a, b, c]) expect(await recordOf(log.logId)).toBeUndefined();
    for (const sha of shas) expect(await storedCopies(s3, dynamo, names(), sha)).toEqual([]);
    expect(await recordOf(kept.logId)).toBeDefined();
    expect((await request(stack.url, `/issues/${a.issueId}`)).status).toBe(404);
  });

  it('runs the sweeper on its schedule: a record past its expiry goes from both stores', async () => {
    const text = refundLog(8080);
    const old = await post(text);
    const sha = await shaOf(old.logId);
    // Time passing, as the sweeper sees it: the record's expiry moved into the past.
    const past = Math.floor(Date.now() / 1000) - 60;
    await DynamoDBDocumentClient.from(dynamo).send(
      new UpdateCommand({
        TableName: names().logsTable,
        Key: { logId: old.logId },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': past },
      }),
    );
    expect((await request(stack.url, `/logs/${old.logId}`)).status).toBe(404);
    const deadline = Date.now() + 20_000;
    // The record goes first, then the bytes: wait for both.
    const gone = async () =>
      (await recordOf(old.logId)) === undefined &&
      (await storedCopies(s3, dynamo, names(), sha)).length === 0;
    while (!(await gone()) && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 250));
    }
    expect(await recordOf(old.logId)).toBeUndefined();
    expect(await storedCopies(s3, dynamo, names(), sha)).toEqual([]);
    // The report stays, and no longer links to a log that is gone.
    const report = await request(stack.url, `/logs/extracted/${old.reportId}`);
    expect(report.status).toBe(200);
    expect((report.body['links'] as Record<string, unknown>)['firstLog']).toBeNull();
    expect((report.body['firstLog'] as Record<string, unknown>)['state']).not.toBe('kept');
  }, 30_000);
});

describe('ARCHIVE_MODE=scrubbed, over HTTP', () => {
  const stack = withStack({ env: { ARCHIVE_MODE: 'scrubbed' } });

  it('archives and serves the scrubbed copy only: the secret is not in the archive', async () => {
    const text = 'INFO connecting\nERROR login failed for admin password=Tr0ub4dor-and-3 at db-7\n';
    const posted = await request(stack.url, '/logs', { method: 'POST', body: logForm(text) });
    expect(posted.status).toBe(201);
    const logId = String(posted.body['logId']);

    const served = await request(stack.url, `/logs/${logId}?format=text`, {
      headers: { accept: 'text/plain' },
    });
    expect(served.text).toBe('INFO connecting\nERROR login failed for admin password=<redacted> at db-7\n');

    // Every body the archive holds, in S3 and inline in blob items: none with the secret.
    const s3 = s3Client(stack.s3Endpoint);
    const dynamo = dynamoClient(stack.dynamoEndpoint);
    try {
      const bodies: string[] = [];
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: stack.env['LOGSIFT_BUCKET']!, Prefix: 'blobs/' }),
      );
      for (const object of listed.Contents ?? []) {
        const got = await s3.send(
          new GetObjectCommand({ Bucket: stack.env['LOGSIFT_BUCKET']!, Key: object.Key! }),
        );
        bodies.push(gunzipSync(Buffer.from(await got.Body!.transformToByteArray())).toString('utf8'));
      }
      const items = await dynamo.send(
        new ScanCommand({ TableName: stack.env['META_TABLE']!, ConsistentRead: true }),
      );
      for (const item of items.Items ?? []) {
        if (item['body']?.B) bodies.push(gunzipSync(item['body'].B).toString('utf8'));
      }
      expect(bodies).toContain(served.text);
      for (const bytes of bodies) expect(bytes).not.toContain('Tr0ub4dor');
    } finally {
      s3.destroy();
      dynamo.destroy();
    }
  });
});
