import fc from 'fast-check';
import { decodeEsBulk } from '#lib/records/bodies/es-bulk';
import { decodePythonLoggingForm } from '#lib/records/bodies/form';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { decodeLokiPush } from '#lib/records/bodies/loki';
import { decodeOtlpLogs } from '#lib/records/bodies/otlp-protobuf';
import { decodeSplunkHec } from '#lib/records/bodies/splunk-hec';
import { parseLine } from '#lib/records/line';
import { DecodeError, type LogEvent } from '#lib/records/model';

const CLASSES = new Set(['fatal', 'error', 'warning', 'info', 'debug', 'unknown']);

function wellFormed(e: LogEvent): void {
  expect(CLASSES.has(e.severity)).toBe(true);
  expect(typeof e.message).toBe('string');
  expect(Object.keys(e.context).length).toBeLessThanOrEqual(64);
  for (const v of Object.values(e.context)) expect(['string', 'number', 'boolean']).toContain(typeof v);
}

/** Runs a decoder: it may refuse the body only with a DecodeError. */
function decodeOrRefuse(f: () => { events: LogEvent[] }): void {
  try {
    for (const e of f().events) wellFormed(e);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
  }
}

/** Lines shaped like the formats, then cut and mutated. */
const SEEDS = [
  '{"level":50,"msg":"x","err":{"type":"E","stack":"E: x\\n    at f (a.js:1:1)"}}',
  'level=error msg="x y" err="z"',
  'E0501 10:00:00.123456    1 a.go:1] "m" k="v"',
  '05-01 10:00:00.123  1  2 E Tag: m',
  'E/Tag( 1): m',
  '<34>Oct 11 22:14:15 h app[1]: m',
  '<165>1 2003-10-11T22:14:15.003Z h a 1 ID [x a="\\"\\]"] m',
  '2024-05-01T10:00:00Z h app[1]: m',
];

describe('hostile input', () => {
  it('parseLine never throws and always answers a well-formed event', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...SEEDS), fc.nat(80), fc.string({ maxLength: 20 }), fc.nat(80))
      .map(([s, cut, ins, at]) => {
        const c = s.slice(0, Math.min(cut, s.length));
        return c.slice(0, at) + ins + c.slice(at);
      });
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), mutated),
        (s) => {
          wellFormed(parseLine(s));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every body decoder either reads arbitrary bytes or refuses them with a DecodeError', () => {
    const decoders: Array<(b: Buffer) => { events: LogEvent[] }> = [
      (b) => decodeOtlpLogs(b, 'application/json'),
      (b) => decodeOtlpLogs(b, 'application/x-protobuf'),
      (b) => decodeLokiPush(b, 'application/json'),
      (b) => decodeLokiPush(b, 'application/x-protobuf'),
      (b) => decodeEsBulk(b, 'application/x-ndjson', { index: 'i' }),
      (b) => decodePythonLoggingForm(b, 'application/x-www-form-urlencoded'),
      (b) => decodeJsonRecords(b, 'application/x-ndjson'),
      (b) => decodeSplunkHec(b, 'application/json'),
    ];
    const jsonish = fc.json({ maxDepth: 4 }).map((s) => Buffer.from(s));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
          jsonish,
        ),
        (b) => {
          for (const d of decoders) decodeOrRefuse(() => d(b));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('JSON of the right outer shape with wrong inner types is rejected per record, not thrown', () => {
    const otlp = {
      resourceLogs: [
        {
          resource: 5,
          scopeLogs: [
            {
              scope: 'x',
              logRecords: [{ body: 7, attributes: 'no', severityNumber: 'high', timeUnixNano: {} }],
            },
          ],
        },
      ],
    };
    const r = decodeOtlpLogs(Buffer.from(JSON.stringify(otlp)), 'application/json');
    expect(r.events).toHaveLength(1);
    expect(r.events[0]?.severity).toBe('unknown');
    const loki = { streams: [{ stream: { level: 5 }, values: [['x', 'line']] }] };
    expect(
      decodeLokiPush(Buffer.from(JSON.stringify(loki)), 'application/json').events[0]?.time,
    ).toBeUndefined();
  });

  it('nesting 20,000 deep in every JSON body is read within bounds', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const deepArr = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const v of [deep, deepArr]) {
      decodeOrRefuse(() =>
        decodeJsonRecords(Buffer.from(`{"level":"error","msg":"m","x":${v}}`), 'application/json'),
      );
      decodeOrRefuse(() =>
        decodeEsBulk(Buffer.from(`{"index":{"_index":"i"}}\n{"message":"m","x":${v}}\n`), 'application/json'),
      );
      decodeOrRefuse(() =>
        decodeLokiPush(
          Buffer.from(
            `{"streams":[{"stream":{},"values":[["1",${JSON.stringify(`{"level":"error","x":${v}}`)}]]}]}`,
          ),
          'application/json',
        ),
      );
      decodeOrRefuse(() =>
        decodeOtlpLogs(
          Buffer.from(
            `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"m"},"attributes":[{"key":"k","value":{"arrayValue":{"values":[${v}]}}}]}]}]}]}`,
          ),
          'application/json',
        ),
      );
    }
  });

  it('long lines cost linear time: a 1 MB line of each shape parses in well under a second', () => {
    const shapes = [
      `{"level":"error","msg":"${'a'.repeat(1_000_000)}"}`,
      `level=error msg="${'a '.repeat(500_000)}`,
      `E0501 10:00:00.123456 ${' '.repeat(1_000_000)}`,
      `<34>${'1 '.repeat(500_000)}`,
      `2024-05-01 10:00:00 ${'['.repeat(1_000_000)}`,
      `05-01 10:00:00.123 ${' 1'.repeat(500_000)}`,
      'x='.repeat(500_000),
    ];
    for (const s of shapes) {
      const t = performance.now();
      wellFormed(parseLine(s));
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });
});
