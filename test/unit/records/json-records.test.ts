import winston from 'winston';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { DecodeError } from '#lib/records/model';
import { type CaptureServer, captureServer } from './capture.ts';

let server: CaptureServer;
beforeAll(async () => {
  server = await captureServer(() => ({ status: 200, type: 'application/json', body: '{}' }));
});
afterAll(() => server.close());

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

function refundFailure(): Error {
  try {
    JSON.parse('{"refund": ');
  } catch (e) {
    return e as Error;
  }
  throw new Error('unreachable');
}

describe("winston's transports.Http bodies", () => {
  it.each([
    ['one record per request', false],
    ['batched', true],
  ])('%s decode to records with their stacks', async (_name, batch) => {
    const before = server.requests.length;
    const { port } = new URL(server.url);
    const logger = winston.createLogger({
      format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()),
      defaultMeta: { service: 'refunds' },
      transports: [
        new winston.transports.Http({
          host: '127.0.0.1',
          port: Number(port),
          path: '/logs',
          batch,
          batchCount: 2,
          batchInterval: 50,
        }),
      ],
    });
    logger.error(refundFailure());
    logger.warn('refund slow', { orderId: 17 });
    await until(() => server.requests.length - before >= (batch ? 1 : 2));
    logger.close();
    const requests = server.requests.slice(before);
    const events = requests.flatMap((r) => {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toContain('application/json');
      return decodeJsonRecords(r.body, String(r.headers['content-type'])).events;
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      severity: 'error',
      service: 'refunds',
      error: { type: 'SyntaxError' },
    });
    expect(events[0]?.error?.stack?.split('\n').some((l) => l.includes('refundFailure'))).toBe(true);
    expect(events[1]).toMatchObject({
      severity: 'warning',
      message: 'refund slow',
      context: { orderId: 17 },
    });
  });
});

describe('JSON record bodies', () => {
  it('reads an array, a pretty-printed object and NDJSON, strings as lines', () => {
    const arr = decodeJsonRecords(
      Buffer.from(' [{"level":"error","msg":"a"}, "E0501 10:00:00.1 1 x.go:1] b", 3]'),
      'application/json',
    );
    expect(arr.events.map((e) => [e.format, e.severity, e.message])).toEqual([
      ['json', 'error', 'a'],
      ['klog', 'error', 'b'],
    ]);
    expect(arr.rejected).toBe(1);
    const pretty = decodeJsonRecords(
      Buffer.from('{\n  "level": "warn",\n  "msg": "p"\n}\n'),
      'application/json',
    );
    expect(pretty.events.map((e) => e.message)).toEqual(['p']);
    const nd = decodeJsonRecords(
      Buffer.from('{"level":"info","msg":"1"}\r\n\n{"msg":\n{"level":"error","msg":"3"}'),
      'application/x-ndjson',
    );
    expect(nd.events.map((e) => e.message)).toEqual(['1', '3']);
    expect(nd.rejected).toBe(1);
    expect(nd.errors[0]).toMatch(/line 3/);
  });

  it("reads an envelope's events as records: CloudWatch Logs' subscription payload, an `aws logs` answer", () => {
    const logEvents = [
      { id: '1', timestamp: 1764756000000, message: 'INFO started' },
      { id: '2', timestamp: 1764756000200, message: '{"level":"error","msg":"charge failed"}' },
    ];
    const payload = { messageType: 'DATA_MESSAGE', logGroup: '/aws/lambda/shop', logEvents };
    const one = decodeJsonRecords(Buffer.from(JSON.stringify(payload)), 'application/json');
    expect(one.events.map((e) => [e.severity, e.message])).toEqual([
      ['info', 'started'],
      ['error', 'charge failed'],
    ]);
    const lines = decodeJsonRecords(
      Buffer.from(`${JSON.stringify(payload)}\n${JSON.stringify(payload)}\n`),
      'application/x-ndjson',
    );
    expect(lines.events).toHaveLength(4);
    const answer = decodeJsonRecords(
      Buffer.from(JSON.stringify({ events: logEvents, searchedLogStreams: [] }, null, 2)),
      'application/json',
    );
    expect(answer.events.map((e) => e.severity)).toEqual(['info', 'error']);
    // A record with its own `events` field is a record; an envelope's event is never read as an envelope.
    const record = decodeJsonRecords(
      Buffer.from('{"level":"error","msg":"x","events":[{"a":1}]}'),
      'application/json',
    );
    expect(record.events.map((e) => e.message)).toEqual(['x']);
    const nested = decodeJsonRecords(
      Buffer.from(JSON.stringify({ logEvents: [{ logEvents: [{ message: 'ERROR deep' }] }] })),
      'application/json',
    );
    expect(nested.events).toHaveLength(1);
  });

  it('refuses an array body that does not parse', () => {
    expect(() => decodeJsonRecords(Buffer.from('[{"a":1},'), 'application/json')).toThrow(DecodeError);
    expect(decodeJsonRecords(Buffer.from(''), 'application/json').events).toEqual([]);
  });
});
