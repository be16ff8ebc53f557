import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { decodeOtlpLogs } from '#lib/records/bodies/otlp-protobuf';
import { DecodeError } from '#lib/records/model';
import { type CaptureServer, captureServer } from './capture.ts';

/** ExportResultCode.SUCCESS in @opentelemetry/core. */
const SUCCESS = 0;
const run = promisify(execFile);

let server: CaptureServer;
beforeAll(async () => {
  server = await captureServer((req) =>
    req.headers['content-type']?.includes('protobuf')
      ? { status: 200, type: 'application/x-protobuf', body: Buffer.alloc(0) }
      : { status: 200, type: 'application/json', body: '{}' },
  );
});
afterAll(() => server.close());

/** Logs three records through the real SDK and exporter; answers the captured bodies and the export results. */
async function exportWith(kind: 'json' | 'proto') {
  const before = server.requests.length;
  const script = path.join(__dirname, 'clients/otel-export.cjs');
  const { stdout } = await run(process.execPath, [script, kind, `${server.url}/v1/logs`], {
    timeout: 30_000,
  });
  return { bodies: server.requests.slice(before), results: JSON.parse(stdout) as number[] };
}

describe.each([
  ['JSON', 'json', 'application/json'],
  ['protobuf', 'proto', 'application/x-protobuf'],
] as const)('OTLP/HTTP %s from the OpenTelemetry JS SDK', (_name, kind, type) => {
  it('decodes severity, message, exception attributes and the resource', async () => {
    const { bodies, results } = await exportWith(kind);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r === SUCCESS)).toBe(true);
    expect(bodies.length).toBeGreaterThan(0);
    const events = bodies.flatMap((b) => {
      expect(b.url).toBe('/v1/logs');
      expect(b.headers['content-type']).toContain(type);
      const r = decodeOtlpLogs(b.body, String(b.headers['content-type']));
      expect(r.rejected).toBe(0);
      return r.events;
    });
    expect(events).toHaveLength(3);
    const [failure, paid, slow] = events;
    expect(failure).toMatchObject({
      severity: 'error',
      severityText: 'ERROR',
      message: 'charge failed for order 8812',
      logger: 'payments',
      service: 'checkout',
      environment: 'staging',
      host: 'web-7',
      format: 'otlp',
      error: { type: 'CardDeclinedError', message: 'card 4242 declined by issuer' },
    });
    expect(failure?.error?.stack).toMatch(
      /^CardDeclinedError: card 4242 declined by issuer\n\s+at thrownInCheckout/,
    );
    expect(failure?.context['user.id']).toBe('alice');
    expect(failure?.context.attempt).toBe(3);
    expect(JSON.stringify(failure?.context)).not.toContain('exception');
    expect(failure?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(Math.abs(Date.parse(failure?.time ?? '') - Date.now())).toBeLessThan(60_000);
    expect(paid).toMatchObject({ severity: 'info', message: 'order 8813 paid' });
    expect(slow?.severity).toBe('warning');
    expect(JSON.parse(slow?.message ?? '')).toEqual({ event: 'slow_charge', ms: 1840 });
  });
});

