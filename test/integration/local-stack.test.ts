/**
 * The local stack itself: resources made from serverless.yml, data kept across
 * restarts, instances side by side, and nothing left running after stop().
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  dynamoClient,
  freePort,
  PortInUseError,
  REPO_ROOT,
  readServiceDefinition,
  s3Client,
  startEmulators,
  startLocalStack,
} from '../../scripts/local-stack.ts';
import { type Stack, startEmulatorsForTest, startStack } from '../helpers/stack.ts';

const definition = readServiceDefinition();
const declared = Object.entries(definition.resources);
const declaredTables = declared.filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');

function alive(pid: number, group = false): boolean {
  try {
    process.kill(group ? -pid : pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the resources', () => {
  let local: Awaited<ReturnType<typeof startEmulatorsForTest>>;
  beforeAll(async () => {
    local = await startEmulatorsForTest();
  });
  afterAll(() => local?.stop());

  it('reads the bucket and the three tables from serverless.yml', () => {
    expect(declared.map(([id, r]) => `${id}:${r.Type}`).sort()).toEqual([
      'ArchiveBucket:AWS::S3::Bucket',
      'LogsTable:AWS::DynamoDB::Table',
      'MetaTable:AWS::DynamoDB::Table',
      'ReportsTable:AWS::DynamoDB::Table',
    ]);
  });

  it('maps every handler variable to a created resource, following provider.environment', () => {
    expect(local.resources.env).toEqual({
      LOGSIFT_BUCKET: 'logsift-archive',
      LOGS_TABLE: 'logsift-LogsTable',
      REPORTS_TABLE: 'logsift-ReportsTable',
      META_TABLE: 'logsift-MetaTable',
    });
  });

  it('creates the bucket', async () => {
    await expect(local.s3.send(new HeadBucketCommand({ Bucket: 'logsift-archive' }))).resolves.toBeDefined();
  });

  it.each(declaredTables)('creates %s with its key schema and every index', async (logicalId, resource) => {
    const props = resource.Properties as {
      KeySchema: unknown[];
      GlobalSecondaryIndexes?: { IndexName: string; KeySchema: unknown[] }[];
    };
    const { Table } = await local.dynamo.send(
      new DescribeTableCommand({ TableName: local.resources.tables[logicalId] }),
    );
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.KeySchema).toEqual(props.KeySchema);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => ({
      IndexName: i.IndexName,
      KeySchema: i.KeySchema,
    }));
    const wanted = (props.GlobalSecondaryIndexes ?? []).map((i) => ({
      IndexName: i.IndexName,
      KeySchema: i.KeySchema,
    }));
    expect(indexes.sort((a, b) => a.IndexName!.localeCompare(b.IndexName!))).toEqual(
      wanted.sort((a, b) => a.IndexName.localeCompare(b.IndexName)),
    );
  });

  it('gives the reports table the five list indexes the handlers query', async () => {
    const { Table } = await local.dynamo.send(
      new DescribeTableCommand({ TableName: 'logsift-ReportsTable' }),
    );
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual([
      'issues',
      'issuesByStatus',
      'reportsByFirstSeen',
      'reportsByLastSeen',
      'reportsByOccurrences',
    ]);
  });
});

describe('a running stack', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'logsift-persist-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps items and objects across a stop and start with the same data dir', async () => {
    const first = await startStack({ dataDir });
    const names = first.env;
    const ddb = dynamoClient(first.dynamoEndpoint);
    const s3 = s3Client(first.s3Endpoint);
    await ddb.send(
      new PutCommand({ TableName: names.LOGS_TABLE, Item: { logId: '000000001', note: 'kept' } }),
    );
    await s3.send(new PutObjectCommand({ Bucket: names.LOGSIFT_BUCKET, Key: 'logs/1', Body: 'line one\n' }));
    ddb.destroy();
    s3.destroy();
    await first.stop();

    const second = await startStack({ dataDir });
    try {
      const ddb2 = dynamoClient(second.dynamoEndpoint);
      const s32 = s3Client(second.s3Endpoint);
      const { Item } = await ddb2.send(
        new GetCommand({ TableName: names.LOGS_TABLE, Key: { logId: '000000001' } }),
      );
      const object = await s32.send(new GetObjectCommand({ Bucket: names.LOGSIFT_BUCKET, Key: 'logs/1' }));
      expect(Item).toEqual({ logId: '000000001', note: 'kept' });
      expect(await object.Body?.transformToString()).toBe('line one\n');
      const { TableNames } = await ddb2.send(new ListTablesCommand({}));
      expect(TableNames).toHaveLength(declaredTables.length);
      ddb2.destroy();
      s32.destroy();
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('runs two stacks side by side on different ports, and stop() leaves no process behind', async () => {
    const stacks: Stack[] = await Promise.all([startStack(), startStack()]);
    try {
      const [a, b] = stacks as [Stack, Stack];
      expect(a.port).not.toBe(b.port);
      expect(a.dynamoEndpoint).not.toBe(b.dynamoEndpoint);
      const answers = await Promise.all(
        stacks.map((s) => fetch(`${s.url}/`, { headers: { accept: 'application/json' } })),
      );
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      for (const s of stacks) expect(alive(s.pid, true)).toBe(true);
    } finally {
      await Promise.all(stacks.map((s) => s.stop()));
    }
    for (const s of stacks) {
      expect(alive(s.pid)).toBe(false);
      expect(alive(s.pid, true)).toBe(false);
      await expect(fetch(`${s.url}/`)).rejects.toThrow();
    }
  }, 120_000);

  it('refuses a data dir that another process holds, instead of crashing', async () => {
    const held = join(mkdtempSync(join(tmpdir(), 'logsift-held-')), 'dynamodb');
    // LevelDB's lock is per process: hold it from a child, as a second `npm start` would meet it.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `new (require('level').Level)(${JSON.stringify(held)}).open().then(() => { console.log('held'); setInterval(() => {}, 1000); })`,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((done) => holder.stdout.once('data', done));
      await expect(startEmulators({ dataDir: dirname(held) })).rejects.toThrow(/same DATA_DIR/);
    } finally {
      holder.kill('SIGKILL');
      rmSync(dirname(held), { recursive: true, force: true });
    }
  });

  it('refuses a port that is already taken, with its number', async () => {
    const port = await freePort();
    const { createServer } = await import('node:net');
    const holder = createServer().listen(port, '127.0.0.1');
    await new Promise((done) => holder.once('listening', done));
    try {
      await expect(startLocalStack({ port, quiet: true })).rejects.toThrow(PortInUseError);
      await expect(startLocalStack({ port, quiet: true })).rejects.toThrow(String(port));
    } finally {
      holder.close();
    }
  });

  it("fails with serverless's own output when it dies before answering", async () => {
    // an unknown plugin set makes serverless.yml unresolvable, so offline exits at once
    const failed = startStack({ env: { LOGSIFT_PLUGINS: 'no-such-set' } });
    await expect(failed).rejects.toThrow(
      /exited \(1\) before answering[\s\S]*Cannot resolve variable at "plugins"/,
    );
  }, 60_000);
});
