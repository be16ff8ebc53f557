import { parseLine } from '#lib/records/line';

describe('parseLine: logfmt', () => {
  it.each([
    [
      'Go slog TextHandler',
      'time=2024-05-01T10:00:00.123Z level=ERROR msg="charge failed" err="card declined: insufficient funds" order=8812 user=alice',
      {
        severity: 'error',
        severityText: 'ERROR',
        message: 'charge failed',
        time: '2024-05-01T10:00:00.123Z',
        error: { message: 'card declined: insufficient funds' },
        context: { order: '8812', user: 'alice' },
      },
    ],
    [
      'logrus text formatter',
      'time="2024-05-01T10:00:00Z" level=warning msg="cache miss storm" component=cache keys=1200',
      { severity: 'warning', message: 'cache miss storm', logger: 'cache', context: { keys: '1200' } },
    ],
    [
      'Heroku router',
      'at=error code=H12 desc="Request timeout" method=GET path="/checkout" host=shop.example.com dyno=web.1 connect=1ms service=30000ms status=503',
      {
        severity: 'error',
        severityText: 'error',
        message: 'Request timeout',
        context: { code: 'H12', status: '503', dyno: 'web.1' },
      },
    ],
    [
      'escaped quotes and a bare flag',
      'level=info msg="said \\"hello\\" twice" cached',
      { severity: 'info', message: 'said "hello" twice', context: { cached: 'true' } },
    ],
  ])('%s', (_name, line, expected) => {
    expect(parseLine(line)).toMatchObject({ format: 'logfmt', ...expected });
  });

  it.each([
    ['prose with = signs', 'Set x=5 and y=6 before retrying the job'],
    ['an assignment in prose after the first word', 'result=ok but the cache said otherwise, error ignored'],
    ['an unterminated quote', 'level=error msg="charge failed'],
    ['one pair of an unknown key', 'x=1'],
  ])('is not logfmt: %s', (_name, line) => {
    expect(parseLine(line).format).toBe('text');
  });
});

describe('parseLine: klog / glog', () => {
  it.each([
    [
      'E0501 10:00:00.123456    1234 reflector.go:138] failed to list *v1.Pod: connection refused',
      'error',
      'E',
      'failed to list *v1.Pod: connection refused',
    ],
    [
      'W0501 10:00:00.000001       7 controller.go:42] lease renewal slow',
      'warning',
      'W',
      'lease renewal slow',
    ],
    ['I0501 10:00:00.5 1 main.go:1] started', 'info', 'I', 'started'],
    ['F0501 10:00:00.123456    1234 main.go:99] cannot continue', 'fatal', 'F', 'cannot continue'],
  ])('%s', (line, severity, severityText, message) => {
    expect(parseLine(line)).toMatchObject({ format: 'klog', severity, severityText, message });
  });

  it('reads klog v2 structured pairs into context', () => {
    const e = parseLine(
      'E0501 10:00:00.123456    1234 pod_workers.go:951] "Error syncing pod" err="context deadline exceeded" pod="shop/api-7d9f" podUID="1f2e"',
    );
    expect(e).toMatchObject({
      format: 'klog',
      message: 'Error syncing pod',
      error: { message: 'context deadline exceeded' },
      context: { pod: 'shop/api-7d9f', podUID: '1f2e', caller: 'pod_workers.go:951', thread: 1234 },
    });
  });

  it('needs the whole header: a word starting with I and digits is text', () => {
    expect(parseLine('I0501 was the ticket number').format).toBe('text');
  });
});

describe("parseLine: zap's console encoder", () => {
  it('reads time, level, caller, message and the JSON fields, as zap JSON reads them', () => {
    const e = parseLine(
      '2026-12-03T09:14:07.512Z\terror\tqueue/sender.go:101\tExport dropped.\t{"kind": "exporter", "error": "rpc error: code = Unavailable", "dropped_items": 40}',
    );
    expect(e).toMatchObject({
      format: 'zap',
      severity: 'error',
      time: '2026-12-03T09:14:07.512Z',
      message: 'Export dropped.',
      error: { message: 'rpc error: code = Unavailable' },
      context: { caller: 'queue/sender.go:101', kind: 'exporter', dropped_items: 40 },
    });
  });

  it('reads a named logger, epoch seconds and a line without fields', () => {
    expect(parseLine('1.7332172475e+09\twarn\tledger.sync\tsync/pull.go:9\tretrying pull')).toMatchObject({
      format: 'zap',
      severity: 'warning',
      logger: 'ledger.sync',
      message: 'retrying pull',
      context: { caller: 'sync/pull.go:9' },
    });
    expect(parseLine('2026-12-03T09:14:07.512+0100\tINFO\tstarted')).toMatchObject({
      format: 'zap',
      severity: 'info',
      message: 'started',
    });
  });

  it('leaves a tab-separated line that is not zap as text', () => {
    expect(parseLine('2026-12-03T09:14:07Z\tbuild\tstep 3 failed').format).toBe('text');
  });
});

