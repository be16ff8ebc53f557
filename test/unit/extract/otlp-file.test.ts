import { failureOfRecord } from '#lib/extract/event';
import { Extractor } from '#lib/extract/index';
import { EXPORT_LINE_KEEP } from '#lib/extract/scan';
import { headlineOf } from '#lib/extract/title';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { extract } from './helpers';

/** One line of the Collector's `file` exporter: an export request in OTLP's JSON encoding. */
const exportLine = (service: string, records: Array<Record<string, unknown>>) =>
  JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeLogs: [{ scope: { name: 'orders.intake' }, logRecords: records }],
      },
    ],
  });

const record = (
  nanos: number,
  severityNumber: number,
  body: string,
  attributes: Array<[string, string]> = [],
) => ({
  timeUnixNano: String(1_795_000_000_000_000_000 + nanos),
  observedTimeUnixNano: String(1_795_000_000_000_000_000 + nanos + 50),
  severityNumber,
  body: { stringValue: body },
  attributes: attributes.map(([key, value]) => ({ key, value: { stringValue: value } })),
  traceId: (nanos * 104729).toString(16).padStart(32, '0'),
  spanId: nanos.toString(16).padStart(16, '0'),
});

const stack = (line: number) =>
  [
    'Traceback (most recent call last):',
    `  File "/srv/orders/intake.py", line ${line}, in accept`,
    '    ledger.reserve(order)',
    `  File "/srv/orders/ledger.py", line ${line + 30}, in reserve`,
    '    raise StockExhausted(order.sku)',
    'orders.ledger.StockExhausted: sku-0042',
  ].join('\n');

const file = (offset: number, failing: Record<string, unknown>) =>
  `${[
    exportLine('orders', [record(offset + 1, 9, 'order accepted'), record(offset + 2, 9, 'order accepted')]),
    exportLine('orders', [record(offset + 3, 9, 'order accepted'), failing]),
  ].join('\n')}\n`;

const exhausted = (offset: number, line: number) =>
  record(offset + 4, 17, 'reservation failed', [
    ['exception.type', 'orders.ledger.StockExhausted'],
    ['exception.message', 'sku-0042'],
    ['exception.stacktrace', stack(line)],
  ]);

describe("the Collector's file exporter: OTLP JSON export requests a line", () => {
  it('a document of them is read record by record, not as one JSON line', () => {
    const a = extract(file(0, exhausted(0, 41)));
    expect(a.type).toBe('C');
    expect(headlineOf(a.signature).title).toBe('orders.ledger.StockExhausted: <*>');
    expect(a.signature).toContain('py intake.py accept');
    // The source line under a Python frame is code, not a Go frame.
    expect(a.signature).not.toContain('go ledger.reserve');
    expect(a.extract).toContain('reservation failed');
    expect(a.extract).not.toContain('resourceLogs');
    // Other times, trace ids and line numbers: the same failure.
    expect(extract(file(9000, exhausted(9000, 44))).fingerprint).toBe(a.fingerprint);
    expect(extract(file(0, record(4, 17, 'payment service unreachable'))).fingerprint).not.toBe(
      a.fingerprint,
    );
  });

  it('a record that says its level only by severityNumber is read (17 error, 13 warn)', () => {
    expect(extract(file(0, record(4, 17, 'payment service unreachable'))).type).toBe('E');
    expect(extract(file(0, record(4, 13, 'payment service slow'))).type).toBe('W');
    expect(extract(file(0, record(4, 9, 'payment service answered'))).type).toBeNull();
  });

  it('a batch far longer than a text line is kept whole, read whole or in chunks', () => {
    const busy = Array.from({ length: 3000 }, (_, i) => record(i, 9, `order ${i} accepted`));
    busy.splice(1500, 0, record(9999, 17, 'payment service unreachable'));
    const line = exportLine('orders', busy);
    expect(line.length).toBeGreaterThan(200_000);
    const log = Buffer.from(`${line}\n${exportLine('orders', [record(1, 9, 'order accepted')])}\n`);
    const whole = extract(log.toString());
    expect(headlineOf(whole.signature).title).toBe('payment service unreachable');
    const chunked = new Extractor();
    for (let i = 0; i < log.length; i += 65_536) chunked.push(log.subarray(i, i + 65_536));
    expect(chunked.finish().fingerprint).toBe(whole.fingerprint);
    // Past the bound the line is read as text, as any over-long line is.
    const huge = Array.from({ length: Math.ceil(EXPORT_LINE_KEEP / 150) }, (_, i) =>
      record(i, 9, 'order accepted'),
    );
    huge.push(record(1, 17, 'payment service unreachable'));
    expect(exportLine('orders', huge).length).toBeGreaterThan(EXPORT_LINE_KEEP);
    expect(headlineOf(extract(`${exportLine('orders', huge)}\n`).signature).title).not.toBe(
      'payment service unreachable',
    );
  });

  it('posted as JSON records, each export request gives its records', () => {
    const body = Buffer.from(file(0, record(4, 17, 'payment service unreachable')));
    const decoded = decodeJsonRecords(body, 'application/x-ndjson');
    expect(decoded.events.map((e) => e.message)).toEqual([
      'order accepted',
      'order accepted',
      'order accepted',
      'payment service unreachable',
    ]);
    expect(decoded.events[3]?.severity).toBe('error');
    expect(failureOfRecord(decoded.events[3]!)).not.toBeNull();
    // One export request, posted alone (pretty-printed, as a person saves one).
    const one = JSON.stringify(JSON.parse(exportLine('orders', [record(1, 21, 'ledger lost')])), null, 2);
    const single = decodeJsonRecords(Buffer.from(one), 'application/json');
    expect(single.events.map((e) => [e.severity, e.message])).toEqual([['fatal', 'ledger lost']]);
  });
});
