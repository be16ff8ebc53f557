/**
 * scripts/backfill-report-shard.ts against dynalite through the AWS SDK: log
 * records written in the shape stored before `logsByReportShard` (a
 * `reportKey`, no `reportShard`) are not found by the store's query by report
 * shard (what `?logs=delete` reads) until the backfill has run; after it they
 * are, and a second run updates nothing. The script runs as an operator runs
 * it, a child process given LOGS_TABLE and the endpoint.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoLogIndex, reportShardFor } from '#lib/store/dynamo-logs';
import { type BackfillState, backfillDone, backfillReportShard } from '#lib/store/report-shard-backfill';
import { REPO_ROOT } from '../../scripts/local-stack.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

const run = promisify(execFile);

let local: TestEmulators;
let logs: DynamoLogIndex;

beforeAll(async () => {
  local = await startEmulatorsForTest();
  logs = new DynamoLogIndex(local.ddb, local.names.logsTable);
}, 60_000);

afterAll(async () => {
  await local?.stop();
});

const idOf = (n: number) => String(n).padStart(9, '0');

/** A record as the store wrote it before logsByReportShard: no `reportShard`. */
async function putOldShape(n: number, reportKey: string | null): Promise<void> {
  await local.ddb.send(
    new PutCommand({
      TableName: local.names.logsTable,
      Item: {
        logId: idOf(n),
        sha256: `${n}`.padStart(64, 'a'),
        bytes: 100 + n,
        receivedAt: '2026-10-01T08:00:00.000Z',
        ...(reportKey ? { reportKey, reportId: '000000001', type: 'E' } : { type: null }),
      },
    }),
  );
}

async function allOfReport(reportKey: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await logs.ofReport(reportKey, 10, cursor);
    ids.push(...page.ids);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return ids;
}

async function backfillScript(...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'backfill-report-shard.ts'), ...args],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        LOGS_TABLE: local.names.logsTable,
        AWS_ENDPOINT_URL_DYNAMODB: local.dynamoEndpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );
  return stdout;
}

const OLD = 'E:ledger:posting rejected';
const OTHER = 'E:courier:parcel lost';
const expectedOld = Array.from({ length: 40 }, (_, i) => idOf(i + 1));
const expectedNew = Array.from({ length: 5 }, (_, i) => idOf(41 + i));

describe('backfill of reportShard', () => {
  it('makes records stored before logsByReportShard findable by report, once', async () => {
    for (let n = 1; n <= 40; n++) await putOldShape(n, OLD);
    for (const logId of expectedNew)
      await logs.put({
        logId,
        sha256: logId.padStart(64, 'b'),
        bytes: 10,
        receivedAt: '2026-11-01T08:00:00.000Z',
        reportId: '000000001',
        reportKey: OLD,
        type: 'E',
      });
    for (let n = 50; n < 60; n++) await putOldShape(n, OTHER);
    for (let n = 60; n < 66; n++) await putOldShape(n, null);

    // Before: the index sees only the records written with their shard.
    expect(await allOfReport(OLD)).toEqual(expectedNew);
    expect(await allOfReport(OTHER)).toEqual([]);

    const first = await backfillScript('--segments', '3', '--page-size', '7');
    expect(first).toContain(
      'scanned 61, updated 50, already had it 5, without report 6, changed meanwhile 0',
    );
    expect(await allOfReport(OLD)).toEqual([...expectedOld, ...expectedNew]);
    expect(await allOfReport(OTHER)).toEqual(Array.from({ length: 10 }, (_, i) => idOf(50 + i)));
    // The shard the store itself would have written, and the rest of the record untouched.
    const one = await local.ddb.send(
      new GetCommand({ TableName: local.names.logsTable, Key: { logId: idOf(7) } }),
    );
    expect(one.Item).toMatchObject({ reportKey: OLD, reportShard: reportShardFor(OLD, idOf(7)), bytes: 107 });
    expect(await logs.get(idOf(7))).toMatchObject({
      reportKey: OLD,
      bytes: 107,
      sha256: '7'.padStart(64, 'a'),
    });

    const stateDir = mkdtempSync(join(tmpdir(), 'logsift-backfill-'));
    const stateFile = join(stateDir, 'state.json');
    const second = await backfillScript('--segments', '2', '--state', stateFile);
    expect(second).toContain('scanned 61, updated 0, already had it 55, without report 6');
    // A finished run leaves no state to resume from.
    expect(existsSync(stateFile)).toBe(false);
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('goes on from a saved state after being stopped part-way', async () => {
    const REST = 'E:kiln:firing aborted';
    for (let n = 100; n < 130; n++) await putOldShape(n, REST);
    const abort = new AbortController();
    const partial = await backfillReportShard(local.ddb, local.names.logsTable, {
      segments: 2,
      pageSize: 5,
      signal: abort.signal,
      onPage: () => abort.abort(),
    });
    expect(backfillDone(partial)).toBe(false);
    expect(partial.counts.scanned).toBeLessThan(91);
    const resumed = await backfillReportShard(local.ddb, local.names.logsTable, {
      resume: JSON.parse(JSON.stringify(partial)) as BackfillState,
    });
    expect(backfillDone(resumed)).toBe(true);
    // Every item seen once over both runs; each of the 30 new old-shape records updated once.
    expect(resumed.counts).toEqual({ scanned: 91, updated: 30, already: 55, noReport: 6, skipped: 0 });
    expect(await allOfReport(REST)).toEqual(Array.from({ length: 30 }, (_, i) => idOf(100 + i)));
  }, 60_000);
});
