/**
 * The local stack itself: resources made from serverless.yml, data kept across
 * restarts, instances side by side, and nothing left running after stop().
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  it('reads the bucket and the four tables from serverless.yml', () => {
    expect(declared.map(([id, r]) => `${id}:${r.Type}`).sort()).toEqual([
      'AlertsDeadLetterQueue:AWS::SQS::Queue',
      'AlertsTable:AWS::DynamoDB::Table',
      'ArchiveBucket:AWS::S3::Bucket',
      'CountDeadLetterQueue:AWS::SQS::Queue',
      'CountStream:AWS::Kinesis::Stream',
      'CursorSecret:AWS::SecretsManager::Secret',
      'ExpiryDeadLetterQueue:AWS::SQS::Queue',
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
      ALERTS_TABLE: 'logsift-AlertsTable',
      // Named always; created only on kinesalite, for COUNT_MODE=async.
      COUNT_STREAM: 'logsift-CountStream',
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

  it('gives the reports table the five list indexes the handlers query, and the scheduled fold its index', async () => {
    const { Table } = await local.dynamo.send(
      new DescribeTableCommand({ TableName: 'logsift-ReportsTable' }),
    );
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual([
      'issues',
      'issuesByStatus',
      'reportsByFirstSeen',
      'reportsByLastSeen',
      'reportsByOccurrences',
      'reportsToFold',
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
    // dynalite has neither TTL nor streams: the local gateway sweeps unless told otherwise.
    expect(names['EXPIRY_MODE']).toBe(process.env['EXPIRY_MODE'] || 'sweep');
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

  it("fails with the gateway's own output when it dies before answering", async () => {
    // a malformed tunable fails the handlers' configuration as they load, so the gateway exits at once
    const failed = startStack({ env: { MAX_LOG_BYTES: 'lots' } });
    await expect(failed).rejects.toThrow(
      /exited \(1\) before answering[\s\S]*MAX_LOG_BYTES must be an integer/,
    );
  }, 60_000);
});

/** Every process below `pid` now, from the parent links in /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {} // gone meanwhile
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

describe('npm start', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves on PORT with DATA_DIR, and %s to npm stops every process it started',
    async (signal) => {
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), 'logsift-npm-start-'));
      const npm = spawn('npm', ['start'], {
        cwd: REPO_ROOT,
        env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((done) => npm.once('exit', () => done()));
      let started: number[] = [];
      try {
        let output = '';
        await new Promise<void>((ready, fail) => {
          const timer = setTimeout(() => fail(new Error(`not ready in 90 s:\n${output}`)), 90_000);
          npm.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes(`logsift ready at http://127.0.0.1:${port} (data in ${dataDir})`)) {
              clearTimeout(timer);
              ready();
            }
          });
          npm.once('exit', (code) => fail(new Error(`npm start exited (${code}):\n${output}`)));
        });
        const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'application/json' } });
        expect(answer.status).toBe(200);
        started = descendants(npm.pid!);
        expect(started.length).toBeGreaterThanOrEqual(3); // the launcher, its node, the gateway

        npm.kill(signal);
        const stopped = await Promise.race([
          exited.then(() => true),
          new Promise<boolean>((late) => setTimeout(() => late(false), 30_000)),
        ]);
        expect({ signal, npmExited: stopped }).toEqual({ signal, npmExited: true });
        for (let waited = 0; waited < 15_000 && started.some((pid) => alive(pid)); waited += 250) {
          await new Promise((tick) => setTimeout(tick, 250));
        }
        expect(started.filter((pid) => alive(pid))).toEqual([]);
        await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      } finally {
        for (const pid of [...started, npm.pid!]) {
          if (alive(pid)) process.kill(pid, 'SIGKILL');
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
