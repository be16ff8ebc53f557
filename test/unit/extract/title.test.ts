/**
 * A report's title and culprit (lib/extract/title.ts), read from its signature:
 * the same for every log of the report, and saying what failed where.
 */
import { failureOfRecord } from '#lib/extract/event';
import { extractBuffer } from '#lib/extract/index';
import { headlineOf } from '#lib/extract/title';
import { parseLine } from '#lib/records/line';

const of = (log: string) => headlineOf(extractBuffer(Buffer.from(log)).signature);

describe('titles and culprits', () => {
  it('names a JVM exception and its top in-app frame, past the framework frames', () => {
    const log = (order: string, user: string) =>
      `2026-11-28 10:00:01 ERROR [http-nio-7] c.e.shop.Api - request failed\njava.lang.IllegalStateException: order ${order} is locked by ${user}\n\tat org.eclipse.jetty.server.Handler.run(Handler.java:1234)\n\tat com.example.shop.OrderService.lock(OrderService.java:107)\n`;
    const a = of(log('A-1001', 'alice'));
    expect(a).toEqual({
      title: 'java.lang.IllegalStateException: order <*> is locked by <user>',
      culprit: 'com.example.shop.OrderService.lock (OrderService.java)',
    });
    expect(of(log('Z-9', 'bob'))).toEqual(a);
  });

  it(".NET's unhandled exception: the type and message without the words before them, the top in-app frame", () => {
    expect(
      of(
        'Unhandled exception. System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at Shop.Cart.Total() in /src/Shop/Cart.cs:line 12\n',
      ),
    ).toEqual({
      title: 'System.InvalidOperationException: Sequence contains no elements',
      culprit: 'Shop.Cart.Total (Cart.cs)',
    });
    expect(
      of(
        'Unhandled Exception: System.NullReferenceException: Object reference not set to an instance of an object.\n   at Shop.Worker.Run() in C:\\src\\Shop\\Worker.cs:line 30\n',
      ).title,
    ).toBe('System.NullReferenceException: Object reference not set to an instance of an object.');
  });

  it("reads a Windows event's .NET crash: `Exception Info:` and frames that print parameter types, not places", () => {
    const event = [
      'Application: Shop.Service.exe',
      'Framework Version: v4.0.30319',
      'Description: The process was terminated due to an unhandled exception.',
      'Exception Info: System.NullReferenceException',
      '   at Shop.Service.Cart.Total(System.Collections.Generic.List`1<Shop.Service.Item>)',
      '   at Shop.Service.Worker.Run()',
      '   at System.Threading.ThreadHelper.ThreadStart()',
      '',
    ].join('\n');
    expect(of(event)).toEqual({
      title: 'System.NullReferenceException',
      culprit: 'Shop.Service.Cart.Total()',
    });
  });

  it("passes over a dependency's frames for the culprit: npm's, pnpm's, pip's and Bundler's packages", () => {
    const node = of(
      [
        'Error: connect ECONNREFUSED 127.0.0.1:5432',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1300:16)',
        '    at Client._connectionCallback (/app/node_modules/pg/lib/client.js:132:24)',
        '    at Connection.emit (/app/node_modules/.pnpm/pg@8.11.3/node_modules/pg/lib/connection.js:10:3)',
        '    at Object.query (/app/src/db.js:12:9)',
        '',
      ].join('\n'),
    );
    expect(node.culprit).toBe('Object.query (db.js)');
    const python = of(
      [
        'Traceback (most recent call last):',
        '  File "/srv/app/jobs.py", line 12, in handle',
        '    r = requests.get(url)',
        '  File "/usr/lib/python3.11/site-packages/requests/adapters.py", line 519, in send',
        '    raise ConnectionError(e, request=request)',
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded",
        '',
      ].join('\n'),
    );
    expect(python.culprit).toBe('handle (jobs.py)');
    const ruby = of(
      [
        "/usr/local/bundle/gems/activesupport-7.1.2/lib/active_support/core_ext/object/try.rb:12:in `public_send': undefined method `total' for nil (NoMethodError)",
        "\tfrom /usr/local/bundle/gems/activesupport-7.1.2/lib/active_support/core_ext/object/try.rb:5:in `try'",
        "\tfrom /app/app/services/refund.rb:8:in `call'",
        '',
      ].join('\n'),
    );
    expect(ruby.culprit).toBe('from refund.rb in call');
  });

  it("keeps a dependency's package, not its version or place, in the frame", () => {
    const stack = (pg: string) =>
      extractBuffer(
        Buffer.from(
          `Error: connect ECONNREFUSED 127.0.0.1:5432\n    at Client._connectionCallback (${pg}/lib/client.js:132:24)\n    at Object.query (/app/src/db.js:12:9)\n`,
        ),
      );
    const npm = stack('/app/node_modules/pg');
    expect(npm.signature).toContain('(pg/client.js)');
    expect(stack('/srv/shop/node_modules/.pnpm/pg@8.12.0/node_modules/pg').fingerprint).toBe(npm.fingerprint);
  });

  it('names a Python exception and its innermost frame (Python prints it last)', () => {
    const log = `Traceback (most recent call last):\n  File "/srv/app/worker.py", line 40, in run\n    handle(job)\n  File "/srv/app/jobs.py", line 12, in handle\n    return open(path).read()\nFileNotFoundError: [Errno 2] No such file or directory: '/tmp/job-7'\n`;
    expect(of(log)).toEqual({
      title: "FileNotFoundError: [Errno 2] No such file or directory: '<tmp>'",
      culprit: 'handle (jobs.py)',
    });
  });

  it('takes the failure message without its level, and the component in brackets as the culprit', () => {
    expect(
      of('2026-11-28 10:00:01 ERROR [BillingWorker] charge failed: card_declined for order 88\n'),
    ).toEqual({
      title: 'charge failed: card_declined for order <*>',
      culprit: 'BillingWorker',
    });
    // Envoy's `[level][logger] [source:line] message`: the level is not the component, the source line not the message.
    expect(
      of(
        '[2026-12-03 09:14:07.512][31][warning][upstream] [source/common/upstream/health_checker_impl.cc:402] health check of ledger-api failed: connect timeout\n',
      ),
    ).toEqual({ title: 'health check of ledger-api failed: connect timeout', culprit: 'upstream' });
    // Celery's `[time: LEVEL/process]` header: the worker process is where, not what.
    expect(
      of(
        "[2026-12-03 09:14:07,512: ERROR/ForkPoolWorker-3] Task billing.tasks.charge[1c0ffee0-aaaa-4bbb-8ccc-000011112222] raised unexpected: KeyError('plan')\n",
      ).title,
    ).toBe("Task billing.tasks.charge[<*>] raised unexpected: KeyError('plan')");
    // Ruby's Logger (`-- progname:`) with a Rails request tag, structlog's padded level, nginx's pid and connection.
    expect(
      of(
        'E, [2026-12-03T09:14:07.512904 #4411] ERROR -- mailer: [8d1b-4c3a] Net::ReadTimeout (Net::ReadTimeout with #<TCPSocket:(closed)>):\n',
      ),
    ).toEqual({
      title: 'Net::ReadTimeout (Net::ReadTimeout with #<TCPSocket:(closed)>):',
      culprit: 'mailer',
    });
    expect(
      of("2026-12-03 09:14:07 [error    ] refund failed    refund_id=77 error='card expired'\n").title,
    ).toBe("refund failed refund_id=<*> error='card expired'");
    expect(
      of(
        '2026/12/03 09:14:07 [crit] 812#812: *9912 open() "/srv/www/app.css" failed (13: Permission denied), client: 10.2.0.9\n',
      ).title,
    ).toMatch(/^open\(\) "\/srv\/www\/app\.css" failed \(<\*>: Permission denied\)/);
    // Monolog's `channel.LEVEL:`, the channel the culprit.
    expect(of('[2026-12-03T09:14:07.512904+00:00] security.ERROR: Token signature invalid [] []\n')).toEqual({
      title: 'Token signature invalid [] []',
      culprit: 'security',
    });
    // Apache's `[module:level] [pid …] [client …]`, MySQL's `[Level] [code] [subsystem]`, Python's default format,
    // Elasticsearch's `[level][logger] [node]`, klog's message led by a Go file.
    expect(
      of(
        '[Thu Dec 03 09:14:07.512904 2026] [proxy:error] [pid 812:tid 913] [client 10.2.0.9:50112] AH00898: Error reading from remote server returned by /ledger\n',
      ),
    ).toEqual({ title: 'AH00898: Error reading from remote server returned by /ledger', culprit: 'proxy' });
    expect(
      of(
        '2026-12-03T09:14:07.512904Z 31 [ERROR] [MY-013183] [InnoDB] Assertion failure: ibuf0ibuf.cc:3833:ibuf_btr_pcur_commit_specify_mtr\n',
      ),
    ).toMatchObject({ culprit: 'InnoDB' });
    expect(of('ERROR:ledger.sync:pull failed for repo billing\n')).toEqual({
      title: 'pull failed for repo billing',
      culprit: 'ledger.sync',
    });
    expect(
      of('[2026-12-03T09:14:07,512][ERROR][o.e.x.s.Watcher] [data-7] failed to run watch [ledger-lag]\n'),
    ).toEqual({ title: 'failed to run watch [ledger-lag]', culprit: 'o.e.x.s.Watcher' });
    expect(
      of(
        'E1203 09:14:07.512904    1234 reflector.go:138] k8s.io/client-go/tools/cache/reflector.go:150: Failed to watch *v1.ConfigMap: forbidden\n',
      ).title,
    ).toBe('Failed to watch <*>: forbidden');
    // log4j's `%m (%c)`, as Kafka prints its logger.
    expect(
      of(
        '[2026-12-03 09:14:07,512] ERROR [Controller id=2] Failed to elect leader for ledger-4 (kafka.controller.KafkaController)\n',
      ).culprit,
    ).toBe('kafka.controller.KafkaController');
    expect(of('2026-12-01 10:00:00 WARN cache miss storm: 42 misses in 10s\n')).toEqual({
      title: 'cache miss storm: <*> misses in <duration>',
      culprit: null,
    });
  });

  it("names a Java layout's logger as the culprit, its thread left out of the title", () => {
    // log4j's and logback's `[%t] %c - %m`, abbreviated or not.
    expect(
      of('2026-12-03 09:14:07,512 ERROR [pool-3-thread-9] com.acme.ledger.Sync - pull of 88 rows failed\n'),
    ).toEqual({
      title: 'pull of <*> rows failed',
      culprit: 'com.acme.ledger.Sync',
    });
    expect(of('09:14:07.512 [main] ERROR c.a.ledger.Sync - pull failed\n')).toEqual({
      title: 'pull failed',
      culprit: 'c.a.ledger.Sync',
    });
    // Spring Boot's `pid --- [app] [thread] logger : message`.
    expect(
      of(
        '2026-12-03T09:14:07.512Z ERROR 4242 --- [ledger] [           main] o.s.boot.SpringApplication               : Application run failed\n',
      ),
    ).toEqual({ title: 'Application run failed', culprit: 'o.s.boot.SpringApplication' });
    // Tomcat's `[thread] class.method message`.
    expect(
      of(
        '03-Dec-2026 09:14:07.512 SEVERE [main] org.apache.catalina.core.StandardContext.filterStart Exception starting filter [auth]\n',
      ),
    ).toEqual({
      title: 'Exception starting filter [auth]',
      culprit: 'org.apache.catalina.core.StandardContext.filterStart',
    });
    // WildFly and Quarkus: `[logger] (thread)`, a JBoss Logging message id kept.
    expect(
      of(
        '09:14:07,512 ERROR [org.jboss.as.controller.management-operation] (ServerService Thread Pool -- 12) WFLYCTL0013: Operation ("add") failed\n',
      ),
    ).toEqual({
      title: 'WFLYCTL0013: Operation ("add") failed',
      culprit: 'org.jboss.as.controller.management-operation',
    });
    // An exception's type is not taken for a logger.
    expect(
      of('2026-12-03 09:14:07,512 ERROR [main] java.lang.IllegalStateException: pool closed\n').title,
    ).toBe('java.lang.IllegalStateException: pool closed');
  });

  it("reads AWS Lambda's Node.js runtime error as the error it carries, its frames a stack", () => {
    const log = (id: string, line: number) =>
      `2026-12-03T09:14:07.512Z\t${id}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'Records')","stack":["TypeError: Cannot read properties of undefined (reading 'Records')","    at Runtime.handler (file:///var/task/index.mjs:${line}:22)"]}\n`;
    const a = extractBuffer(Buffer.from(log('3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f', 4)));
    expect(a.type).toBe('C');
    expect(a.headline).toEqual({
      title: "TypeError: Cannot read properties of undefined (reading 'Records')",
      culprit: 'Runtime.handler (index.mjs)',
    });
    expect(extractBuffer(Buffer.from(log('undefined', 9))).fingerprint).toBe(a.fingerprint);
    // The Python runtime prints an uncaught exception before its traceback: the traceback's exception.
    expect(
      of(
        "[ERROR] KeyError: 'customer_id'\nTraceback (most recent call last):\n  File \"/var/task/handler.py\", line 21, in lambda_handler\n    c = event['customer_id']\nEND RequestId: 0c1d\n",
      ),
    ).toEqual({ title: "KeyError: 'customer_id'", culprit: 'lambda_handler (handler.py)' });
    // Any other line of the runtime is its message at its level.
    expect(
      of('2026-12-03T09:14:07.512Z\t3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tWARN\tretrying charge 8812\n')
        .title,
    ).toBe('retrying charge <*>');
  });

  it("names the logger of loguru's and Rust's default layouts as the culprit", () => {
    expect(of('2026-12-03 09:14:07.512 | ERROR    | shop.payments:charge:42 - charge 8812 failed\n')).toEqual(
      {
        title: 'charge <*> failed',
        culprit: 'shop.payments:charge',
      },
    );
    expect(of('[2026-12-03T09:14:07Z ERROR shop::payments] charge 8812 failed\n')).toEqual({
      title: 'charge <*> failed',
      culprit: 'shop::payments',
    });
    expect(of('2026-12-03T09:14:07.512904Z ERROR shop::payments: charge 8812 failed\n')).toEqual({
      title: 'charge <*> failed',
      culprit: 'shop::payments',
    });
  });

  it("names Python logging's dashed logger, Flask's module and a Go caller as the culprit", () => {
    expect(of('2026-12-03 09:14:07,512 - shop.payments - ERROR - charge 8812 failed\n')).toEqual({
      title: 'charge <*> failed',
      culprit: 'shop.payments',
    });
    expect(of('[2026-12-03 09:14:07,512] ERROR in checkout: Exception on /checkout [POST]\n')).toEqual({
      title: 'Exception on /checkout [POST]',
      culprit: 'checkout',
    });
    expect(of('2026-12-03T09:14:07.512Z [error] shop/pay.go:88 charge 8812 failed\n')).toEqual({
      title: 'charge <*> failed',
      culprit: 'shop/pay.go',
    });
  });

  it("reads Node's printed error with its properties and its cause as one stack", () => {
    const log = (port: number) =>
      `Error: connect ECONNREFUSED 127.0.0.1:${port}\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  port: ${port}\n}\n`;
    const a = extractBuffer(Buffer.from(log(5432)));
    expect(a.type).toBe('C');
    expect(a.signature).toContain('at TCPConnectWrap.afterConnect');
    expect(extractBuffer(Buffer.from(log(6379))).fingerprint).toBe(a.fingerprint);
    const caused = extractBuffer(
      Buffer.from(
        'Error: charge failed\n    at charge (/app/pay.js:10:11)\n    at async main (/app/index.js:4:3) {\n  [cause]: Error: card declined\n      at gateway (/app/gw.js:3:9)\n}\n',
      ),
    );
    expect(caused.headline).toEqual({ title: 'Error: charge failed', culprit: 'charge (pay.js)' });
    expect(caused.signature).toContain('[cause]: Error: card declined');
    expect(caused.signature).toContain('at gateway (gw.js)');
  });

  it("titles PHP's uncaught exception without its place, and names its frame without arguments", () => {
    const log = (arg: string) =>
      `PHP Fatal error:  Uncaught TypeError: round(): Argument #1 ($num) must be of type int|float, string given in /srv/shop/src/Price.php:30\nStack trace:\n#0 /srv/shop/src/Price.php(30): round(${arg})\n#1 /srv/shop/src/Cart.php(71): Shop\\Price->net(${arg})\n#2 {main}\n  thrown in /srv/shop/src/Price.php on line 30\n`;
    expect(of(log("'12,50', 2"))).toEqual({
      title: 'Uncaught TypeError: round(): Argument <*> ($num) must be of type int|float, string given',
      culprit: 'round() (Price.php)',
    });
    expect(of(log(''))).toEqual(of(log("'x'")));
  });

  it("names a zap record by its message and caller, in either of zap's encodings", () => {
    const json = of(
      `${JSON.stringify({ level: 'error', ts: 1733217247.5, caller: 'sync/pull.go:77', msg: 'pull failed', repo: 'ledger', error: 'EOF' })}\n`,
    );
    expect(json).toEqual({ title: 'pull failed', culprit: 'pull.go' });
    expect(
      of(
        '2026-12-03T09:14:07.512Z\terror\tsync/pull.go:81\tpull failed\t{"repo": "billing", "error": "EOF"}\n',
      ),
    ).toEqual(json);
  });

  it("names a structured record's error type and message, and its frame past node's internals", () => {
    const record = parseLine(
      JSON.stringify({
        level: 50,
        msg: 'payment failed',
        err: {
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'amount')",
          stack:
            "TypeError: Cannot read properties of undefined (reading 'amount')\n    at process (node:internal/process/task_queues:95:5)\n    at charge (/app/pay.js:10:5)",
        },
      }),
    );
    expect(headlineOf(failureOfRecord(record)!.signature)).toEqual({
      title: "TypeError: Cannot read properties of undefined (reading 'amount')",
      culprit: 'charge (pay.js)',
    });
  });

  it('bounds a title', () => {
    expect(of(`ERROR ${'word '.repeat(200)}\n`).title.length).toBeLessThanOrEqual(200);
  });
});
