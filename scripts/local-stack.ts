/**
 * The embedded local stack: s3rver and dynalite in this process, the bucket and
 * tables created from serverless.yml's own `resources`, then the local gateway (scripts/gateway.ts)
 * as a child process group. Used by `npm start`, the tests and the benchmarks.
 *
 *   startEmulators()   S3 + DynamoDB emulators on free ports (persistent with dataDir)
 *   createResources()  the bucket and tables of serverless.yml, idempotently
 *   startLocalStack()  both, plus the gateway answering HTTP
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  ResourceNotFoundException as StreamNotFound,
} from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { MAX_INLINE_BYTES } from '#lib/config';
import { parseFingerprintRules } from '#lib/extract/fingerprint-rules';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { installAtomicIndexWrites } from './dynalite-index-writes.ts';
import { installDynaliteTableCache } from './dynalite-table-cache.ts';
import { signatureCheck } from './s3-front.ts';
import { type CfnResource, readServerlessYml, SERVERLESS_YML } from './serverless-yml.ts';

export { readServerlessYml, SERVERLESS_YML, type ServerlessYml } from './serverless-yml.ts';

export const REPO_ROOT = resolve(__dirname, '..');

// The SDK warns on every client built under node 20 (support ends 2027); the
// clients here only talk to local emulators.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
export const LOCAL_REGION = 'us-east-1';
/** s3rver checks signatures against these; dynalite accepts anything. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}
export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

// ---------------------------------------------------------------------------
// Emulators

export interface Emulators {
  s3Endpoint: string;
  dynamoEndpoint: string;
  /** kinesalite, started for COUNT_MODE=async only. */
  kinesisEndpoint?: string;
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance;
type Dynalite = (options: Record<string, unknown>) => Server;

// Neither package ships type declarations; these are the parts used here.
const S3rver = require('s3rver') as S3rverCtor;
const dynalite = require('dynalite') as Dynalite;
const kinesalite = require('kinesalite') as Dynalite;

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

/** How long a request under way may still take once its emulator is stopping. */
const IN_FLIGHT_GRACE_MS = 2000;

/**
 * Closes an HTTP server: no new connections, idle keep-alive sockets dropped
 * now rather than waited out, and a request under way answered before its
 * store closes (dropped after IN_FLIGHT_GRACE_MS). Dropping every socket at
 * once left dynalite serving such a request from a closed LevelDB, which it
 * throws from outside any handler ("Database is closed"): a test run's
 * teardown failed on it when a gateway's scheduled read was still on its way.
 */
async function closeServer(server: Server, close: () => Promise<void>): Promise<void> {
  const closing = close();
  server.closeIdleConnections();
  const late = setTimeout(() => server.closeAllConnections(), IN_FLIGHT_GRACE_MS);
  try {
    await closing;
  } finally {
    clearTimeout(late);
  }
}

/**
 * dynalite opens its LevelDB in the background, and when that fails (another
 * process holds the lock) it throws from inside request handling, which kills
 * this process. So open it once here first and fail with what to do.
 */
async function assertLevelDbFree(dir: string): Promise<void> {
  const { Level } = require('level') as {
    Level: new (path: string) => { open(): Promise<void>; close(): Promise<void> };
  };
  const db = new Level(dir);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new Error(
      `logsift: cannot open the DynamoDB data in ${dir}: ${cause}\n` +
        'Is another logsift running with the same DATA_DIR? Stop it or set DATA_DIR to another directory.',
    );
  }
  await db.close();
}

/**
 * s3rver and dynalite in this process on free ports of 127.0.0.1. With `dataDir`,
 * objects live under `dataDir/s3` and tables under `dataDir/dynamodb` (LevelDB,
 * one process at a time); without it, everything is gone after `stop()`.
 */
