/**
 * Emulator lifecycle for tests, in one place. Every helper starts on free ports
 * with fresh data, fails with the captured gateway output if it dies
 * before answering, and stops every process it started.
 *
 *   const stack = await startStack();           // beforeAll; stack.url, stack.stop()
 *   const stack = withStack();                  // registers beforeAll/afterAll itself
 *   const local = await startEmulatorsForTest(); // S3/DynamoDB clients, bucket + tables made
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createResources,
  dynamoClient,
  type LocalResources,
  type LocalStack,
  s3Client,
  startEmulators,
  startLocalStack,
} from '../../scripts/local-stack.ts';

export interface Stack extends LocalStack {
  dataDir: string;
}

export interface StackOptions {
  /** Reuse this data directory (kept after stop); by default a fresh one, removed after stop. */
  dataDir?: string;
  /** Extra variables for the handlers. */
  env?: Record<string, string>;
}

/** The whole service (emulators, bucket and tables, the local gateway) on free ports. */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'logsift-stack-'));
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port: 0, dataDir, env: opts.env, quiet: true });
  } catch (error) {
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...stack,
    dataDir,
    async stop() {
      await stack.stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a stack in beforeAll and stops it in afterAll; the returned object
 * reads through to it, so tests can write `stack.url`.
 */
export function withStack(opts: StackOptions = {}): Stack {
  let current: Stack | undefined;
  beforeAll(async () => {
    current = await startStack(opts);
  }, 120_000);
  afterAll(async () => {
    await current?.stop();
  }, 30_000);
  const started = (): Stack => {
    if (!current) throw new Error('withStack(): the stack is used outside a test (before beforeAll ran)');
    return current;
  };
  // Forwards reads, spreads ({ ...stack }) and key listings to the running stack.
  return new Proxy({} as Stack, {
    get: (_target, key) => Reflect.get(started(), key),
    has: (_target, key) => Reflect.has(started(), key),
    ownKeys: () => Reflect.ownKeys(started()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(started(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

export interface TestEmulators {
  s3: S3Client;
  dynamo: DynamoDBClient;
  /** Document client over `dynamo`, marshalling as the handlers' adapters do. */
  ddb: DynamoDBDocumentClient;
  /** Local bucket and table names, and the handler variables that name them. */
  resources: LocalResources;
  /** The same names, ready for adapter constructors. */
  names: { bucket: string; logsTable: string; reportsTable: string; metaTable: string };
  s3Endpoint: string;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

function requireName(resources: LocalResources, variable: string): string {
  const name = resources.env[variable];
  if (!name) throw new Error(`serverless.yml maps no bucket or table to ${variable}`);
  return name;
}

/** In-memory s3rver + dynalite with serverless.yml's bucket and tables, and clients aimed at them. */
export async function startEmulatorsForTest(): Promise<TestEmulators> {
  const emulators = await startEmulators();
  try {
    const resources = await createResources(emulators);
    const s3 = s3Client(emulators.s3Endpoint);
    const dynamo = dynamoClient(emulators.dynamoEndpoint);
    return {
      s3,
      dynamo,
      ddb: DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } }),
      resources,
      names: {
        bucket: requireName(resources, 'LOGSIFT_BUCKET'),
        logsTable: requireName(resources, 'LOGS_TABLE'),
        reportsTable: requireName(resources, 'REPORTS_TABLE'),
        metaTable: requireName(resources, 'META_TABLE'),
      },
      s3Endpoint: emulators.s3Endpoint,
      dynamoEndpoint: emulators.dynamoEndpoint,
      async stop() {
        s3.destroy();
        dynamo.destroy();
        await emulators.stop();
      },
    };
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}
