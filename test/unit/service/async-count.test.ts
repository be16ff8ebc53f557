/**
 * Asynchronous counting over the in-memory stores: what the API hands to the
 * stream, and the consumer's batches — redelivered, cut differently, partly
 * failed, across a merge — counting every record exactly once.
 */
import { createHash } from 'node:crypto';
import type { LogEvent } from '#lib/records/model';
import { type CountRecord, countBatch, position } from '#lib/service/async-count';
import { ingestRecords } from '#lib/service/events';
import { configureLifecycle } from '#lib/service/lifecycle';
import { findLog, logAsCounted } from '#lib/service/logs';
import { mergeReport } from '#lib/service/merge';
import type { DeferredCounts } from '#lib/store/ports';
import { type Harness, harness, ingest, paymentLog } from './helpers.ts';

const failure = (message: string): LogEvent => ({
  severity: 'error',
  severityText: 'ERROR',
  message,
  logger: 'depot.sorter',
  context: {},
  format: 'json',
});
const jammed = (belt: number) => failure(`belt ${belt} jammed at the sorter`);
const misrouted = (parcel: number) => failure(`parcel ${parcel} misrouted to the wrong bay`);

/** The stores with a stream that keeps what it is given, in sequence numbers from 1. */
function deferring(h: Harness, options: { maxRecords?: number } = {}) {
  const stream: CountRecord[] = [];
  h.stores.deferral = {
    async defer(message: DeferredCounts) {
      if (options.maxRecords !== undefined && stream.length >= options.maxRecords) return false;
      // Through JSON, as a Kinesis record travels.
      const copy = JSON.parse(JSON.stringify(message)) as DeferredCounts;
      stream.push({
        shard: 'shardId-000000000000',
        sequenceNumber: String(1000 + stream.length),
        message: copy,
      });
      return true;
    },
  };
  return stream;
}

async function post(h: Harness, records: LogEvent[]) {
  const bytes = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'), 'utf8');
  const body = {
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'application/x-ndjson',
  };
  return ingestRecords(h.stores, body, records, h.clock.now());
}

async function occurrences(h: Harness): Promise<Record<string, number>> {
  const page = await h.stores.reports.listReports({ sort: 'lastSeen', order: 'desc', limit: 100 });
  return Object.fromEntries(page.items.map((report) => [report.title, report.occurrences]));
}

describe('stream positions', () => {
  it('compare as strings in the order of the sequence numbers, of any length up to 129 digits', () => {
    const kinesisLike = '49590338271490256608559692538361571095921575989136588898';
    const numbers = ['0', '9', '10', '99', kinesisLike, `${kinesisLike}1`, '1'.repeat(129)];
    for (let i = 1; i < numbers.length; i++) {
      expect(position(numbers[i - 1]!) < position(numbers[i]!)).toBe(true);
      expect(BigInt(numbers[i - 1]!) < BigInt(numbers[i]!)).toBe(true);
    }
    expect(position(kinesisLike)).toBe(position(kinesisLike));
  });
});

