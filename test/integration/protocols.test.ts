/**
 * Log shippers' streams against the running stack, with the real clients where
 * they run here: the OpenTelemetry JS SDK's OTLP exporters (JSON and
 * protobuf), Python's logging.handlers.HTTPHandler, winston's Http transport
 * and pino with pino-loki; and the wire formats of the Elasticsearch bulk and
 * Loki push APIs (rsyslog's bulk client: rsyslog.test.ts). Each failure event counts on its own report, whatever the batch it
 * came in; two events of one failure that differ in ids, users, hosts and
 * times count twice on one report; every body is archived as sent.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import winston from 'winston';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const run = promisify(execFile);
const stack = withStack();

interface ListedReport {
  reportId: string;
  type: string;
  occurrences: number;
  extract: string;
}

async function reports(): Promise<ListedReport[]> {
  const answer = await request(stack.url, '/?format=json&limit=200');
  return answer.body['reports'] as ListedReport[];
}

/** The one report whose extract contains `text` (fails the test when there are several or none). */
async function reportWith(text: string): Promise<ListedReport> {
  const found = (await reports()).filter((r) => r.extract.includes(text));
  expect({ text, found: found.length }).toEqual({ text, found: 1 });
  return found[0]!;
}

const hostPort = () => new URL(stack.url).host;

describe.each(['json', 'proto'] as const)('OTLP/HTTP from the OpenTelemetry JS SDK (%s)', (kind) => {
  it('exports with SUCCESS, and counts one crash from two hosts twice on one C report', async () => {
    const before = await reports();
    const crashBefore = before.find((r) => r.extract.includes('InventoryLockedError'))?.occurrences ?? 0;
    const { stdout } = await run(
      process.execPath,
      [join(__dirname, 'clients/otel-send.cjs'), kind, `${stack.url}/v1/logs`],
      {
        timeout: 60_000,
      },
    );
    const codes = JSON.parse(stdout) as number[];
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(codes.every((code) => code === 0)).toBe(true);
    const crash = await reportWith('InventoryLockedError');
    expect(crash.type).toBe('C');
    expect(crash.occurrences).toBe(crashBefore + 2);
    const unreachable = await reportWith('payment provider unreachable');
    expect(unreachable.type).toBe('E');
    // The info records are archived but no report.
    expect((await reports()).some((r) => r.extract.includes('received'))).toBe(false);
  }, 90_000);
});

describe("Python's logging.handlers.HTTPHandler", () => {
  it('sends form records that count one failure of two users twice on one C report', async () => {
    for (const user of ['alice', 'bob']) {
      await run('python3', [join(__dirname, 'clients/python_send.py'), hostPort(), user], {
        timeout: 30_000,
      });
    }
    const report = await reportWith('LedgerLockedError');
    expect(report.type).toBe('C');
    expect(report.occurrences).toBe(2);
    expect((await reports()).some((r) => r.extract.includes('settlement retried'))).toBe(false);
  }, 60_000);
});

describe("winston's Http transport", () => {
  it('is answered 200 (it warns on any other status) and its error records group by stack', async () => {
    const { hostname, port } = new URL(stack.url);
    const transport = new winston.transports.Http({ host: hostname, port: Number(port), path: '/logs' });
    const warnings: unknown[] = [];
    let answered = 0;
    let allAnswered: () => void = () => {};
    // the transport sends and forgets: each entry's answer is a 'logged' or a 'warn' event
    const answers = new Promise<void>((done) => {
      allAnswered = done;
    });
    const onAnswer = () => {
      answered += 1;
      if (answered === 3) allAnswered();
    };
    transport.on('warn', (warning) => {
      warnings.push(warning);
      onAnswer();
    });
    transport.on('logged', onAnswer);
    const logger = winston.createLogger({
      format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.json()),
      defaultMeta: { service: 'orders' },
      transports: [transport],
    });
    const charge = (user: string) => {
      try {
        (null as unknown as { total: number }).total;
      } catch (error) {
        logger.log({
          level: 'error',
          message: error as Error,
          user,
          requestId: `req-${user.length * 31}`,
        } as unknown as winston.LogEntry);
      }
    };
    charge('carol');
    charge('dave');
    logger.info('order placed', { user: 'carol' });
    await new Promise<void>((done) => {
      logger.on('finish', done);
      logger.end();
    });
    await answers;
    expect(warnings).toEqual([]);
    const report = await reportWith("Cannot read properties of null (reading 'total')");
    expect(report.type).toBe('C');
    expect(report.occurrences).toBe(2);
  }, 30_000);
});