describe('parseLine: Android logcat', () => {
  it.each([
    [
      '05-01 10:00:00.123  1234  5678 E AndroidRuntime: FATAL EXCEPTION: main',
      'error',
      'AndroidRuntime',
      'FATAL EXCEPTION: main',
      { pid: 1234, tid: 5678 },
    ],
    [
      '05-01 10:00:00.123  1234  1250 W ActivityManager: Slow operation: 212ms so far',
      'warning',
      'ActivityManager',
      'Slow operation: 212ms so far',
      { pid: 1234 },
    ],
    [
      '05-01 10:00:00.123   901   901 F libc    : Fatal signal 11 (SIGSEGV), code 1',
      'fatal',
      'libc',
      'Fatal signal 11 (SIGSEGV), code 1',
      { pid: 901 },
    ],
    [
      'E/AndroidRuntime( 1234): java.lang.IllegalStateException: boom',
      'error',
      'AndroidRuntime',
      'java.lang.IllegalStateException: boom',
      { pid: 1234 },
    ],
    [
      'A/DEBUG   ( 4321): Abort message: assertion failed',
      'fatal',
      'DEBUG',
      'Abort message: assertion failed',
      { pid: 4321 },
    ],
    ['V/Choreographer(  77): Skipped 31 frames', 'debug', 'Choreographer', 'Skipped 31 frames', { pid: 77 }],
    [
      '05-01 10:00:00.123 D/OkHttp  ( 3030): --> GET /v1/cart',
      'debug',
      'OkHttp',
      '--> GET /v1/cart',
      { pid: 3030 },
    ],
  ])('%s', (line, severity, logger, message, context) => {
    expect(parseLine(line)).toMatchObject({ format: 'logcat', severity, logger, message, context });
  });
});

describe('parseLine: syslog', () => {
  it("reads an application's JSON record carried by syslog as that record, the header its context", () => {
    const record = JSON.stringify({
      level: 'error',
      msg: 'charge failed',
      error: 'card declined',
      order: 12,
    });
    expect(parseLine(`<14>Dec  3 08:00:00 web-1 shop[123]: ${record}`)).toMatchObject({
      format: 'syslog',
      severity: 'error',
      severityText: 'error',
      message: 'charge failed',
      logger: 'shop',
      host: 'web-1',
      error: { message: 'card declined' },
      context: { pid: 123, order: 12, facility: 1 },
    });
    // Its own level beats the words of its message; without a level the header's severity stands.
    const info = JSON.stringify({ level: 30, msg: 'retrying after error', attempt: 2 });
    expect(parseLine(`2026-12-03T08:00:00.123456+00:00 web-1 shop[123]: ${info}`).severity).toBe('info');
    expect(parseLine('<11>Dec  3 08:00:00 web-1 shop[123]: {"msg":"charge failed"}').severity).toBe('error');
  });

  it('RFC 3164 with PRI: severity from PRI, host captured, never in the message', () => {
    const e = parseLine('<34>Oct 11 22:14:15 mymachine su[230]: su root failed for operator on /dev/pts/8');
    expect(e).toMatchObject({
      format: 'syslog',
      severity: 'fatal',
      severityText: 'crit',
      host: 'mymachine',
      logger: 'su',
      message: 'su root failed for operator on /dev/pts/8',
      context: { facility: 4, pid: 230 },
    });
  });

  it.each([
    [0, 'fatal'],
    [1, 'fatal'],
    [2, 'fatal'],
    [3, 'error'],
    [4, 'warning'],
    [5, 'info'],
    [6, 'info'],
    [7, 'debug'],
  ])('PRI severity %i is %s', (sev, cls) => {
    expect(parseLine(`<${8 + sev}>May  1 10:00:00 h app: m`).severity).toBe(cls);
  });

  it('RFC 3164 as files hold it (no PRI): the level word of the message', () => {
    const e = parseLine(
      'May  1 10:00:00 web-3 nginx[99]: ERROR upstream timed out while reading response header',
    );
    expect(e).toMatchObject({
      format: 'syslog',
      severity: 'error',
      host: 'web-3',
      logger: 'nginx',
      message: 'upstream timed out while reading response header',
    });
    const noPid = parseLine('May  1 10:00:00 web-3 kernel: Out of memory: Killed process 4242');
    expect(noPid).toMatchObject({
      format: 'syslog',
      host: 'web-3',
      logger: 'kernel',
      message: 'Out of memory: Killed process 4242',
    });
  });

  it("rsyslog's file format with an RFC 3339 timestamp", () => {
    const e = parseLine(
      '2024-05-01T10:00:00.123456+00:00 db-2 postgres[811]: FATAL:  password authentication failed for user "app"',
    );
    expect(e).toMatchObject({
      format: 'syslog',
      host: 'db-2',
      logger: 'postgres',
      time: '2024-05-01T10:00:00.123456Z',
      severity: 'fatal',
    });
  });

  it('RFC 5424 with structured data', () => {
    const e = parseLine(
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 1234 ID47 [exampleSDID@32473 iut="3" eventSource="Application" note="a \\"quoted\\" \\] bracket"][meta seq="9"] \uFEFFAn application event log entry',
    );
    expect(e).toMatchObject({
      format: 'syslog',
      severity: 'info',
      severityText: 'notice',
      host: 'mymachine.example.com',
      logger: 'evntslog',
      time: '2003-10-11T22:14:15.003Z',
      message: 'An application event log entry',
      context: {
        facility: 20,
        pid: 1234,
        msgid: 'ID47',
        'exampleSDID@32473.iut': '3',
        'exampleSDID@32473.note': 'a "quoted" ] bracket',
        'meta.seq': '9',
      },
    });
    const nil = parseLine('<11>1 - - - - - - disk failure');
    expect(nil).toMatchObject({ format: 'syslog', severity: 'error', message: 'disk failure' });
    expect(nil.host).toBeUndefined();
  });

  it('a PRI with only a tag, as /dev/log receives it', () => {
    expect(parseLine('<11>backup[77]: tar: write error')).toMatchObject({
      format: 'syslog',
      severity: 'error',
      logger: 'backup',
      message: 'tar: write error',
    });
  });
});

