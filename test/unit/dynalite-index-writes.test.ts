/**
 * dynalite's index writes made atomic (scripts/dynalite-index-writes.ts): on a
 * real in-memory dynalite, a Query of a secondary index never misses an item
 * whose index key another request is moving, and the index still follows
 * every put, update and delete.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { indexBatches, installAtomicIndexWrites } from '../../scripts/dynalite-index-writes.ts';

describe.each([
  ['in memory', false],
  ['on disk (LevelDB)', true],
])('dynalite with atomic index writes, %s', (_where, onDisk) => {
  let dir: string | undefined;
  let server: Server;
  let client: DynamoDBClient;
  const ITEMS = 12;

  beforeAll(async () => {
    installAtomicIndexWrites();
    const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;
    dir = onDisk ? mkdtempSync(join(tmpdir(), 'logsift-dynalite-')) : undefined;
    server = dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    await client.send(
      new CreateTableCommand({
        TableName: 'reports',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'listKey', AttributeType: 'S' },
          { AttributeName: 'lastSeen', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byLastSeen',
            KeySchema: [
              { AttributeName: 'listKey', KeyType: 'HASH' },
              { AttributeName: 'lastSeen', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    // dynalite makes a table ACTIVE on a timer after CreateTable answers (on disk, after a LevelDB
    // write): until then a write to it is refused as ResourceNotFoundException.
    await waitUntilTableExists(
      { client, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.2 },
      { TableName: 'reports' },
    );
    for (let i = 0; i < ITEMS; i++) {
      await client.send(
        new PutItemCommand({
          TableName: 'reports',
          Item: { pk: { S: `r${i}` }, listKey: { S: 'list' }, lastSeen: { S: stamp(i) } },
        }),
      );
    }
  });

  afterAll(async () => {
    client.destroy();
    await new Promise((done) => server.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stamp = (n: number) => `2026-12-01T00:00:${String(n).padStart(6, '0')}Z`;
  const listed = async () =>
    (
      await client.send(
        new QueryCommand({
          TableName: 'reports',
          IndexName: 'byLastSeen',
          KeyConditionExpression: 'listKey = :l',
          ExpressionAttributeValues: { ':l': { S: 'list' } },
        }),
      )
    ).Items!.map((item) => item['pk']!.S!);

  test('a Query racing writes that move index keys sees every item exactly once', async () => {
    let moves = ITEMS;
    let running = true;
    // Two writers move items' lastSeen (the index's sort key) forward without pause.
    const writers = [0, 1].map(async (w) => {
      while (running) {
        const n = moves++;
        await client.send(
          new UpdateItemCommand({
            TableName: 'reports',
            Key: { pk: { S: `r${(n * 5 + w) % ITEMS}` } },
            UpdateExpression: 'SET lastSeen = :at',
            ExpressionAttributeValues: { ':at': { S: stamp(n) } },
          }),
        );
      }
    });
    const wrong: string[][] = [];
    for (let q = 0; q < 300; q++) {
      const ids = await listed();
      if (ids.length !== ITEMS || new Set(ids).size !== ITEMS) wrong.push(ids);
    }
    running = false;
    await Promise.all(writers);
    // the writes really interleaved with the reads
    expect(moves - ITEMS).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  test('the index follows puts, updates and deletes', async () => {
    await client.send(
      new PutItemCommand({
        TableName: 'reports',
        Item: { pk: { S: 'new' }, listKey: { S: 'list' }, lastSeen: { S: stamp(999_999) } },
      }),
    );
    expect((await listed()).at(-1)).toBe('new');
    // Losing an index key takes the item out of the index (a merged report leaves the list).
    await client.send(
      new UpdateItemCommand({
        TableName: 'reports',
        Key: { pk: { S: 'r0' } },
        UpdateExpression: 'REMOVE listKey',
      }),
    );
    expect(await listed()).not.toContain('r0');
    expect(await listed()).toHaveLength(ITEMS);
    await client.send(new DeleteItemCommand({ TableName: 'reports', Key: { pk: { S: 'new' } } }));
    expect(await listed()).toHaveLength(ITEMS - 1);
    expect(new Set(await listed()).size).toBe(ITEMS - 1);
  });
});

describe('indexBatches', () => {
  test("one batch per index, its old entry's delete before its new entry's put", () => {
    const batches = indexBatches({
      puts: [
        { index: 'a', key: 'a-new', item: { x: 1 } },
        { index: 'b', key: 'b-new', item: { x: 2 } },
      ],
      deletes: [{ index: 'a', key: 'a-old' }],
    });
    expect([...batches]).toEqual([
      [
        'a',
        [
          { type: 'del', key: 'a-old' },
          { type: 'put', key: 'a-new', value: { x: 1 } },
        ],
      ],
      ['b', [{ type: 'put', key: 'b-new', value: { x: 2 } }]],
    ]);
  });
});