describe('a shipper flushing whatever arrived (text batches, ?unit=event)', () => {
  const FAILURES = [
    (n: number) => `2026-12-01T10:00:0${n % 10}Z ERROR cache node ${n % 4} evicted the session store`,
    (n: number) => `2026-12-01T10:00:0${n % 10}Z WARN queue mailer backlog at ${n * 13} messages`,
    (n: number) =>
      `2026-12-01T10:00:0${n % 10}Z ERROR render failed\nTypeError: Cannot read properties of undefined (reading 'title')\n    at renderCard (/srv/web/cards.js:${40 + (n % 9)}:11)\n    at renderPage (/srv/web/page.js:17:3)`,
  ];

  it('makes one report per failure, counted exactly, over 30 batches of subsets', async () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const expected = [0, 0, 0];
    const archived: Array<[string, string]> = [];
    for (let batch = 0; batch < 30; batch++) {
      const lines = [`2026-12-01T10:00:00Z INFO batch ${batch} flushed`];
      for (let kind = 0; kind < 3; kind++) {
        const times = rnd(3);
        for (let k = 0; k < times; k++) {
          lines.push(FAILURES[kind]!(batch * 7 + k));
          expected[kind]!++;
        }
      }
      const body = `${lines.join('\n')}\n`;
      const answer = await request(stack.url, '/logs?unit=event', {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain' },
      });
      expect(answer.status).toBe(200);
      archived.push([String(answer.body['logId']), body]);
    }
    const counted = await Promise.all([
      reportWith('evicted the session store'),
      reportWith('backlog at'),
      reportWith("reading 'title'"),
    ]);
    expect(counted.map((r) => r.occurrences)).toEqual(expected);
    expect(counted.map((r) => r.type)).toEqual(['E', 'W', 'C']);
    for (const [logId, body] of archived.slice(0, 5)) {
      const raw = await fetch(`${stack.url}/logs/${logId}`);
      expect(await raw.text()).toBe(body);
    }
  }, 60_000);

  it('counts a batch holding failures A and B once on each', async () => {
    const a = await reportWith('evicted the session store');
    const b = await reportWith('backlog at');
    // The batches above counted each report dozens of times a second: past 20
    // counts of a report a second a container's answers may trail that second's
    // counts (README, `occurrences`). The batch is posted in a second of its own,
    // where the answer is exact.
    await new Promise((done) => setTimeout(done, 1000 - (Date.now() % 1000) + 10));
    const answer = await request(stack.url, '/logs?unit=event', {
      method: 'POST',
      body: `${FAILURES[0]!(1)}\n${FAILURES[1]!(2)}\n`,
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.body['reports']).toEqual([
      expect.objectContaining({ reportId: a.reportId, counted: 1, occurrences: a.occurrences + 1 }),
      expect.objectContaining({ reportId: b.reportId, counted: 1, occurrences: b.occurrences + 1 }),
    ]);
    // And the reports, always exact, took the batch once each.
    const after = [await reportWith('evicted the session store'), await reportWith('backlog at')];
    expect(after.map((r) => r.occurrences)).toEqual([a.occurrences + 1, b.occurrences + 1]);
  });
});

