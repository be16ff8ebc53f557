/**
 * Log files of the structured loggers uploaded as documents: each line is the
 * record it is (lib/records), so a stack in a JSON field is frames (type C),
 * the level decides what is a failure, and context fields stay out of the
 * fingerprint.
 */

import { failureOfRecord } from '#lib/extract/event';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { extract } from './helpers.ts';

/** The circumstances of one run: what differs between two runs of one failure. */
interface Run {
  user: string;
  host: string;
  requestId: string;
  /** Epoch milliseconds of the run's first line. */
  at: number;
  pid: number;
}

const RUN_A: Run = {
  user: 'alice',
  host: 'api-7f9c4',
  requestId: 'req-1a2b3c',
  at: 1714557600123,
  pid: 4242,
};
const RUN_B: Run = {
  user: 'bob.mendes',
  host: 'worker-eu-2',
  requestId: '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  at: 1717236061987,
  pid: 77,
};

const iso = (ms: number): string => new Date(ms).toISOString();
const lines = (...records: object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

interface Format {
  name: string;
  /** A run that crashes with a stack. */
  crash: (run: Run) => string;
  /** A run that fails otherwise: another error at the same place. */
  other: (run: Run) => string;
  /** A run with only info and debug records. */
  quiet: (run: Run) => string;
}

const nodeStack = (message: string): string =>
  [
    `TypeError: ${message}`,
    '    at chargeCard (/srv/billing/src/charge.js:42:17)',
    '    at async processOrder (/srv/billing/src/orders.js:88:5)',
  ].join('\n');

const pino: Format = {
  name: 'pino',
  crash: (r) =>
    lines(
      { level: 30, time: r.at, pid: r.pid, hostname: r.host, msg: 'server listening on 0.0.0.0:3000' },
      {
        level: 30,
        time: r.at + 5,
        pid: r.pid,
        hostname: r.host,
        reqId: r.requestId,
        user: r.user,
        msg: 'order received',
      },
      {
        level: 50,
        time: r.at + 9,
        pid: r.pid,
        hostname: r.host,
        reqId: r.requestId,
        user: r.user,
        err: {
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'amount')",
          stack: nodeStack("Cannot read properties of undefined (reading 'amount')"),
        },
        msg: 'charge failed',
      },
    ),
  other: (r) =>
    lines(
      { level: 30, time: r.at, pid: r.pid, hostname: r.host, msg: 'server listening on 0.0.0.0:3000' },
      {
        level: 50,
        time: r.at + 9,
        pid: r.pid,
        hostname: r.host,
        reqId: r.requestId,
        user: r.user,
        err: {
          type: 'TypeError',
          message: 'card.token.trim is not a function',
          stack: nodeStack('card.token.trim is not a function'),
        },
        msg: 'charge failed',
      },
    ),
  quiet: (r) =>
    lines(
      { level: 30, time: r.at, pid: r.pid, hostname: r.host, msg: 'server listening on 0.0.0.0:3000' },
      { level: 20, time: r.at + 1, pid: r.pid, hostname: r.host, msg: 'retry budget 3, errors so far 0' },
      {
        level: 30,
        time: r.at + 2,
        pid: r.pid,
        hostname: r.host,
        reqId: r.requestId,
        msg: 'request completed',
      },
    ),
};

const winston: Format = {
  name: 'winston',
  crash: (r) =>
    lines(
      { level: 'info', message: 'billing worker started', service: 'billing', timestamp: iso(r.at) },
      {
        level: 'error',
        message: "Cannot read properties of undefined (reading 'amount')",
        stack: nodeStack("Cannot read properties of undefined (reading 'amount')"),
        service: 'billing',
        user: r.user,
        requestId: r.requestId,
        host: r.host,
        timestamp: iso(r.at + 30),
      },
    ),
  other: (r) =>
    lines({
      level: 'error',
      message: 'card.token.trim is not a function',
      stack: nodeStack('card.token.trim is not a function'),
      service: 'billing',
      user: r.user,
      timestamp: iso(r.at + 30),
    }),
  quiet: (r) =>
    lines(
      { level: 'info', message: 'billing worker started', service: 'billing', timestamp: iso(r.at) },
      {
        level: 'debug',
        message: 'no errors in the last batch',
        service: 'billing',
        timestamp: iso(r.at + 1),
      },
    ),
};