describe('asynchronous counting', () => {
  it('stores the log and its record and leaves the counts to the stream', async () => {
    const h = harness();
    const stream = deferring(h);
    const result = await post(h, [jammed(1), jammed(2), misrouted(7)]);

    expect(result.deferred).toBe(true);
    expect(result.reports).toEqual([]);
    expect(await h.stores.logs.get(result.log.logId)).toMatchObject({ reportId: null, type: 'E' });
    expect(await h.stores.archive.getBlob(result.log.sha256)).not.toBeNull();
    expect(await occurrences(h)).toEqual({});
    expect(stream).toHaveLength(1);
    expect(stream[0]!.message.groups.map((g) => g.n)).toEqual([2, 1]);
  });

  it("counts a batch with one write per report, and a reader finds each log's report by its key", async () => {
    const h = harness();
    const stream = deferring(h);
    const first = await post(h, [jammed(1), misrouted(3)]);
    await post(h, [jammed(2), jammed(4), jammed(5)]);
    const document = await ingest(h, paymentLog(11));
    expect(document).toMatchObject({ deferred: true, report: null });

    const counts = h.faults.calls('reports.count');
    const puts = h.faults.calls('logs.put');
    const outcome = await countBatch(h.stores, stream);
    expect(outcome.failed).toEqual([]);
    expect(h.faults.calls('reports.count') - counts).toBeLessThanOrEqual(3 * 3);
    // No sample to keep (KEEP_SAMPLES 0): no record is written again.
    expect(h.faults.calls('logs.put') - puts).toBe(0);
    const counted = await occurrences(h);
    expect(Object.values(counted).sort()).toEqual([1, 1, 4]);
    const stored = await findLog(h.stores, first.log.logId);
    const jammedReport = await h.stores.reports.getByKey(stored.reportKey!);
    expect(await logAsCounted(h.stores, stored)).toMatchObject({
      reportId: jammedReport!.reportId,
      type: 'E',
    });
    // A document's report takes its first log's id, and the log reads as counted on it.
    const report = await h.stores.reports.getByReportId(document.log.logId);
    expect(report?.occurrences).toBe(1);
    expect(await logAsCounted(h.stores, await findLog(h.stores, document.log.logId))).toMatchObject({
      reportId: document.log.logId,
      type: report!.type,
    });
  });

  it("marks a report's first KEEP_SAMPLES logs as kept samples, and rewrites no other record", async () => {
    configureLifecycle({ archiveMode: 'raw', keepSamples: 2 });
    try {
      const h = harness();
      const stream = deferring(h);
      const logs = [];
      for (let i = 0; i < 4; i++) logs.push((await post(h, [jammed(i)])).log.logId);
      await countBatch(h.stores, stream.slice(0, 1));
      const puts = h.faults.calls('logs.put');
      // Redelivered from the first record, with the rest: the first is counted, not marked again.
      await countBatch(h.stores, stream);
      expect(h.faults.calls('logs.put') - puts).toBe(1);
      const samples = await Promise.all(
        logs.map(async (id) => (await findLog(h.stores, id)).sample === true),
      );
      expect(samples).toEqual([true, true, false, false]);
    } finally {
      configureLifecycle({ archiveMode: 'raw', keepSamples: 0 });
    }
  });

  it('counts nothing twice when a batch is delivered again, cut differently', async () => {
    const h = harness();
    const stream = deferring(h);
    for (let i = 0; i < 6; i++) await post(h, i % 2 ? [jammed(i), misrouted(i)] : [jammed(i)]);

    await countBatch(h.stores, stream.slice(0, 4));
    // Redelivered from the third record (a failure reported there), with the rest.
    await countBatch(h.stores, stream.slice(2));
    await countBatch(h.stores, stream.slice(3, 5));
    await countBatch(h.stores, stream);

    expect(Object.values(await occurrences(h)).sort()).toEqual([3, 6]);
  });

  it('answers the records of a report whose write failed, and counts them on the next delivery only', async () => {
    const h = harness();
    const stream = deferring(h);
    await post(h, [jammed(1), misrouted(1)]);
    await post(h, [jammed(2)]);
    await countBatch(h.stores, stream.slice(0, 1)); // both reports exist from here on
    await post(h, [misrouted(2), jammed(3)]);

    h.faults.failNext('reports.count');
    const outcome = await countBatch(h.stores, stream.slice(1));
    expect(outcome.failed.length).toBeGreaterThan(0);
    const lowest = outcome.failed.reduce((low, seq) => (Number(seq) < Number(low) ? seq : low));
    // As Lambda does: again from the lowest failed sequence number.
    const again = await countBatch(
      h.stores,
      stream.filter((record) => Number(record.sequenceNumber) >= Number(lowest)),
    );
    expect(again.failed).toEqual([]);
    expect(Object.values(await occurrences(h)).sort()).toEqual([2, 3]);
  });

  it('keeps counting exactly across a merge made between a delivery and its retry', async () => {
    const h = harness();
    const stream = deferring(h);
    await post(h, [jammed(1), misrouted(1)]);
    await post(h, [jammed(2), misrouted(2)]);
    await countBatch(h.stores, stream);
    const page = await h.stores.reports.listReports({ sort: 'lastSeen', order: 'desc', limit: 10 });
    const [a, b] = page.items;
    await mergeReport(h.stores, a!.reportId, b!.reportId, h.clock.now());
    await post(h, [jammed(3), misrouted(3)]);

    // The first two records again (their counts are on the merged report), then the new one.
    await countBatch(h.stores, stream);
    const kept = await h.stores.reports.getByReportId(b!.reportId);
    expect(kept?.occurrences).toBe(6);
  });

  it('counts in the request a batch too big for one stream record', async () => {
    const h = harness();
    deferring(h, { maxRecords: 0 });
    const result = await post(h, [jammed(1), jammed(2)]);
    expect(result.deferred).toBeUndefined();
    expect(result.reports.map((r) => r.counted)).toEqual([2]);
  });
});