describe('NDJSON records', () => {
  it('are a stream: context fields never split a failure, and the bytes are archived as sent', async () => {
    const record = (user: string, host: string, line: number) =>
      JSON.stringify({
        level: 50,
        time: Date.now(),
        hostname: host,
        user,
        msg: 'refund failed',
        err: {
          type: 'RangeError',
          message: 'amount out of range',
          stack: `RangeError: amount out of range\n    at refund (/srv/pay/refund.js:${line}:9)\n    at handle (/srv/pay/api.js:51:4)`,
        },
      });
    const body = `${record('erin', 'pay-1', 12)}\n${record('frank', 'pay-2', 13)}\n${JSON.stringify({ level: 30, msg: 'refund queued' })}\n`;
    const answer = await request(stack.url, '/logs', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      events: 3,
      reports: [expect.objectContaining({ type: 'C', counted: 2 })],
    });
    const raw = await fetch(`${stack.url}/logs/${String(answer.body['logId'])}`);
    expect(await raw.text()).toBe(body);
  });
});

describe('the Elasticsearch bulk API', () => {
  it("answers bulk's shape with a status per item, and counts the failure documents", async () => {
    const doc = (host: string, pid: number) =>
      JSON.stringify({
        '@timestamp': new Date().toISOString(),
        host: { name: host },
        log: { level: 'error' },
        message: `worker ${pid} lost its lease on shard 3`,
      });
    const body = [
      '{"index":{"_index":"syslog"}}',
      doc('db-1', 812),
      '{"create":{}}',
      doc('db-2', 977),
      '{"index":{}}',
      JSON.stringify({ message: 'all good', log: { level: 'info' } }),
      '{"delete":{"_id":"x"}}',
      '',
    ].join('\n');
    const answer = await request(stack.url, '/logs-2026/_bulk', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body['errors']).toBe(true);
    const items = answer.body['items'] as Array<Record<string, { status: number; _index: string }>>;
    expect(items.map((item) => Object.keys(item)[0])).toEqual(['index', 'create', 'index', 'delete']);
    expect(items.slice(0, 3).map((item) => Object.values(item)[0]!.status)).toEqual([201, 201, 201]);
    expect(items[0]!['index']!._index).toBe('syslog');
    expect(items[1]!['create']!._index).toBe('logs-2026');
    expect(Object.values(items[3]!)[0]!.status).toBeGreaterThanOrEqual(400);
    const report = await reportWith('lost its lease on shard');
    expect(report.occurrences).toBe(2);
  });
});

describe('pino with the pino-loki transport', () => {
  it("sends pino's records to the Loki push API: one crash of two users on one C report, the warning on a W", async () => {
    await run(process.execPath, [join(__dirname, 'clients/pino-loki-send.mjs'), stack.url], {
      timeout: 60_000,
    });
    const crash = await reportWith("reading 'amount'");
    expect(crash.type).toBe('C');
    expect(crash.occurrences).toBe(2);
    expect((await reportWith('mail queue is backing up')).type).toBe('W');
    expect((await reports()).some((r) => r.extract.includes('order placed'))).toBe(false);
  }, 90_000);
});

describe('the Loki push API', () => {
  it('answers 204 and counts the failure lines, labels kept out of the grouping', async () => {
    const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
    const push = (pod: string) => ({
      streams: [
        {
          stream: { app: 'api', pod, level: 'error' },
          values: [
            [ns(Date.now()), `upstream timed out while reading response header from pod ${pod}`],
            [ns(Date.now() + 1), 'GET /healthz 200'],
          ],
        },
      ],
    });
    for (const pod of ['api-7f9c-x2k', 'api-7f9c-q8z']) {
      const answer = await fetch(`${stack.url}/loki/api/v1/push`, {
        method: 'POST',
        body: JSON.stringify(push(pod)),
        headers: { 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(204);
    }
    const report = await reportWith('upstream timed out');
    expect(report.occurrences).toBe(2);
  });
});