export async function startEmulators(opts: { dataDir?: string; kinesis?: boolean } = {}): Promise<Emulators> {
  const s3Dir = opts.dataDir ? join(opts.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'logsift-s3-'));
  const dynamoDir = opts.dataDir ? join(opts.dataDir, 'dynamodb') : undefined;
  mkdirSync(s3Dir, { recursive: true });
  if (dynamoDir) mkdirSync(dynamoDir, { recursive: true });

  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: s3Dir,
    silent: true,
    // path-style only: the SDK is configured with forcePathStyle
    vhostBuckets: false,
  });
  // Every request is signature-checked before s3rver's own middleware (scripts/s3-front.ts).
  (s3 as unknown as { middleware: unknown[] }).middleware.unshift(signatureCheck(LOCAL_CREDENTIALS));
  if (dynamoDir) await assertLevelDbFree(dynamoDir);
  const s3Port = (await s3.run()).port;

  // Tables are ACTIVE at once: nothing here waits out CREATING states.
  installDynaliteTableCache();
  installAtomicIndexWrites();
  const dynamo = dynalite({ path: dynamoDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let dynamoPort: number;
  try {
    dynamoPort = await listen(dynamo);
  } catch (error) {
    await s3.close();
    throw error;
  }

  // The count stream's emulator (COUNT_MODE=async), by dynalite's author; streams ACTIVE at once.
  const kinesisDir = opts.kinesis && opts.dataDir ? join(opts.dataDir, 'kinesis') : undefined;
  if (kinesisDir) mkdirSync(kinesisDir, { recursive: true });
  const kinesis = opts.kinesis
    ? kinesalite({ path: kinesisDir, createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 })
    : undefined;
  let kinesisPort: number | undefined;
  try {
    if (kinesis) kinesisPort = await listen(kinesis);
  } catch (error) {
    await s3.close();
    await new Promise<void>((done) => dynamo.close(() => done()));
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const emulators: Emulators = {
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    ...(kinesisPort ? { kinesisEndpoint: `http://127.0.0.1:${kinesisPort}` } : {}),
    stop() {
      stopping ??= (async () => {
        await Promise.allSettled([
          s3.httpServer ? closeServer(s3.httpServer, () => s3.close()) : Promise.resolve(),
          closeServer(dynamo, () => new Promise<void>((done) => dynamo.close(() => done()))),
          kinesis
            ? closeServer(kinesis, () => new Promise<void>((done) => kinesis.close(() => done())))
            : Promise.resolve(),
        ]);
        if (!opts.dataDir) rmSync(s3Dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };

  return emulators;
}

/** An S3 client for s3rver (or LocalStack): path-style, no streamed checksums (DESIGN §6). */
export function s3Client(endpoint: string, credentials = LOCAL_CREDENTIALS): S3Client {
  return new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function dynamoClient(endpoint: string, credentials = LOCAL_CREDENTIALS): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials });
}

/** A Kinesis client for kinesalite: HTTP/1.1, which is all it speaks. */
export function kinesisClient(endpoint: string, credentials = LOCAL_CREDENTIALS): KinesisClient {
  return new KinesisClient({
    endpoint,
    region: LOCAL_REGION,
    credentials,
    requestHandler: new NodeHttpHandler(),
  });
}

// ---------------------------------------------------------------------------
// serverless.yml -> local resources

interface TableProperties {
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  GlobalSecondaryIndexes?: GlobalSecondaryIndex[];
  TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
}

export interface ServiceDefinition {
  service: string;
  /** Logical id -> CloudFormation resource, as in `resources.Resources`. */
  resources: Record<string, CfnResource>;
  /** Handler variable name -> logical id it names when deployed (LOGS_TABLE -> LogsTable). */
  envRefs: Record<string, string>;
}

/** Walks a `self:` path such as `custom.ref.bucket` through the parsed file. */
function selfPath(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc);
}

/**
 * Reads serverless.yml: its resources, and which of them each handler variable
 * names, following `${env:NAME, self:custom.ref.x}` -> `custom.ref.x: !Ref Id`.
 */
export function readServiceDefinition(path = SERVERLESS_YML): ServiceDefinition {
  const doc = readServerlessYml(path);
  const envRefs: Record<string, string> = {};
  for (const [name, value] of Object.entries<unknown>(doc.provider?.environment ?? {})) {
    const match = typeof value === 'string' ? /^\$\{env:(\w+),\s*self:([\w.]+)\s*\}$/.exec(value) : null;
    if (!match) continue;
    const target = selfPath(doc, match[2]!) as { Ref?: unknown } | undefined;
    if (typeof target?.Ref === 'string') envRefs[match[1] ?? name] = target.Ref;
  }
  return { service: String(doc.service), resources: doc.resources?.Resources ?? {}, envRefs };
}

/** Local physical names: `ArchiveBucket` -> `logsift-archive`, `LogsTable` -> `logsift-LogsTable`. */
export function localName(service: string, logicalId: string, type: string): string {
  if (type === 'AWS::S3::Bucket') {
    const stem = logicalId.replace(/Bucket$/, '') || logicalId;
    return `${service}-${stem.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
  }
  return `${service}-${logicalId}`;
}

export interface LocalResources {
  /** What the handlers read: LOGSIFT_BUCKET, LOGS_TABLE, REPORTS_TABLE, META_TABLE. */
  env: Record<string, string>;
  /** Logical id -> local bucket name. */
  buckets: Record<string, string>;
  /** Logical id -> local table name. */
  tables: Record<string, string>;
  /** Logical id -> local Kinesis stream name (created only where a Kinesis endpoint is given). */
  streams: Record<string, string>;
}

export interface ResourceTarget {
  s3Endpoint: string;
  dynamoEndpoint: string;
  credentials?: Credentials;
  /** Defaults to the repo's serverless.yml. */
  definition?: ServiceDefinition;
  /** kinesalite, for COUNT_MODE=async: the streams are created there. */
  kinesisEndpoint?: string;
}

/**
 * Creates every `AWS::S3::Bucket` and `AWS::DynamoDB::Table` of serverless.yml
 * against the given endpoints. Existing ones are left alone, so data survives
 * restarts; a table that lacks an index serverless.yml now defines is an error
 * (dynalite cannot add an index to an existing table). Bucket encryption and
 * public-access settings have no local meaning and are not applied; TTL is
 * applied where the endpoint supports it (LocalStack) and skipped on dynalite.
 */
export async function createResources(target: ResourceTarget): Promise<LocalResources> {
  const definition = target.definition ?? readServiceDefinition();
  const s3 = s3Client(target.s3Endpoint, target.credentials);
  const dynamo = dynamoClient(target.dynamoEndpoint, target.credentials);
  const result: LocalResources = { env: {}, buckets: {}, tables: {}, streams: {} };
  try {
    for (const [logicalId, resource] of Object.entries(definition.resources)) {
      const name = localName(definition.service, logicalId, resource.Type);
      if (resource.Type === 'AWS::S3::Bucket') {
        await ensureBucket(s3, name);
        result.buckets[logicalId] = name;
      } else if (resource.Type === 'AWS::DynamoDB::Table') {
        await ensureTable(dynamo, name, resource.Properties as unknown as TableProperties);
        result.tables[logicalId] = name;
      } else if (resource.Type === 'AWS::Kinesis::Stream') {
        if (target.kinesisEndpoint)
          await ensureStream(target.kinesisEndpoint, name, resource.Properties ?? {}, target.credentials);
        result.streams[logicalId] = name;
      }
    }
  } finally {
    s3.destroy();
    dynamo.destroy();
  }
  for (const [variable, logicalId] of Object.entries(definition.envRefs)) {
    const name = result.buckets[logicalId] ?? result.tables[logicalId] ?? result.streams[logicalId];
    if (!name)
      throw new Error(`logsift: ${variable} names ${logicalId}, which is no bucket, table or stream`);
    result.env[variable] = name;
  }
  return result;
}

/** COUNT_STREAM_SHARDS, else serverless.yml's default (`${env:COUNT_STREAM_SHARDS, '2'}`), else 1. */
function shardCount(value: unknown): number {
  const given = Number(process.env['COUNT_STREAM_SHARDS'] || Number.NaN);
  if (Number.isInteger(given) && given > 0) return given;
  const written = typeof value === 'number' ? value : Number(/'(\d+)'/.exec(String(value))?.[1] ?? value);
  return Number.isInteger(written) && written > 0 ? written : 1;
}

async function ensureStream(
  endpoint: string,
  name: string,
  props: Record<string, unknown>,
  credentials?: Credentials,
): Promise<void> {
  const kinesis = kinesisClient(endpoint, credentials);
  try {
    await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
    await kinesis.send(
      new CreateStreamCommand({ StreamName: name, ShardCount: shardCount(props['ShardCount']) }),
    );
  } finally {
    kinesis.destroy();
  }
}

async function ensureBucket(s3: S3Client, name: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: name }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  }
}

async function ensureTable(dynamo: DynamoDBClient, name: string, props: TableProperties): Promise<void> {
  const wanted = (props.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName!);
  try {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: name }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    const missing = wanted.filter((index) => !present.has(index));
    if (missing.length > 0) {
      throw new Error(
        `logsift: table ${name} exists without index ${missing.join(', ')} that serverless.yml defines;` +
          ' delete its data directory (DATA_DIR/dynamodb) to recreate it',
      );
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await dynamo.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: props.AttributeDefinitions,
      KeySchema: props.KeySchema,
      GlobalSecondaryIndexes: props.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection,
      })),
    }),
  );
  if (props.TimeToLiveSpecification) {
    try {
      await dynamo.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: props.TimeToLiveSpecification,
        }),
      );
    } catch (error) {
      // dynalite has no UpdateTimeToLive; expiry only matters deployed
      if ((error as Error).name !== 'UnknownOperationException') throw error;
    }
  }
}

// ---------------------------------------------------------------------------
// The whole stack

export interface LocalStackOptions {
  /** HTTP port; 0 (the default) picks a free one. */
  port?: number;
  /** Persistent data directory; omitted, the data lives only as long as the stack. */
  dataDir?: string;
  /** Extra variables for the gateway and so the handlers. */
  env?: Record<string, string>;
  /** Don't relay the gateway's output once ready (it is always captured for errors). */
  quiet?: boolean;
  /** Give up waiting for `GET /` after this long. */
  readyTimeoutMs?: number;
  /** node flags for the gateway process (e.g. `--cpu-prof`, for the benchmarks). */
  gatewayNodeFlags?: string[];
  /** Use these S3/DynamoDB endpoints (e.g. LocalStack) instead of starting the emulators. */
  endpoints?: { s3Endpoint: string; dynamoEndpoint: string; credentials?: Credentials };
}

export interface LocalStack {
  url: string;
  port: number;
  /** the gateway's pid, which is also its process group id. */
  pid: number;
  /** The variables the handlers were given. */
  env: Record<string, string>;
  s3Endpoint: string;
  dynamoEndpoint: string;
  /** The output of the gateway so far (bounded). */
  output(): string;
  /** Settles when the gateway exits, with its exit code or signal. */
  exited: Promise<number | string>;
  /** Stops the gateway's whole process group, then the emulators. Idempotent. */
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `logsift: port ${port} on 127.0.0.1 is already in use; stop what holds it or set PORT to another port`,
    );
    this.name = 'PortInUseError';
  }
}

/** A port held open until `release()`: the asked one (PortInUseError when taken), or a free one (0). */
async function reservePort(port: number): Promise<{ port: number; release(): Promise<void> }> {
  const holder = createServer();
  try {
    const held = await listen(holder, port);
    return { port: held, release: () => new Promise<void>((done) => holder.close(() => done())) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port);
    throw error;
  }
}

/** A port that was free a moment ago (0), or a check that the asked one is free now. */
export async function freePort(port = 0): Promise<number> {
  const probe = createServer();
  try {
    return await listen(probe, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new PortInUseError(port);
    throw error;
  } finally {
    await new Promise((done) => probe.close(done));
  }
}

const OUTPUT_LIMIT = 64 * 1024;
const STOP_GRACE_MS = 5_000;

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The key list cursors are sealed with (lib/store/cursor.ts): kept in the data
 * directory, so cursors handed out survive a restart; a fresh one per stack
 * without it.
 */
function cursorSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('hex');
  const file = join(dataDir, 'cursor-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * LIST_SHARDS on this machine unless set. Shards spread a list index's writes
 * over DynamoDB partitions; dynalite has none to spread, and every list page
 * queries every shard, so locally they only multiply each page's queries (16
 * per page: a third of `npm run test:load`'s storage calls). Deployed, the
 * default stays DEFAULT_LIST_SHARDS (serverless.yml).
 */
export const LOCAL_LIST_SHARDS = 1;

/** The LIST_SHARDS a local stack's gateway reads: the caller's, or LOCAL_LIST_SHARDS. */
export function localListShards(env: Record<string, string | undefined> | undefined = {}): number {
  const raw = env['LIST_SHARDS'] ?? process.env['LIST_SHARDS'];
  return raw ? Number(raw) : LOCAL_LIST_SHARDS;
}

/**
 * INLINE_LOG_BYTES on this machine unless set: a log whose gzip is at most
 * this size rides in its blob item instead of an S3 object. Deployed, the
 * default (2 KiB) follows AWS's prices (an S3 PUT against the write units of
 * a bigger item); here nothing is priced, and s3rver's PUT — an object file,
 * its metadata, directories, on disk — is the emulators' costliest call: some
 * 6 ms of their CPU a log, against under 1 ms for a DynamoDB write
 * (`npm run bench -- --only=ingest`, unique 2–60 KB logs). The bound is the
 * deployed maximum, MAX_INLINE_BYTES; bigger logs still go to S3.
 */
export const LOCAL_INLINE_LOG_BYTES = MAX_INLINE_BYTES;

/** The INLINE_LOG_BYTES a local stack's gateway reads: the caller's, or LOCAL_INLINE_LOG_BYTES. */
export function localInlineLogBytes(env: Record<string, string | undefined> | undefined = {}): string {
  return env['INLINE_LOG_BYTES'] ?? process.env['INLINE_LOG_BYTES'] ?? String(LOCAL_INLINE_LOG_BYTES);
}

/**
 * EXPIRY_MODE on this machine unless set. Deployed, serverless.yml's default
 * is `ttl`: DynamoDB's TTL deletes expired records and their stream releases
 * the blobs. dynalite has neither TTL nor streams, so under `ttl` an expired
 * record would read as absent but stay, bytes and all; the sweeper does both.
 */
export const LOCAL_EXPIRY_MODE = 'sweep';

/** The EXPIRY_MODE a local stack's gateway reads: the caller's, or LOCAL_EXPIRY_MODE. */
export function localExpiryMode(env: Record<string, string | undefined> | undefined = {}): string {
  return env['EXPIRY_MODE'] || process.env['EXPIRY_MODE'] || LOCAL_EXPIRY_MODE;
}

/** Moves every stored report into its shard of each list for the LIST_SHARDS the gateway will read. */
async function reshardLocal(
  dynamoEndpoint: string,
  resources: LocalResources,
  env: Record<string, string> | undefined,
): Promise<void> {
  const table = resources.env['REPORTS_TABLE'];
  if (!table) return;
  const listShards = localListShards(env);
  const client = dynamoClient(dynamoEndpoint);
  try {
    const store = new DynamoReportStore(DynamoDBDocumentClient.from(client), table, 'reshard', {
      listShards,
    });
    const moved = await store.reshardLists();
    if (moved > 0)
      console.log(
        `logsift: ${moved} stored reports moved into their list shards (LIST_SHARDS=${listShards})`,
      );
  } finally {
    client.destroy();
  }
}

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  // A bad rule list stops the start with its message, before any emulator runs.
  parseFingerprintRules(opts.env?.['FINGERPRINT_RULES'] ?? process.env['FINGERPRINT_RULES']);
  // The gateway's port is held while the emulators take theirs (port 0), or the
  // kernel may hand one of them the port just probed, and the gateway would
  // find it taken; it is let go just before the gateway binds it.
  const countAsync =
    (opts.env?.['COUNT_MODE'] ?? process.env['COUNT_MODE'] ?? '').trim().toLowerCase() === 'async';
  if (countAsync && opts.endpoints)
    throw new Error(
      'logsift: COUNT_MODE=async runs on the embedded emulators (kinesalite), not on given endpoints',
    );
  const reserved = await reservePort(opts.port ?? 0);
  const port = reserved.port;
  let emulators: Emulators;
  try {
    emulators = opts.endpoints
      ? { ...opts.endpoints, stop: async () => {} }
      : await startEmulators({ dataDir: opts.dataDir, kinesis: countAsync });
  } catch (error) {
    await reserved.release();
    throw error;
  }
  const credentials = opts.endpoints?.credentials ?? LOCAL_CREDENTIALS;

  let resources: LocalResources;
  try {
    resources = await createResources({ ...emulators, credentials });
    // A DATA_DIR from before the lists were sharded, or under another LIST_SHARDS, lists again.
    if (opts.dataDir && !opts.endpoints) await reshardLocal(emulators.dynamoEndpoint, resources, opts.env);
  } catch (error) {
    await reserved.release();
    await emulators.stop();
    throw error;
  }
  await reserved.release();

  const env: Record<string, string> = {
    ...resources.env,
    AWS_ENDPOINT_URL_S3: emulators.s3Endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
    ...(emulators.kinesisEndpoint
      ? {
          AWS_ENDPOINT_URL_KINESIS: emulators.kinesisEndpoint,
          // The local on-failure destination (scripts/local-stream.ts).
          LOGSIFT_LOCAL_DEAD_LETTER: join(
            opts.dataDir ?? tmpdir(),
            `logsift-count-dead-letter-${port}.ndjson`,
          ),
        }
      : {}),
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    LOGSIFT_S3_FORCE_PATH_STYLE: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PORT: String(port),
    CURSOR_SECRET: cursorSecret(opts.dataDir),
    // LocalStack may keep data listed under the deployed default: it keeps it.
    ...(opts.endpoints
      ? {}
      : { LIST_SHARDS: String(localListShards(opts.env)), INLINE_LOG_BYTES: localInlineLogBytes(opts.env) }),
    EXPIRY_MODE: localExpiryMode(opts.env),
    ...opts.env,
  };
  // AWS_PROFILE / session tokens from the caller's shell must not leak into the emulated account
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^AWS_/.test(name) && !(name in env)),
  );
  // The handlers run in the gateway's process (scripts/gateway-main.ts), loaded once with tsx.
  const args = [
    ...(opts.gatewayNodeFlags ?? []),
    '--import',
    'tsx',
    join(REPO_ROOT, 'scripts', 'gateway-main.ts'),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, FORCE_COLOR: '0', ...env },
  });
  const pid = child.pid!;
  // The last OUTPUT_LIMIT bytes, kept as chunks: the gateway logs a line per request,
  // and re-slicing one string per chunk would cost this process (the emulators') dearly.
  const chunks: Buffer[] = [];
  let kept = 0;
  const output = () => Buffer.concat(chunks).toString('utf8').slice(-OUTPUT_LIMIT);
  let relay = false;
  const collect = (chunk: Buffer, sink: NodeJS.WriteStream) => {
    chunks.push(chunk);
    kept += chunk.length;
    while (chunks.length > 1 && kept - chunks[0]!.length >= OUTPUT_LIMIT) kept -= chunks.shift()!.length;
    if (relay && !opts.quiet) sink.write(chunk);
  };
  child.stdout?.on('data', (chunk: Buffer) => collect(chunk, process.stdout));
  child.stderr?.on('data', (chunk: Buffer) => collect(chunk, process.stderr));
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code ?? 0)),
  );

  // Should this process end without stop(), take the children with it.
  const killOnExit = () => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      if (groupAlive(pid)) {
        process.kill(-pid, 'SIGTERM');
        const deadline = Date.now() + STOP_GRACE_MS;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
        if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
        // Bounded: a SIGKILLed member can linger as a zombie until init reaps it.
        const reaped = Date.now() + STOP_GRACE_MS;
        while (groupAlive(pid) && Date.now() < reaped) await sleep(20);
      }
      await emulators.stop();
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 90_000);
  let died: number | string | undefined;
  void exited.then((status) => {
    died = status;
  });
  for (;;) {
    if (died !== undefined) {
      await stop();
      throw new Error(`logsift: the gateway exited (${died}) before answering:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`logsift: the gateway did not answer GET ${url}/ in time:\n${output()}`);
    }
    // Only the gateway's own answer counts: something else may hold the port.
    if (!output().includes(`gateway listening on ${port} `)) {
      await sleep(100);
      continue;
    }
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      break;
    } catch {
      await sleep(100);
    }
  }
  relay = true;

  return {
    url,
    port,
    pid,
    env,
    s3Endpoint: emulators.s3Endpoint,
    dynamoEndpoint: emulators.dynamoEndpoint,
    output,
    exited,
    stop,
  };
}
