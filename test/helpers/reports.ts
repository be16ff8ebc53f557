/**
 * Reports and report-table clients for the store tests against dynalite: a
 * ghost report as `create()` takes it, and a DynamoDB client whose every call
 * the capacity meter charges, with room for a test's own middleware.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Report } from '#lib/model';
import { CapacityMeter, tableDef } from '#lib/store/wcu-meter';
import { LOCAL_CREDENTIALS, LOCAL_REGION, readServiceDefinition } from '../../scripts/local-stack.ts';
import { startEmulatorsForTest, type TestEmulators } from './stack.ts';

export interface GhostFields {
  reportKey: string;
  reportId: string;
  issueId: string;
  /** Its first and last sighting, and the one day it counts on. */
  at: string;
  extract: string;
  signature: string;
  logSha256: string;
}

/** A new report of one occurrence; `overrides` adds what a test's store era holds (months, tags, truncation flags). */
export function ghostReport(fields: GhostFields, overrides: Partial<Report> = {}): Report {
  const { at, ...rest } = fields;
  return {
    ...rest,
    type: 'E',
    occurrences: 1,
    firstSeen: at,
    lastSeen: at,
    extractTruncated: false,
    status: 'Ghost',
    summary: '',
    summaries: [],
    history: [{ event: 'created', at }],
    regressed: false,
    daily: { [at.slice(0, 10)]: 1 },
    ...overrides,
  };
}

export interface ReportsClient {
  client: DynamoDBClient;
  documents: DynamoDBDocumentClient;
  /** Charges every call to the reports table; absent when not asked for. */
  meter?: CapacityMeter;
}

/** A client of the emulators' DynamoDB, metered on the reports table when `metered`; install a test's middleware on `client` before use. */
export function reportsClient(emulators: TestEmulators, { metered = false } = {}): ReportsClient {
  const client = new DynamoDBClient({
    endpoint: emulators.dynamoEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  let meter: CapacityMeter | undefined;
  if (metered) {
    const properties = readServiceDefinition().resources['ReportsTable']!.Properties;
    meter = new CapacityMeter(
      [tableDef(emulators.names.reportsTable, properties as unknown as Parameters<typeof tableDef>[1])],
      emulators.dynamo,
    );
    meter.install(client);
  }
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { client, documents, meter };
}

/**
 * Successful UpdateItem calls per item key (`pk`), as DynamoDB applied them: a
 * refused condition throws and is not counted. Installed on `client`.
 */
export function countAppliedUpdates(client: DynamoDBClient): Map<string, number> {
  const applied = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      const input = args.input as { Key?: { pk?: { S?: string } | string } };
      const pk = typeof input.Key?.pk === 'string' ? input.Key.pk : input.Key?.pk?.S;
      if (context.commandName === 'UpdateItemCommand' && pk) applied.set(pk, (applied.get(pk) ?? 0) + 1);
      return answer;
    },
    { step: 'initialize', name: 'countAppliedUpdates' },
  );
  return applied;
}

/** A test file's emulators and metered reports client (reportsClient), with its applied writes counted. */
export interface MeteredReports {
  emulators: TestEmulators;
  table: string;
  meter: CapacityMeter;
  documents: DynamoDBDocumentClient;
  /** countAppliedUpdates on the metered client. */
  applied: Map<string, number>;
}

/** Starts them before the file's tests and stops them after; the fields are set once `beforeAll` ran. */
export function meteredReports(): MeteredReports {
  const fixture = {} as MeteredReports;
  beforeAll(async () => {
    const emulators = await startEmulatorsForTest();
    const clients = reportsClient(emulators, { metered: true });
    Object.assign(fixture, {
      emulators,
      table: emulators.names.reportsTable,
      meter: clients.meter!,
      documents: clients.documents,
      applied: countAppliedUpdates(clients.client),
    });
  }, 60_000);
  afterAll(async () => {
    fixture.documents?.destroy();
    await fixture.emulators?.stop();
  });
  return fixture;
}
