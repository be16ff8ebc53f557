/**
 * lib/store/document-client.ts against dynalite: every kind of Document
 * command the adapters send answers exactly as lib-dynamodb's own client
 * answers it — same items back, same errors — while its calls go through a
 * low-level client with a cached middleware stack.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { cachedDocumentClient } from '#lib/store/document-client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../scripts/local-stack.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let fast: DynamoDBDocumentClient;
let cachedLowLevel: DynamoDBClient;
let plainLowLevel: DynamoDBClient;
let table: string;

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  table = emulators.names.metaTable;
  const options = {
    endpoint: emulators.dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  };
  plainLowLevel = new DynamoDBClient(options);
  cachedLowLevel = new DynamoDBClient({ ...options, cacheMiddleware: true });
  fast = cachedDocumentClient(plainLowLevel, cachedLowLevel, {
    marshallOptions: { removeUndefinedValues: true },
  });
}, 60_000);

afterAll(async () => {
  plainLowLevel?.destroy();
  cachedLowLevel?.destroy();
  await emulators?.stop();
});

/** An answer without its request metadata, each client's key prefix made one, sets and bytes comparable. */
function normal(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/^(plain|fast)#/, 'key#');
  if (value instanceof Set) return { set: [...value].map(normal).sort() };
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$metadata')
        .map(([key, child]) => [key, normal(child)]),
    );
  }
  return value;
}

type Send = (client: DynamoDBDocumentClient, key: (id: string) => string) => Promise<unknown>;

/** Runs one step with each client on its own keys; both must answer (or fail) alike. */
async function alike(step: Send): Promise<unknown> {
  const run = (client: DynamoDBDocumentClient, prefix: string) =>
    step(client, (id) => `${prefix}#${id}`).then(
      (answer) => ({ answer: normal(answer) }),
      (error: Error) => ({ error: error.name }),
    );
  const plain = await run(emulators.ddb, 'plain');
  const ours = await run(fast, 'fast');
  expect(ours).toEqual(plain);
  return ours;
}

const item = (pk: string) => ({
  pk,
  text: 'é ✓ text',
  empty: '',
  count: 42,
  ratio: 0.25,
  nothing: null,
  yes: true,
  gone: undefined,
  bytes: new Uint8Array([0, 1, 254, 255]),
  tags: new Set(['b', 'a']),
  numbers: new Set([3, 1]),
  list: [1, 'two', { three: [3] }, null],
  nested: { deep: { deeper: 'x', list: [] }, empty: {} },
});

describe('the cached Document client', () => {
  it('writes and reads back items of every attribute type as lib-dynamodb does', async () => {
    await alike((c, key) => c.send(new PutCommand({ TableName: table, Item: item(key('a')) })));
    await alike((c, key) =>
      c.send(
        new PutCommand({ TableName: table, Item: { ...item(key('a')), count: 43 }, ReturnValues: 'ALL_OLD' }),
      ),
    );
    const got = (await alike((c, key) =>
      c.send(new GetCommand({ TableName: table, Key: { pk: key('a') }, ConsistentRead: true })),
    )) as { answer: { Item: Record<string, unknown> } };
    expect(got.answer.Item['count']).toBe(43);
    expect(got.answer.Item).not.toHaveProperty('gone');
    await alike((c, key) => c.send(new GetCommand({ TableName: table, Key: { pk: key('missing') } })));
  });

  it('updates with expressions and returns the values lib-dynamodb returns', async () => {
    await alike((c, key) => c.send(new PutCommand({ TableName: table, Item: item(key('u')) })));
    for (const ReturnValues of ['ALL_NEW', 'UPDATED_NEW', 'ALL_OLD', 'UPDATED_OLD', 'NONE'] as const) {
      await alike((c, key) =>
        c.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: key('u') },
            ConditionExpression: 'attribute_exists(pk) AND #c >= :min',
            UpdateExpression:
              'ADD #c :one, tags :more SET nested.deep.deeper = :v, #l = list_append(#l, :tail)',
            ExpressionAttributeNames: { '#c': 'count', '#l': 'list' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':min': 0,
              ':more': new Set(['c']),
              ':v': { made: ['of', 1, null] },
              ':tail': [{ t: true }],
            },
            ReturnValues,
          }),
        ),
      );
    }
  });

  it('fails a refused condition with the same error', async () => {
    const refused = await alike((c, key) =>
      c.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: key('never') },
          ConditionExpression: 'attribute_exists(pk)',
          UpdateExpression: 'SET x = :x',
          ExpressionAttributeValues: { ':x': 1 },
        }),
      ),
    );
    expect(refused).toEqual({ error: ConditionalCheckFailedException.name });
  });

  it('batches, queries, scans and deletes answer alike (dynalite has no transactions)', async () => {
    await alike((c, key) =>
      c.send(
        new BatchWriteCommand({
          RequestItems: {
            [table]: ['b1', 'b2', 'b3'].map((id) => ({
              PutRequest: { Item: { pk: key(id), n: id.length } },
            })),
          },
        }),
      ),
    );
    // BatchGetItem answers in no set order (DynamoDB documents none; dynalite reads the keys in parallel).
    const batch = (await alike((c, key) =>
      c
        .send(
          new BatchGetCommand({
            RequestItems: { [table]: { Keys: [{ pk: key('b1') }, { pk: key('b3') }] } },
          }),
        )
        .then((answer) => {
          for (const items of Object.values(answer.Responses ?? {})) {
            items.sort((a, b) => String(a['pk']).localeCompare(String(b['pk'])));
          }
          return answer;
        }),
    )) as { answer: { Responses: Record<string, unknown[]> } };
    expect(batch.answer.Responses[table]).toHaveLength(2);
    await alike((c, key) =>
      c.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': key('b2') },
        }),
      ),
    );
    await alike(async (c, key) => {
      const answer = await c.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': key('b') },
          ConsistentRead: true,
        }),
      );
      return (answer.Items ?? []).sort((a, b) => String(a['pk']).localeCompare(String(b['pk'])));
    });
    await alike((c, key) =>
      c.send(new DeleteCommand({ TableName: table, Key: { pk: key('t1') }, ReturnValues: 'ALL_OLD' })),
    );
  });

  it('sends a call with its own options (an abort signal) the ordinary way', async () => {
    await alike((c, key) =>
      c.send(new PutCommand({ TableName: table, Item: { pk: key('o'), v: 1 } }), {
        abortSignal: AbortSignal.timeout(10_000),
      }),
    );
    await alike((c, key) => c.send(new GetCommand({ TableName: table, Key: { pk: key('o') } })));
  });
});
