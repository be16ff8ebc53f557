/**
 * Random batches of concurrent requests — logs, bugs, status changes, deletes
 * — with storage faults injected at random operations, over the in-memory
 * stores. Whatever interleaves and whatever fails, the accounting holds: a
 * report counts its settled logs and at most the ones left pending by a
 * request that died, each issue's history matches its status, and the totals
 * equal a count of the reports.
 */
import fc from 'fast-check';
import { changeStatus, deleteIssue, fileBugForReport, fileBugWithLog } from '#lib/service/issues';
import type { Operation } from '#lib/store/memory/index';
import {
  crashLog,
  diskLog,
  extracted,
  type Harness,
  harness,
  ingest,
  MAX_EXTRACT_BYTES,
  paymentLog,
} from './helpers.ts';

const FAILURES = [paymentLog, diskLog, crashLog];
const FAULTABLE: Operation[] = [
  'archive.put',
  'logs.put',
  'logs.delete',
  'ids.reserve',
  'reports.count',
  'reports.summary',
  'reports.create',
  'reports.get',
  'reports.regress',
  'reports.status',
  'reports.delete',
];

type Command =
  | { kind: 'log'; failure: number; n: number }
  | { kind: 'bug'; failure: number; n: number }
  | { kind: 'bugFor'; failure: number }
  | { kind: 'status'; failure: number; to: 'Open' | 'Closed' }
  | { kind: 'delete'; failure: number }
  | { kind: 'fault'; operation: Operation };

const failure = fc.integer({ min: 0, max: FAILURES.length - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('log' as const), failure, n: fc.nat(999) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bug' as const), failure, n: fc.nat(999) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bugFor' as const), failure }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      failure,
      to: fc.constantFrom('Open', 'Closed'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), failure }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('fault' as const), operation: fc.constantFrom(...FAULTABLE) }),
  },
);

const keyOf = (index: number) => extracted(FAILURES[index]!(1)).extraction.fingerprint!;

async function run(h: Harness, step: Command): Promise<unknown> {
  const now = h.clock.now();
  switch (step.kind) {
    case 'log':
      return ingest(h, FAILURES[step.failure]!(step.n));
    case 'bug': {
      const { bytes, extraction } = extracted(FAILURES[step.failure]!(step.n));
      return fileBugWithLog(h.stores, bytes, extraction, `bug ${step.n}`, now, MAX_EXTRACT_BYTES);
    }
    case 'bugFor': {
      const report = await h.stores.reports.getByKey(keyOf(step.failure));
      return report && fileBugForReport(h.stores, report.reportId, 'seen again', now);
    }
    case 'status': {
      const report = await h.stores.reports.getByKey(keyOf(step.failure));
      return report && changeStatus(h.stores, report.issueId, step.to, now);
    }
    case 'delete': {
      const report = await h.stores.reports.getByKey(keyOf(step.failure));
      return report && deleteIssue(h.stores, report.issueId);
    }
    case 'fault':
      return h.faults.failNext(step.operation);
  }
}

async function checkAccounting(h: Harness): Promise<void> {
  const logs = h.stores.logs.all();
  for (let index = 0; index < FAILURES.length; index++) {
    const report = await h.stores.reports.getByKey(keyOf(index));
    if (!report) continue;
    const settled = logs.filter((log) => log.reportId === report.reportId).length;
    const pending = logs.filter((log) => log.reportId === null && log.reportKey === report.reportKey).length;
    expect(logs.some((log) => log.logId === report.reportId)).toBe(true); // its first log exists
    expect(report.occurrences).toBeGreaterThanOrEqual(settled);
    expect(report.occurrences).toBeLessThanOrEqual(settled + pending);
    expect(Object.values(report.daily).reduce((sum, n) => sum + n, 0)).toBe(report.occurrences);
    const events = report.history.map((entry) => entry.event);
    expect(events[0]).toBe('created');
    const opened = events.includes('upgraded') || report.summary !== '';
    expect(report.status === 'Ghost').toBe(!opened);
    const last = events.filter((event) => event !== 'summary-added' && event !== 'upgraded').at(-1);
    if (report.status === 'Closed') expect(last).toBe('closed');
    if (last === 'closed') expect(report.status).toBe('Closed');
  }
  expect(await h.stores.reports.totals()).toEqual(h.stores.reports.counted());
}

describe('the service under random concurrent requests and storage faults', () => {
  beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps every report counting exactly its logs, and the totals equal to the reports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(command, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        async (batches) => {
          const h = harness();
          for (const batch of batches) {
            await Promise.allSettled(batch.map((step) => run(h, step)));
            h.clock.advance(60_000);
          }
          h.faults.heal();
          await checkAccounting(h);
        },
      ),
      { numRuns: 150 },
    );
  });
});