describe('parseLine: plain text', () => {
  it.each([
    [
      'a line starting with a date and a level',
      '2024-05-01 10:00:00 ERROR db: connection refused',
      'error',
      'ERROR',
      'db: connection refused',
    ],
    [
      'log4j style',
      '2024-05-01 10:00:00,123 WARN  [pool-3-thread-1] c.e.Cache - eviction storm',
      'warning',
      'WARN',
      '[pool-3-thread-1] c.e.Cache - eviction storm',
    ],
    [
      'nginx error log',
      '2024/05/01 10:00:00 [error] 31#31: *7 connect() failed (111: Connection refused)',
      'error',
      'error',
      '31#31: *7 connect() failed (111: Connection refused)',
    ],
    [
      'Python logging default',
      'ERROR:billing.charge:settlement failed',
      'error',
      'ERROR',
      'settlement failed',
    ],
    [
      'a compiler diagnostic',
      'error[E0382]: borrow of moved value: `v`',
      'error',
      'error',
      'error[E0382]: borrow of moved value: `v`',
    ],
    [
      'bracketed level',
      '[2024-05-01T10:00:00Z] [FATAL] out of file descriptors',
      'fatal',
      'FATAL',
      'out of file descriptors',
    ],
  ])('%s', (_name, line, severity, severityText, message) => {
    expect(parseLine(line)).toMatchObject({ format: 'text', severity, severityText, message });
  });

  it('a level word guessed from prose has no severityText', () => {
    expect(parseLine('the upload ended with an error after 3 tries')).toMatchObject({
      format: 'text',
      severity: 'error',
    });
    expect(parseLine('the upload ended with an error after 3 tries').severityText).toBeUndefined();
    expect(parseLine('all good here').severity).toBe('unknown');
    expect(parseLine('    at Object.<anonymous> (/app/index.js:3:9)')).toMatchObject({
      format: 'text',
      severity: 'unknown',
      message: '    at Object.<anonymous> (/app/index.js:3:9)',
    });
  });

  it.each([
    ['a plain line starting with a date', '2024-05-01 10:00:00 server started on port 8080'],
    [
      'a dated line that looks like a syslog header but lacks the tag colon',
      'May  1 10:00:00 the backup ran long',
    ],
    ['JSON-looking but not JSON', '{user: alice, action: login}'],
    ['a JSON array', '["not", "a", "record"]'],
    ['truncated JSON', '{"level":"error","msg":"cut'],
    ['a brace pair around prose', '{ this is a note in braces }'],
  ])('is not a structured format: %s', (_name, line) => {
    expect(parseLine(line).format).toBe('text');
  });

  it('keeps the time of an ISO-stamped text line', () => {
    expect(parseLine('2024-05-01T10:00:00.5+02:00 INFO ready').time).toBe('2024-05-01T08:00:00.500Z');
  });
});

describe('a level word where a syslog host would stand', () => {
  it('reads `time LEVEL logger: message` as an application line, not syslog from host LEVEL', () => {
    const e = parseLine('2026-12-01T10:00:01Z ERROR db: connection refused to 10.0.5.7:5432 after 5 ms');
    expect(e).toMatchObject({ severity: 'error', format: 'text' });
    expect(e.host).toBeUndefined();
    const bsd = parseLine('Dec  1 10:00:01 WARN cache: eviction storm');
    expect(bsd.severity).toBe('warning');
    expect(bsd.host).toBeUndefined();
  });

  it('still reads a real host', () => {
    expect(parseLine('2026-12-01T10:00:01Z web-3 app[77]: WARN cache full')).toMatchObject({
      format: 'syslog',
      host: 'web-3',
      logger: 'app',
    });
  });
});
