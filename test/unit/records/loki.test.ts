import { compress } from 'snappyjs';
import { decodeLokiPush, parseLabels } from '#lib/records/bodies/loki';
import { PushRequest } from '#lib/records/bodies/proto';
import { DecodeError } from '#lib/records/model';

// Self-encoded: no Loki client runs here, so the protobuf body is built with protobufjs from
// lib/records/bodies/proto.ts (written from Loki's push.proto) and snappy block-compressed, as
// Promtail, Alloy and pino-loki send it.
function protoBody(streams: unknown[]): Buffer {
  const bytes = PushRequest.encode(PushRequest.fromObject({ streams })).finish();
  return Buffer.from(compress(bytes));
}

const PROTO = 'application/x-protobuf';

describe('Loki push, protobuf + snappy', () => {
  it('reads labels, entries, timestamps and structured metadata; each line parsed on its own', () => {
    const body = protoBody([
      {
        labels: '{service_name="checkout", env="prod", host="web-7", job="checkout/api"}',
        entries: [
          {
            timestamp: { seconds: 1714557600, nanos: 250_000_000 },
            line: '{"level":"error","msg":"charge failed","err":{"type":"CardDeclinedError","message":"card declined"},"user":"alice"}',
            structuredMetadata: [{ name: 'trace_id', value: '0af7651916cd43dd8448eb211c80319c' }],
          },
          { timestamp: { seconds: 1714557601 }, line: 'level=warn msg="retry scheduled" attempt=2' },
        ],
      },
      {
        labels: '{app="ledger", level="error", msg="say \\"hi\\", ok"}',
        entries: [{ timestamp: { seconds: 1714557602 }, line: 'ledger row locked by another writer' }],
      },
    ]);
    const r = decodeLokiPush(body, PROTO);
    expect(r.rejected).toBe(0);
    const [charge, retry, locked] = r.events;
    expect(charge).toMatchObject({
      format: 'loki',
      severity: 'error',
      message: 'charge failed',
      service: 'checkout',
      environment: 'prod',
      host: 'web-7',
      time: '2024-05-01T10:00:00.250Z',
      error: { type: 'CardDeclinedError', message: 'card declined' },
      context: { user: 'alice', trace_id: '0af7651916cd43dd8448eb211c80319c', job: 'checkout/api' },
    });
    expect(retry).toMatchObject({
      severity: 'warning',
      message: 'retry scheduled',
      context: { attempt: '2' },
    });
    // A plain line without a level word takes the stream's level label.
    expect(locked).toMatchObject({
      severity: 'error',
      severityText: 'error',
      service: 'ledger',
      message: 'ledger row locked by another writer',
    });
    expect(locked?.context.msg).toBe('say "hi", ok');
  });

  it('refuses a body that is not snappy or not a PushRequest, and bounds the decompressed size', () => {
    expect(() => decodeLokiPush(Buffer.from('not snappy at all'), PROTO)).toThrow(DecodeError);
    const big = Buffer.from(compress(new Uint8Array(1024 * 1024)));
    expect(() => decodeLokiPush(big, PROTO, { maxUncompressedBytes: 1024 })).toThrow(/over 1024/);
    // Valid snappy of bytes that are not a PushRequest.
    expect(() =>
      decodeLokiPush(Buffer.from(compress(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))), PROTO),
    ).toThrow(DecodeError);
  });
});

describe('Loki push, JSON', () => {
  it('reads streams and values with structured metadata, and the legacy entries form', () => {
    const body = JSON.stringify({
      streams: [
        {
          stream: { service_name: 'api', detected_level: 'warn', namespace: 'shop' },
          values: [
            ['1714557600000000001', 'slow query took 1840 ms', { trace_id: 'abc' }],
            ['1714557600000000002', 'E0501 10:00:00.123456    7 handler.go:88] upstream reset'],
          ],
        },
        { labels: '{job="cron"}', entries: [{ ts: '2024-05-01T10:00:00Z', line: 'ERROR backup failed' }] },
      ],
    });
    const r = decodeLokiPush(Buffer.from(body), 'application/json');
    expect(r.events.map((e) => [e.severity, e.service, e.message])).toEqual([
      ['warning', 'api', 'slow query took 1840 ms'],
      ['error', 'api', 'upstream reset'],
      ['error', 'cron', 'backup failed'],
    ]);
    expect(r.events[0]?.time).toBe('2024-05-01T10:00:00.000000001Z');
    expect(r.events[0]?.context).toMatchObject({ trace_id: 'abc', namespace: 'shop' });
    // The klog line's own level (E) wins over the stream's detected_level.
    expect(r.events[1]?.severityText).toBe('E');
  });

  it('rejects malformed values one by one and refuses a body without streams', () => {
    const body = JSON.stringify({
      streams: [{ stream: {}, values: [['1', 2], 'x', ['1714557600000000000', 'ok']] }, 7],
    });
    const r = decodeLokiPush(Buffer.from(body), 'application/json');
    expect(r.events).toHaveLength(1);
    expect(r.rejected).toBe(3);
    expect(() => decodeLokiPush(Buffer.from('{"values":[]}'), 'application/json')).toThrow(DecodeError);
    expect(() => decodeLokiPush(Buffer.from('{"streams":['), 'application/json')).toThrow(DecodeError);
  });
});

describe('parseLabels', () => {
  it('reads Prometheus label sets with escapes and refuses malformed ones', () => {
    expect(parseLabels('{a="1", b="x\\"y\\\\z", c="" }')).toEqual([
      ['a', '1'],
      ['b', 'x"y\\z'],
      ['c', ''],
    ]);
    expect(parseLabels('{}')).toEqual([]);
    for (const bad of ['a="1"', '{a=1}', '{a="1}', '{="x"}']) expect(parseLabels(bad)).toBeUndefined();
  });
});
