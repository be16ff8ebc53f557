import { eventFromObject } from '#lib/records/json';
import { parseLine } from '#lib/records/line';

const line = (o: unknown) => parseLine(JSON.stringify(o));

const NODE_STACK =
  "TypeError: Cannot read properties of undefined (reading 'id')\n    at loadUser (/srv/app/users.js:41:17)\n    at async handler (/srv/app/routes.js:12:5)";
const PY_TRACE =
  'Traceback (most recent call last):\n  File "/srv/app/jobs.py", line 88, in run\n    settle(order)\n  File "/srv/app/ledger.py", line 12, in settle\n    raise LedgerLocked(order)\nledger.LedgerLocked: row 77 locked';
const JAVA_STACK =
  'java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n\tat com.example.orders.OrderRepository.find(OrderRepository.java:31)';
const GO_STACK = 'main.(*Server).handle\n\t/src/server.go:120\nmain.main\n\t/src/main.go:33';

describe('JSON records of the structured loggers', () => {
  it('bunyan', () => {
    const e = line({
      name: 'orders',
      hostname: 'api-3',
      pid: 41,
      level: 50,
      err: {
        message: "Cannot read properties of undefined (reading 'id')",
        name: 'TypeError',
        stack: NODE_STACK,
        code: 'E_USER',
      },
      msg: 'lookup failed',
      time: '2024-05-01T10:00:00.000Z',
      v: 0,
      req_id: 'r-9',
    });
    expect(e).toMatchObject({
      severity: 'error',
      logger: 'orders',
      host: 'api-3',
      message: 'lookup failed',
      time: '2024-05-01T10:00:00.000Z',
      error: { type: 'TypeError', stack: NODE_STACK },
      context: { pid: 41, 'err.code': 'E_USER', req_id: 'r-9', v: 0 },
    });
    expect(Object.keys(e.context)).not.toContain('err.stack');
  });

  it('zap (production encoder)', () => {
    const e = line({
      level: 'error',
      ts: 1714557600.123456,
      caller: 'server/handler.go:120',
      msg: 'request failed',
      error: 'dial tcp 10.0.0.5:5432: connect: connection refused',
      stacktrace: GO_STACK,
      logger: 'http',
      path: '/cart',
    });
    expect(e).toMatchObject({
      severity: 'error',
      logger: 'http',
      message: 'request failed',
      error: { message: 'dial tcp 10.0.0.5:5432: connect: connection refused', stack: GO_STACK },
      context: { caller: 'server/handler.go:120', path: '/cart' },
    });
    expect(e.time).toBe('2024-05-01T10:00:00.123Z');
    expect(line({ level: 'dpanic', msg: 'x' }).severity).toBe('fatal');
  });

  it('logrus JSON formatter', () => {
    expect(
      line({
        level: 'error',
        msg: 'payment gateway down',
        error: 'EOF',
        time: '2024-05-01T12:00:00+02:00',
        gateway: 'stripe',
      }),
    ).toMatchObject({
      severity: 'error',
      message: 'payment gateway down',
      error: { message: 'EOF' },
      time: '2024-05-01T10:00:00.000Z',
      context: { gateway: 'stripe' },
    });
  });

  it('structlog with format_exc_info', () => {
    const e = line({
      event: 'settlement failed',
      level: 'error',
      logger: 'billing',
      timestamp: '2024-05-01T10:00:00.000000Z',
      exception: PY_TRACE,
      order: 'ord-1',
    });
    expect(e).toMatchObject({
      severity: 'error',
      message: 'settlement failed',
      logger: 'billing',
      error: { type: 'ledger.LedgerLocked', message: 'row 77 locked', stack: PY_TRACE },
      context: { order: 'ord-1' },
    });
  });

  it('ECS (dotted and nested alike)', () => {
    const dotted = line({
      '@timestamp': '2024-05-01T10:00:00.000Z',
      'log.level': 'error',
      message: 'order lookup failed',
      'ecs.version': '1.6.0',
      'service.name': 'orders',
      'error.type': 'java.sql.SQLTransientConnectionException',
      'error.message': 'HikariPool-1 - Connection is not available',
      'error.stack_trace': JAVA_STACK,
      'log.logger': 'com.example.orders.OrderRepository',
      'process.thread.name': 'http-nio-8080-exec-3',
    });
    const nested = line({
      '@timestamp': '2024-05-01T10:00:00.000Z',
      log: { level: 'error', logger: 'com.example.orders.OrderRepository' },
      message: 'order lookup failed',
      ecs: { version: '1.6.0' },
      service: { name: 'orders' },
      error: {
        type: 'java.sql.SQLTransientConnectionException',
        message: 'HikariPool-1 - Connection is not available',
        stack_trace: JAVA_STACK,
      },
      process: { thread: { name: 'http-nio-8080-exec-3' } },
    });
    for (const e of [dotted, nested]) {
      expect(e).toMatchObject({
        severity: 'error',
        message: 'order lookup failed',
        service: 'orders',
        logger: 'com.example.orders.OrderRepository',
        error: { type: 'java.sql.SQLTransientConnectionException', stack: JAVA_STACK },
        context: { 'ecs.version': '1.6.0', 'process.thread.name': 'http-nio-8080-exec-3' },
      });
      expect(Object.keys(e.context).some((k) => k.startsWith('error.') || k.startsWith('log.'))).toBe(false);
    }
  });

  it('AWS Lambda JSON logs: errorType/errorMessage/stackTrace, top level or inside message', () => {
    const top = line({
      timestamp: '2024-05-01T10:00:00.000Z',
      level: 'ERROR',
      requestId: '79b4f56e',
      errorType: 'TypeError',
      errorMessage: 'x is not a function',
      stackTrace: ['TypeError: x is not a function', '    at Runtime.handler (/var/task/index.mjs:3:9)'],
    });
    expect(top).toMatchObject({
      severity: 'error',
      message: 'x is not a function',
      error: {
        type: 'TypeError',
        message: 'x is not a function',
        stack: 'TypeError: x is not a function\n    at Runtime.handler (/var/task/index.mjs:3:9)',
      },
      context: { requestId: '79b4f56e' },
    });
    const inside = line({
      timestamp: '2024-05-01T10:00:00.000Z',
      level: 'ERROR',
      requestId: '79b4f56e',
      message: {
        errorType: 'Runtime.UnhandledPromiseRejection',
        errorMessage: 'Error: db timeout',
        stackTrace: [
          'Runtime.UnhandledPromiseRejection: Error: db timeout',
          '    at process.<anonymous> (file:///var/runtime/index.mjs:1276:17)',
        ],
      },
    });
    expect(inside).toMatchObject({
      severity: 'error',
      message: 'Error: db timeout',
      error: { type: 'Runtime.UnhandledPromiseRejection' },
    });
    const py = line({
      errorMessage: 'division by zero',
      errorType: 'ZeroDivisionError',
      requestId: 'a1',
      stackTrace: ['  File "/var/task/lambda_function.py", line 3, in lambda_handler\n    return 1 / 0\n'],
    });
    expect(py.error).toMatchObject({
      type: 'ZeroDivisionError',
      stack: '  File "/var/task/lambda_function.py", line 3, in lambda_handler\n    return 1 / 0',
    });
  });

  it('GCP structured logging: severity, sourceLocation, a stack carried in the message', () => {
    const e = line({
      severity: 'CRITICAL',
      message: `${NODE_STACK}`,
      'logging.googleapis.com/sourceLocation': { file: 'users.js', line: '41', function: 'loadUser' },
      'logging.googleapis.com/trace': 'projects/p/traces/abc',
      serviceContext: { service: 'users-api', version: '7' },
    });
    expect(e).toMatchObject({
      severity: 'fatal',
      severityText: 'CRITICAL',
      service: 'users-api',
      message: "TypeError: Cannot read properties of undefined (reading 'id')",
      error: { type: 'TypeError', stack: NODE_STACK },
      context: {
        'logging.googleapis.com/sourceLocation.function': 'loadUser',
        'serviceContext.version': '7',
      },
    });
    expect(line({ severity: 'WARNING', textPayload: 'quota 91% used' })).toMatchObject({
      severity: 'warning',
      message: 'quota 91% used',
    });
  });

  it('OTel-shaped records', () => {
    const e = line({
      timeUnixNano: '1714557600000000000',
      severityText: 'Error',
      severityNumber: 17,
      body: 'charge failed',
      attributes: {
        'exception.type': 'CardDeclinedError',
        'exception.message': 'declined',
        'exception.stacktrace': 'CardDeclinedError: declined\n    at charge (/app/pay.js:9:11)',
        'user.id': 'u1',
      },
      resource: { 'service.name': 'pay' },
    });
    expect(e).toMatchObject({
      severity: 'error',
      severityText: 'Error',
      message: 'charge failed',
      service: 'pay',
      error: { type: 'CardDeclinedError', message: 'declined' },
      context: { 'attributes.user.id': 'u1' },
    });
    expect(e.time).toBe('2024-05-01T10:00:00.000Z');
  });

  it('Serilog compact JSON, journald export, python-json-logger, Docker json-file', () => {
    expect(
      line({
        '@t': '2024-05-01T10:00:00.1234567Z',
        '@mt': 'Order {OrderId} failed',
        '@l': 'Error',
        '@x': 'System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()',
        OrderId: 77,
      }),
    ).toMatchObject({
      severity: 'error',
      message: 'Order {OrderId} failed',
      error: { type: 'System.InvalidOperationException', message: 'Sequence contains no elements' },
      context: { OrderId: 77 },
    });
    expect(
      line({
        MESSAGE: 'Failed to start nginx.service',
        PRIORITY: '3',
        SYSLOG_IDENTIFIER: 'systemd',
        _HOSTNAME: 'web-1',
        __REALTIME_TIMESTAMP: '1714557600000000',
        _PID: '1',
      }),
    ).toMatchObject({
      severity: 'error',
      message: 'Failed to start nginx.service',
      logger: 'systemd',
      host: 'web-1',
      time: '2024-05-01T10:00:00.000Z',
    });
    expect(
      line({
        asctime: '2024-05-01 10:00:00,001',
        levelname: 'ERROR',
        name: 'jobs',
        message: 'job failed',
        exc_info: PY_TRACE,
      }),
    ).toMatchObject({ severity: 'error', logger: 'jobs', error: { type: 'ledger.LedgerLocked' } });
    const docker = line({
      log: '2024-05-01 10:00:00 WARN disk almost full\n',
      stream: 'stdout',
      time: '2024-05-01T10:00:00.5Z',
    });
    expect(docker).toMatchObject({
      severity: 'warning',
      severityText: 'WARN',
      message: 'disk almost full',
      context: { stream: 'stdout' },
    });
  });

  it('a record without any level field keeps severity unknown unless its text says more', () => {
    expect(line({ msg: 'user signed in', user: 'alice' })).toMatchObject({
      severity: 'unknown',
      message: 'user signed in',
      context: { user: 'alice' },
    });
    expect(line({ message: 'ERROR while syncing' }).severity).toBe('error');
  });

  it('context is flat, bounded in keys and value length, and nested values are walked without recursion', () => {
    const many: Record<string, unknown> = { level: 'info', msg: 'wide' };
    for (let i = 0; i < 500; i++) many[`k${i}`] = 'v'.repeat(2000);
    const e = line(many);
    expect(Object.keys(e.context)).toHaveLength(64);
    expect(Math.max(...Object.values(e.context).map((v) => String(v).length))).toBeLessThanOrEqual(512);
    const deep = `{"level":"error","msg":"deep","a":${'{"b":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    const d = parseLine(deep);
    expect(d).toMatchObject({ severity: 'error', message: 'deep' });
    const [key] = Object.keys(d.context);
    expect(key?.split('.').length).toBeLessThanOrEqual(9);
    const arr = parseLine(`{"level":"error","msg":"arr","a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    expect(String(arr.context.a).length).toBeLessThanOrEqual(512);
    expect(line({ level: 'info', msg: 'list', tags: ['a', 'b'] }).context.tags).toBe('["a","b"]');
  });
});

describe('Kubernetes Events', () => {
  it('read their type as the level and their reason as what happened', () => {
    const event = (pod: string, reason: string) =>
      eventFromObject({
        kind: 'Event',
        apiVersion: 'v1',
        type: 'Warning',
        reason,
        message: `Back-off restarting failed container api in pod ${pod}`,
        involvedObject: { kind: 'Pod', name: pod, namespace: 'shop' },
        count: 7,
      });
    expect(event('api-7f9c-x2k', 'BackOff')).toMatchObject({
      severity: 'warning',
      severityText: 'Warning',
      logger: 'BackOff',
    });
    expect(
      eventFromObject({ kind: 'Event', type: 'Normal', reason: 'Pulled', message: 'pulled image' }).severity,
    ).toBe('info');
  });
});

describe('HTTP access records', () => {
  it('a request answered with a 5xx is an error named by its request, whatever level the record says', () => {
    expect(line({ method: 'GET', path: '/users/42/orders', status: 500, duration: 12.3 })).toMatchObject({
      severity: 'error',
      severityText: '500',
      message: 'GET /users/<*>/orders HTTP 500',
    });
    const traefik = line({
      DownstreamStatus: 502,
      RequestMethod: 'post',
      RequestPath: '/pay',
      level: 'info',
      msg: '',
    });
    expect(traefik).toMatchObject({ severity: 'error', message: 'POST /pay HTTP 502' });
    // the record's own words come first; a full URL's scheme and host are left out
    expect(
      line({
        severity: 'INFO',
        message: 'served',
        httpRequest: { requestMethod: 'GET', requestUrl: 'https://a.example.com/cart/5', status: 504 },
      }),
    ).toMatchObject({ severity: 'error', message: 'served: GET /cart/<*> HTTP 504' });
    // nginx's $request line as a field, the status a string
    expect(parseLine('{"request":"HEAD /health HTTP/1.1","status": "503"}')).toMatchObject({
      severity: 'error',
      message: 'HEAD /health HTTP 503',
    });
    expect(parseLine('method=GET path=/o/12 status=500 at=info')).toMatchObject({
      severity: 'error',
      message: 'GET /o/<*> HTTP 500',
    });
  });

  it('other statuses are traffic, and a record that is no request is left alone', () => {
    for (const status of [200, 302, 404, 499]) {
      expect(line({ level: 'info', msg: 'done', method: 'GET', path: '/x', status })).toMatchObject({
        severity: 'info',
        message: 'done',
      });
    }
    // no method, an unknown method, a status that is not one, a path that is none
    for (const fields of [
      { path: '/x', status: 500 },
      { method: 'FETCH', path: '/x', status: 500 },
      { method: 'GET', path: '/x', status: 'failed' },
      { method: 'GET', path: '/x', status: 5000 },
      { method: 'GET', path: 'orders', status: 500 },
    ]) {
      expect(line({ level: 'info', msg: 'done', ...fields })).toMatchObject({
        severity: 'info',
        message: 'done',
      });
    }
  });

  it('a record at a failure level, or carrying an error, keeps the failure it names', () => {
    const heroku = parseLine(
      'at=error code=H12 desc="Request timeout" method=GET path="/checkout" host=shop.example.com dyno=web.1 status=503',
    );
    expect(heroku).toMatchObject({ severity: 'error', message: 'Request timeout' });
    const pino = line({
      level: 50,
      req: { method: 'GET', url: '/a' },
      res: { statusCode: 500 },
      err: { type: 'TypeError', message: 'x is undefined', stack: NODE_STACK },
      msg: 'request errored',
    });
    expect(pino).toMatchObject({ severity: 'error', message: 'request errored' });
    // Caddy's access logger says only `handled request`, at error for a 5xx: the request names it
    const caddy = line({
      level: 'error',
      logger: 'http.log.access.log0',
      msg: 'handled request',
      request: { method: 'GET', uri: '/img/7.png' },
      status: 502,
    });
    expect(caddy).toMatchObject({ severity: 'error', message: 'handled request: GET /img/<*> HTTP 502' });
  });
});

describe("Datadog's reserved attributes", () => {
  it('read `status` as the level when it names one, and `logger.name` as the logger', () => {
    const e = line({
      status: 'error',
      message: 'payment declined',
      service: 'billing',
      logger: { name: 'billing.charge', thread_name: 'main' },
      error: { kind: 'GatewayError', message: 'declined' },
    });
    expect(e).toMatchObject({
      severity: 'error',
      severityText: 'error',
      logger: 'billing.charge',
      service: 'billing',
      error: { type: 'GatewayError', message: 'declined' },
    });
    expect(line({ status: 'critical', message: 'disk gone' }).severity).toBe('fatal');
    expect(line({ status: 'ok', message: 'fine' }).severity).toBe('info');
  });

  it('leave a status that is a state, or a letter, or a number, out of the level', () => {
    for (const status of ['failed', 'A', 'E', 'active', 500]) {
      expect(line({ status, message: 'job 7 finished' }).severity).toBe('unknown');
    }
    // a level field the record has comes first
    expect(line({ level: 'info', status: 'error', message: 'x' }).severity).toBe('info');
  });
});

describe('where a record was logged from', () => {
  it.each([
    [
      'Cloud Logging sourceLocation',
      {
        severity: 'ERROR',
        message: 'refund failed',
        'logging.googleapis.com/sourceLocation': { file: 'refunds.py', line: '41', function: 'issue' },
      },
      'refunds.py:41',
    ],
    [
      'bunyan src',
      { level: 50, msg: 'refund failed', src: { file: '/srv/app/refunds.js', line: 41, func: 'issue' } },
      '/srv/app/refunds.js:41',
    ],
    [
      'python-json-logger',
      { levelname: 'ERROR', message: 'refund failed', pathname: '/srv/app/refunds.py', lineno: 41 },
      '/srv/app/refunds.py:41',
    ],
    [
      'ECS log.origin',
      {
        'log.level': 'error',
        message: 'refund failed',
        log: { origin: { file: { name: 'Refunds.java', line: 41 } } },
      },
      'Refunds.java:41',
    ],
  ])('%s', (_name, record, caller) => {
    expect(eventFromObject(record).context.caller).toBe(caller);
  });

  it("keeps zap's caller, and states none without a line", () => {
    expect(
      eventFromObject({ level: 'error', msg: 'x', caller: 'a/b.go:3', src: { file: 'c.js', line: 9 } })
        .context.caller,
    ).toBe('a/b.go:3');
    expect(
      eventFromObject({ level: 'error', msg: 'x', filename: 'refunds.py' }).context.caller,
    ).toBeUndefined();
  });
});
