/**
 * What one count of a hot report costs against dynalite, call by call, and
 * that its answer stays the exact total when counts come one after another
 * (one client's retries, or two containers taking turns): the report is read
 * with its counter items in one call, then counted, with no read-back.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Report } from '#lib/model';
import { DynamoReportStore } from '#lib/store/dynamo-reports';
import { ghostReport, reportsClient } from '../helpers/reports.ts';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let emulators: TestEmulators;
let documents: DynamoDBDocumentClient;
let table: string;
const calls: string[] = [];

beforeAll(async () => {
  emulators = await startEmulatorsForTest();
  table = emulators.names.reportsTable;
  const { client, documents: clientDocuments } = reportsClient(emulators);
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context['commandName']));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  documents = clientDocuments;
}, 60_000);

afterAll(async () => {
  documents?.destroy();
  await emulators?.stop();
});

const base = Date.UTC(2026, 10, 6, 9, 0, 0);
const at = (ms: number) => new Date(base + ms).toISOString();

function report(key: string, reportId: string): Report {
  return ghostReport(
    {
      reportKey: key,
      reportId,
      issueId: reportId.slice(3),
      at: at(0),
      extract: 'ERROR the ledger refused a posting',
      signature: 'ERROR the ledger refused a posting',
      logSha256: 'c'.repeat(64),
    },
    { signatureTruncated: false, historyDropped: 0, monthly: {} },
  );
}

/** A container's store whose once-a-second allowances all fall in one wall second. */
const container = () => new DynamoReportStore(documents, table, 'calls', { now: () => base });

describe('counting a hot report', () => {
  it('answers each of a run of counts within a second with the exact total, in two calls each', async () => {
    const store = container();
    const key = 'calls-hot-key';
    expect(await store.create(report(key, '400000001'))).toBe(true);

    // The first count a second on folds into the item; the next go to counter items.
    expect((await store.countOccurrence(key, at(1000)))!.occurrences).toBe(2);
    expect((await store.countOccurrence(key, at(1001)))!.occurrences).toBe(3);
    for (let i = 2; i < 12; i++) {
      calls.length = 0;
      const answer = await store.countOccurrence(key, at(1000 + i), 2);
      expect(answer!.occurrences).toBe(3 + 2 * (i - 1));
      expect(answer!.lastSeen).toBe(at(1000 + i));
      expect(answer!.daily[at(0).slice(0, 10)]).toBe(3 + 2 * (i - 1));
      expect(calls).toEqual(['BatchGetItemCommand', 'UpdateItemCommand']);
    }
    expect((await store.getByKey(key))!.occurrences).toBe(23);
  });

  it('answers with what another container counted just before, as a read of the report would', async () => {
    const [a, b] = [container(), container()];
    const key = 'calls-shared-key';
    expect(await a.create(report(key, '400000002'))).toBe(true);
    await a.countOccurrence(key, at(1000));
    await b.countOccurrence(key, at(1001));
    for (let i = 0; i < 6; i++) {
      const by = i % 2 === 0 ? a : b;
      const answer = await by.countOccurrence(key, at(1002 + i));
      expect(answer!.occurrences).toBe(4 + i);
      expect((await (i % 2 === 0 ? b : a).getByKey(key))!.occurrences).toBe(4 + i);
    }
  });

  it('answers a report made again under a hot key from its own count, not the old counters', async () => {
    const store = container();
    const key = 'calls-remade-key';
    const first = report(key, '400000003');
    await store.create(first);
    await store.countOccurrence(key, at(1000));
    for (let i = 1; i <= 4; i++) await store.countOccurrence(key, at(1000 + i));
    expect((await store.getByKey(key))!.occurrences).toBe(6);
    await store.delete(first);
    await store.create({ ...report(key, '400000004'), lastSeen: at(1500) });
    const answer = await store.countOccurrence(key, at(1501));
    expect(answer).toMatchObject({ reportId: '400000004', occurrences: 2 });
    expect((await store.getByKey(key))!.occurrences).toBe(2);
  });
});