describe('OTLP JSON encoding rules', () => {
  const body = (o: unknown) => Buffer.from(JSON.stringify(o));
  const request = (records: unknown[], resource: unknown = {}) => ({
    resourceLogs: [{ resource, scopeLogs: [{ scope: { name: 'db' }, logRecords: records }] }],
  });

  it('maps every severityNumber band to its class', () => {
    const nums = [1, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24, 0];
    const r = decodeOtlpLogs(
      body(request(nums.map((n) => ({ severityNumber: n, body: { stringValue: 'x' } })))),
      'application/json',
    );
    expect(r.events.map((e) => e.severity)).toEqual([
      'debug',
      'debug',
      'debug',
      'info',
      'info',
      'warning',
      'warning',
      'error',
      'error',
      'fatal',
      'fatal',
      'unknown',
    ]);
  });

  it('reads 64-bit times as strings, hex trace ids, snake_case names and enum names', () => {
    const r = decodeOtlpLogs(
      body({
        resource_logs: [
          {
            resource: {
              attributes: [
                { key: 'service.name', value: { string_value: 'billing' } },
                { key: 'deployment.environment', value: { stringValue: 'prod' } },
              ],
            },
            scope_logs: [
              {
                log_records: [
                  {
                    time_unix_nano: '1714557600123456789',
                    severity_number: 'SEVERITY_NUMBER_ERROR2',
                    body: { string_value: 'lock wait timeout' },
                    trace_id: '5B8EFFF798038103D269B633813FC60C',
                    span_id: 'EEE19B7EC3C1B174',
                    attributes: [{ key: 'retries', value: { intValue: '9007199254740993' } }],
                  },
                ],
              },
            ],
          },
        ],
      }),
      'application/json',
    );
    expect(r.events[0]).toMatchObject({
      severity: 'error',
      time: '2024-05-01T10:00:00.123456789Z',
      message: 'lock wait timeout',
      service: 'billing',
      environment: 'prod',
      context: {
        trace_id: '5b8efff798038103d269b633813fc60c',
        span_id: 'eee19b7ec3c1b174',
        retries: '9007199254740993',
      },
    });
  });

  it('reads a body without severity as a raw line (the Collector filelog receiver)', () => {
    const line =
      '{"level":"error","msg":"upstream reset","err":{"type":"ECONNRESET","message":"socket hang up"}}';
    const r = decodeOtlpLogs(
      body(request([{ body: { stringValue: line }, timeUnixNano: 1714557600000000000 }])),
      'application/json',
    );
    expect(r.events[0]).toMatchObject({
      severity: 'error',
      message: 'upstream reset',
      error: { type: 'ECONNRESET', message: 'socket hang up' },
      logger: 'db',
      format: 'otlp',
    });
  });

  it('rejects records that are not objects and refuses bodies that are not requests', () => {
    const r = decodeOtlpLogs(
      body(request([42, { body: { stringValue: 'ok' }, severityNumber: 9 }])),
      'application/json',
    );
    expect(r.events).toHaveLength(1);
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toMatch(/logRecords/);
    expect(() => decodeOtlpLogs(Buffer.from('{"resourceLogs":'), 'application/json')).toThrow(DecodeError);
    expect(() => decodeOtlpLogs(Buffer.from('[1,2]'), 'application/json')).toThrow(DecodeError);
    expect(() => decodeOtlpLogs(Buffer.from('{"resourceLogs":{}}'), 'application/json')).toThrow(DecodeError);
    expect(() =>
      decodeOtlpLogs(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), 'application/x-protobuf'),
    ).toThrow(DecodeError);
    expect(() => decodeOtlpLogs(gzipSync('{}'), 'application/x-protobuf')).toThrow(DecodeError);
  });

  it('survives a body nested 20,000 deep, in JSON and in protobuf', () => {
    const depth = 20_000;
    const deep = `${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(depth)}{"stringValue":"end"}${'}]}}'.repeat(depth)}`;
    const json = `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"severityNumber":17,"body":${deep}}]}]}]}`;
    const r = decodeOtlpLogs(Buffer.from(json), 'application/json');
    expect(r.events[0]?.severity).toBe('error');
    expect(r.events[0]?.message.length).toBeLessThanOrEqual(16 * 1024);

    // The same nesting in protobuf: AnyValue{kvlist{KeyValue{key, value: AnyValue{…}}}}. Every level's
    // bytes precede its inner value, so the lengths are computed inside out and the prefixes written once.
    const varint = (n: number) => {
      const out: number[] = [];
      while (n > 127) {
        out.push((n & 127) | 128);
        n = Math.floor(n / 128);
      }
      out.push(n);
      return out;
    };
    const innermost = Buffer.from([0x0a, 3, ...Buffer.from('end')]);
    const prefixes: Buffer[] = [];
    let size = innermost.length;
    for (let i = 0; i < depth; i++) {
      // KeyValue = key 'k' (0x0a) + value (0x12); KeyValueList.values (0x0a); AnyValue.kvlist_value (0x32).
      const kvTail = [0x0a, 1, 0x6b, 0x12, ...varint(size)];
      const kvSize = kvTail.length + size;
      const listHead = [0x0a, ...varint(kvSize)];
      const listSize = listHead.length + kvSize;
      const anyHead = [0x32, ...varint(listSize)];
      prefixes.push(Buffer.from([...anyHead, ...listHead, ...kvTail]));
      size += anyHead.length + listHead.length + kvTail.length;
    }
    prefixes.reverse();
    const bodyBytes = Buffer.concat([...prefixes, innermost]);
    const record = Buffer.concat([Buffer.from([0x10, 17, 0x2a, ...varint(bodyBytes.length)]), bodyBytes]);
    const scope = Buffer.concat([Buffer.from([0x12, ...varint(record.length)]), record]);
    const rl = Buffer.concat([Buffer.from([0x12, ...varint(scope.length)]), scope]);
    const proto = Buffer.concat([Buffer.from([0x0a, ...varint(rl.length)]), rl]);
    // protobufjs bounds its own recursion ("max depth exceeded"): the body is refused, as a DecodeError.
    expect(() => decodeOtlpLogs(proto, 'application/x-protobuf')).toThrow(DecodeError);
  });
});