const bunyan: Format = {
  name: 'bunyan',
  crash: (r) =>
    lines(
      { name: 'billing', hostname: r.host, pid: r.pid, level: 30, msg: 'started', time: iso(r.at), v: 0 },
      {
        name: 'billing',
        hostname: r.host,
        pid: r.pid,
        req_id: r.requestId,
        user: r.user,
        level: 50,
        err: {
          message: "Cannot read properties of undefined (reading 'amount')",
          name: 'TypeError',
          stack: nodeStack("Cannot read properties of undefined (reading 'amount')"),
        },
        msg: 'charge failed',
        time: iso(r.at + 12),
        v: 0,
      },
    ),
  other: (r) =>
    lines({
      name: 'billing',
      hostname: r.host,
      pid: r.pid,
      level: 50,
      err: {
        message: 'card.token.trim is not a function',
        name: 'TypeError',
        stack: nodeStack('card.token.trim is not a function'),
      },
      msg: 'charge failed',
      time: iso(r.at + 12),
      v: 0,
    }),
  quiet: (r) =>
    lines({
      name: 'billing',
      hostname: r.host,
      pid: r.pid,
      level: 30,
      msg: 'started',
      time: iso(r.at),
      v: 0,
    }),
};

const goStack = [
  'main.(*Charger).Charge',
  '\t/srv/billing/charge.go:42',
  'main.main',
  '\t/srv/billing/main.go:17',
].join('\n');

const zap: Format = {
  name: 'zap',
  crash: (r) =>
    lines(
      { level: 'info', ts: r.at / 1000, caller: 'billing/main.go:12', msg: 'listening', addr: ':8080' },
      {
        level: 'error',
        ts: (r.at + 40) / 1000,
        caller: 'billing/charge.go:42',
        msg: 'charge failed',
        user: r.user,
        request_id: r.requestId,
        host: r.host,
        error: 'card declined: insufficient funds',
        stacktrace: goStack,
      },
    ),
  other: (r) =>
    lines({
      level: 'error',
      ts: (r.at + 40) / 1000,
      caller: 'billing/charge.go:42',
      msg: 'charge failed',
      user: r.user,
      error: 'gateway unreachable: connection refused',
      stacktrace: goStack,
    }),
  quiet: (r) =>
    lines({ level: 'info', ts: r.at / 1000, caller: 'billing/main.go:12', msg: 'listening', addr: ':8080' }),
};

const pyTraceback = (last: string): string =>
  [
    'Traceback (most recent call last):',
    '  File "/srv/billing/app/charge.py", line 42, in charge',
    '    total = order["amount"]',
    last,
  ].join('\n');

const structlog: Format = {
  name: 'structlog',
  crash: (r) =>
    lines(
      { event: 'worker started', level: 'info', timestamp: iso(r.at), pid: r.pid },
      {
        event: 'charge failed',
        level: 'error',
        timestamp: iso(r.at + 3),
        user: r.user,
        request_id: r.requestId,
        host: r.host,
        exception: pyTraceback("KeyError: 'amount'"),
      },
    ),
  other: (r) =>
    lines({
      event: 'charge failed',
      level: 'error',
      timestamp: iso(r.at + 3),
      user: r.user,
      exception: pyTraceback("TypeError: 'NoneType' object is not subscriptable"),
    }),
  quiet: (r) => lines({ event: 'worker started', level: 'info', timestamp: iso(r.at), pid: r.pid }),
};

const javaStack = (head: string): string =>
  [
    head,
    '\tat com.example.db.Pool.acquire(Pool.java:118)',
    '\tat com.example.billing.Charge.run(Charge.java:52)',
  ].join('\n');

const ecs: Format = {
  name: 'ECS',
  crash: (r) =>
    lines(
      { '@timestamp': iso(r.at), 'log.level': 'info', message: 'started', 'ecs.version': '1.6.0' },
      {
        '@timestamp': iso(r.at + 7),
        'log.level': 'error',
        message: 'charge failed',
        'ecs.version': '1.6.0',
        'service.name': 'billing',
        'host.hostname': r.host,
        'user.name': r.user,
        'trace.id': r.requestId,
        'process.pid': r.pid,
        'error.type': 'java.lang.IllegalStateException',
        'error.message': 'pool exhausted',
        'error.stack_trace': javaStack('java.lang.IllegalStateException: pool exhausted'),
      },
    ),
  other: (r) =>
    lines({
      '@timestamp': iso(r.at + 7),
      'log.level': 'error',
      message: 'charge failed',
      'ecs.version': '1.6.0',
      'host.hostname': r.host,
      'error.type': 'java.sql.SQLTransientConnectionException',
      'error.message': 'connection is not available, request timed out',
      'error.stack_trace': javaStack(
        'java.sql.SQLTransientConnectionException: connection is not available, request timed out',
      ),
    }),
  quiet: (r) =>
    lines({ '@timestamp': iso(r.at), 'log.level': 'info', message: 'started', 'ecs.version': '1.6.0' }),
};

