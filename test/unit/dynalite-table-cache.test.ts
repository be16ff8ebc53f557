/**
 * dynalite's table descriptions kept in memory (scripts/dynalite-table-cache.ts):
 * a real in-memory dynalite still sees every table change, and a read that
 * races a write never leaves the old description cached.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { cacheTableDescriptions, installDynaliteTableCache } from '../../scripts/dynalite-table-cache.ts';

type Callback = (error: Error | null | undefined, value?: unknown) => void;

describe('dynalite with cached table descriptions', () => {
  let server: Server;
  let client: DynamoDBClient;

  beforeAll(async () => {
    installDynaliteTableCache();
    const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
    server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
  });

  afterAll(async () => {
    client.destroy();
    await new Promise((done) => server.close(done));
  });

  const describeTable = async (name: string) =>
    (await client.send(new DescribeTableCommand({ TableName: name }))).Table!;
  // dynalite changes a table's status on a timer after the call answers (createTableMs: 0 is still
  // a timer): until it fires, a write to a new table, a change of a changing one or a new table of a
  // deleted one's name is refused.
  const waiting = () => ({ client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.2 });
  const exists = (name: string) => waitUntilTableExists(waiting(), { TableName: name });
  const gone = (name: string) => waitUntilTableNotExists(waiting(), { TableName: name });

  test('an updated, deleted and re-created table is read as it now is', async () => {
    await client.send(
      new CreateTableCommand({
        TableName: 'tbl',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      }),
    );
    await exists('tbl');
    await client.send(new PutItemCommand({ TableName: 'tbl', Item: { pk: { S: 'a' } } }));
    expect((await describeTable('tbl')).ProvisionedThroughput?.ReadCapacityUnits).toBe(1);

    await client.send(
      new UpdateTableCommand({
        TableName: 'tbl',
        ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
      }),
    );
    await exists('tbl');
    expect((await describeTable('tbl')).ProvisionedThroughput?.ReadCapacityUnits).toBe(7);

    await client.send(new DeleteTableCommand({ TableName: 'tbl' }));
    await gone('tbl');
    await expect(
      client.send(new GetItemCommand({ TableName: 'tbl', Key: { pk: { S: 'a' } } })),
    ).rejects.toThrow(/not found/i);

    // the same name with another key: the old schema must not linger
    await client.send(
      new CreateTableCommand({
        TableName: 'tbl',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await exists('tbl');
    await client.send(new PutItemCommand({ TableName: 'tbl', Item: { id: { N: '1' } } }));
    await expect(
      client.send(new PutItemCommand({ TableName: 'tbl', Item: { pk: { S: 'a' } } })),
    ).rejects.toThrow(/key/i);
    expect((await describeTable('tbl')).KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
  });

  test('a caller editing its copy changes no one else', async () => {
    const first = await describeTable('tbl');
    const second = await describeTable('tbl');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});

describe('cacheTableDescriptions', () => {
  /** A table store whose answers the test releases by hand. */
  function fakeDb() {
    const data = new Map<string, unknown>([['t', { TableStatus: 'ACTIVE', v: 1 }]]);
    const pending: (() => void)[] = [];
    let reads = 0;
    const db = {
      get(key: string, callback: Callback) {
        reads++;
        const value = structuredClone(data.get(key));
        pending.push(() => callback(null, value));
      },
      put(key: string, value: unknown, callback: Callback) {
        pending.push(() => {
          data.set(key, value);
          callback(null);
        });
      },
      del(key: string, callback: Callback) {
        pending.push(() => {
          data.delete(key);
          callback(null);
        });
      },
      batch(_ops: unknown[], callback: Callback) {
        pending.push(() => callback(null));
      },
    };
    return { db, pending, reads: () => reads };
  }
  const read = (db: { get(key: string, cb: Callback): void }, key: string) =>
    new Promise((done) => db.get(key, (_e, v) => done(v)));
  const drain = async (pending: (() => void)[]) => {
    while (pending.length) pending.shift()!();
    await new Promise((tick) => setImmediate(tick));
  };

  test('a second read is served from memory', async () => {
    const { db, pending, reads } = fakeDb();
    cacheTableDescriptions(db);
    const first = read(db, 't');
    await drain(pending);
    expect(await first).toEqual({ TableStatus: 'ACTIVE', v: 1 });
    expect(await read(db, 't')).toEqual({ TableStatus: 'ACTIVE', v: 1 });
    expect(reads()).toBe(1);
  });

  test('a read that started before a write and answers after it is not kept', async () => {
    const { db, pending, reads } = fakeDb();
    cacheTableDescriptions(db);
    const stale = read(db, 't');
    const written = new Promise((done) => db.put('t', { TableStatus: 'ACTIVE', v: 2 }, done));
    // the write lands first, then the read answers with what the store held before it
    const [answerRead, landWrite] = pending.splice(0, 2);
    landWrite!();
    await written;
    answerRead!();
    expect(await stale).toEqual({ TableStatus: 'ACTIVE', v: 1 });
    const fresh = read(db, 't');
    await drain(pending);
    expect(await fresh).toEqual({ TableStatus: 'ACTIVE', v: 2 });
    expect(reads()).toBe(2);
  });

  test('a deleted description is read from the store again', async () => {
    const { db, pending } = fakeDb();
    cacheTableDescriptions(db);
    const first = read(db, 't');
    await drain(pending);
    await first;
    db.del('t', () => {});
    await drain(pending);
    const after = read(db, 't');
    await drain(pending);
    expect(await after).toBeUndefined();
  });
});