describe.each([pino, winston, bunyan, zap, structlog, ecs])('a $name log file as a document', (format) => {
  it('reads the crash with the stack inside the record as frames (type C)', () => {
    const x = extract(format.crash(RUN_A));
    expect(x.type).toBe('C');
    // The frames are the stack's, reduced to function and file.
    expect(x.signature).toMatch(/\n {2}\S/);
    expect(x.signature).not.toMatch(/:\d+:\d+|line 42/);
  });

  it('gives two runs differing in users, hosts, request ids, pids and times one fingerprint', () => {
    const a = extract(format.crash(RUN_A));
    const b = extract(format.crash(RUN_B));
    expect(a.fingerprint).not.toBeNull();
    expect(b.fingerprint).toBe(a.fingerprint);
    for (const value of [RUN_A.user, RUN_A.host, RUN_A.requestId]) expect(a.signature).not.toContain(value);
  });

  it('gives a different error another fingerprint', () => {
    const a = extract(format.crash(RUN_A));
    const other = extract(format.other(RUN_A));
    expect(other.type).toBe('C');
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });

  it('finds no failure in a file of info and debug records', () => {
    const x = extract(format.quiet(RUN_A));
    expect(x.type).toBeNull();
    expect(x.fingerprint).toBeNull();
  });

  it('keeps the failure record in the extract as it was written', () => {
    const text = format.crash(RUN_A);
    const failing = text
      .split('\n')
      .find((line) => line.includes('charge failed') || line.includes('"error"'));
    expect(extract(text).extract).toContain(failing);
  });

  it('agrees with the stream reading of the same file: one entry, the same signature', () => {
    const text = format.crash(RUN_A);
    const failures = decodeJsonRecords(Buffer.from(text), 'application/x-ndjson').events.flatMap(
      (event) => failureOfRecord(event) ?? [],
    );
    expect(failures).toHaveLength(1);
    const x = extract(text);
    expect(x.signature).toBe(failures[0]?.signature);
    expect(x.fingerprint).toBe(failures[0]?.fingerprint);
    expect(x.type).toBe(failures[0]?.type);
  });
});

describe('levels of JSON records in a document', () => {
  it('takes a pino record at level 50 or 60 as an error even when no word says so', () => {
    const file = lines(
      { level: 30, time: RUN_A.at, msg: 'checkout opened' },
      { level: 50, time: RUN_A.at + 1, user: RUN_A.user, msg: 'payment declined by the gateway' },
    );
    const x = extract(file);
    expect(x.type).toBe('E');
    expect(x.signature).toContain('payment declined by the gateway');
    const fatal = extract(lines({ level: 60, time: RUN_A.at, msg: 'cannot bind port, shutting down' }));
    expect(fatal.type).toBe('E');
  });

  it('takes a level 40 record as a warning', () => {
    const x = extract(lines({ level: 40, time: RUN_A.at, msg: 'slow query took 2400 ms' }));
    expect(x.type).toBe('W');
  });

  it('does not take an info record as a failure for the words of its message', () => {
    const x = extract(
      lines(
        { level: 'info', message: 'retrying after error: upstream reset', attempt: 2 },
        { level: 30, msg: 'exception handler installed' },
      ),
    );
    expect(x.type).toBeNull();
  });

  it('reads a record with no level by its words, leaving its context out', () => {
    const a = extract(lines({ msg: 'payment error: card expired', user: 'alice', ts: RUN_A.at }));
    const b = extract(lines({ msg: 'payment error: card expired', user: 'bob', ts: RUN_B.at }));
    expect(a.type).toBe('E');
    expect(b.fingerprint).toBe(a.fingerprint);
  });

  it('reads a record right after another failure line as a record, each its own entry', () => {
    const file = (user: string): string =>
      [
        '2024-05-01 10:00:00,001 ERROR [main] app.Boot: config file missing, using defaults',
        JSON.stringify({ level: 50, time: RUN_A.at, user, msg: 'payment declined by the gateway' }),
        JSON.stringify({ level: 40, time: RUN_A.at, user, msg: 'retry queue is long' }),
        '',
      ].join('\n');
    const a = extract(file('alice'));
    expect(a.signature.split('\n').filter((line) => line.startsWith('['))).toEqual(['[error]', '[warning]']);
    expect(a.signature).toContain('config file missing');
    expect(extract(file('bob')).fingerprint).toBe(a.fingerprint);
  });

  it('gives the same failure in another key order one fingerprint', () => {
    const a = extract('{"level":"error","msg":"ledger locked","user":"alice","svc":"ledger"}\n');
    const b = extract('{"svc":"ledger","user":"carol","msg":"ledger locked","level":"error"}\n');
    expect(a.fingerprint).not.toBeNull();
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});
