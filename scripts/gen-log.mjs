#!/usr/bin/env node
// Writes a synthetic log for throughput benchmarks:
//   node scripts/gen-log.mjs [--realistic [--seed N]] SIZE_MB OUT
// Default: mostly INFO lines of a few common shapes, about 1 in 200 a
// WARNING/ERROR line, about 1 in 5000 followed by a short JVM stack.
// --realistic: many systems' line shapes (see realisticChunks), about 1 %
// failure lines, stacks of several runtimes, long lines, UTF-8.
// Both deterministic (fixed seed, or --seed).
import { createWriteStream } from 'node:fs';

const args = process.argv.slice(2);
const realistic = args.includes('--realistic');
const seedAt = args.indexOf('--seed');
const seedArg = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const [sizeArg, out] = args.filter((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1));
const size = Number(sizeArg) * 1024 * 1024;
if (!out || !Number.isFinite(size) || size <= 0 || !Number.isInteger(seedArg)) {
  console.error('usage: node scripts/gen-log.mjs [--realistic [--seed N]] SIZE_MB OUT');
  process.exit(2);
}

let seed = 42;
const rnd = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const ip = () => `10.${rnd(256)}.${rnd(256)}.${rnd(256)}`;
const ts = (i) =>
  `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 12:${String(rnd(60)).padStart(2, '0')}:${String(rnd(60)).padStart(2, '0')},${rnd(1000)}`;
const info = [
  (i) => `${ts(i)} INFO  [main] org.example.server.Handler: Accepted connection from /${ip()}:${rnd(65536)}`,
  (i) =>
    `${ts(i)} INFO  [pool-${rnd(8)}-thread-${rnd(64)}] dfs.DataNode$PacketResponder: Received block blk_${rnd(1e9)} of size ${rnd(1 << 26)} from /${ip()}`,
  (i) =>
    `${ts(i)} DEBUG [worker-${rnd(16)}] cache.Store: hit ratio ${rnd(100)}.${rnd(100)}% for shard ${rnd(512)}`,
  (i) =>
    `${ts(i)} INFO  [http-nio-8080-exec-${rnd(200)}] web.Access: GET /api/v1/items/${rnd(1e6)} 200 ${rnd(5000)}ms`,
];
const bad = [
  (i) => `${ts(i)} WARNING [main] net.Client: Slow request ${rnd(1e6)} took ${rnd(9000)}ms`,
  (i) => `${ts(i)} ERROR [worker-${rnd(16)}] db.Pool: Connection refused by ${ip()}:5432`,
];
const stack = [
  'java.lang.IllegalStateException: pool exhausted',
  '\tat org.example.db.Pool.acquire(Pool.java:118)',
  '\tat org.example.server.Handler.handle(Handler.java:52)',
  '\tat java.base/java.lang.Thread.run(Thread.java:833)',
];

// --- realistic mode -----------------------------------------------------------

/**
 * A generator of chunks of a realistic mixed log: each call returns about
 * 64 KB of whole lines. Line shapes of many systems, drawn by weight; about
 * 1 % failure lines, some of them followed by a stack block of their runtime;
 * now and then a JSON record tens of KB long. Values come from a seeded PRNG.
 */
function realisticChunks(seed0) {
  let s = seed0 >>> 0 || 1;
  // xorshift32: fast, and the same sequence for the same seed everywhere.
  const r = (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
  const pick = (a) => a[r(a.length)];
  const pad = (v, n = 2) => String(v).padStart(n, '0');
  const hex = (n) => {
    let o = '';
    for (let k = 0; k < n; k++) o += '0123456789abcdef'[r(16)];
    return o;
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const ip4 = () =>
    `${pick(['10', '172.16', '192.168'])}.${r(256)}.${r(256)}${r(2) ? `.${r(256)}` : ''}`
      .split('.')
      .slice(0, 4)
      .join('.');
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  let clock = Date.UTC(2024, 2, 1, 0, 0, 0) + r(1e9);
  const t = () => {
    clock += r(40);
    return new Date(clock);
  };
  const iso = (d = t(), frac = 3) =>
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac ? `.${pad(d.getUTCMilliseconds(), 3)}${frac > 3 ? pad(r(1000), 3) : ''}` : ''}Z`;
  const ymd = (d, sep = '-') =>
    `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;
  const hms = (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const bsd = (d = t()) => `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms(d)}`;
  const host = () =>
    pick(['web-01', 'web-02', 'api-7f9c', 'db-primary', 'cache-3', 'ip-10-0-3-17', 'worker-b', 'edge-fra1']);
  const user = () =>
    pick([
      'alice',
      'bob',
      'chloé',
      'jürgen',
      'zoë',
      'søren',
      'françois',
      'müller',
      '李雷',
      '田中',
      'deploy',
      'svc-batch',
    ]);
  const city = () =>
    pick(['Zürich', 'São Paulo', 'Kraków', 'Malmö', '東京', '北京', 'Montréal', 'Reykjavík']);
  const path = () =>
    pick([
      '/api/v1/orders',
      '/api/v2/users',
      '/healthz',
      '/static/app.js',
      '/login',
      '/api/v1/search',
      '/metrics',
      '/img/logo.png',
    ]) +
    (r(3) === 0 ? `/${r(100000)}` : '') +
    (r(4) === 0 ? `?q=${pick(['café', 'naïve', 'x', '東京'])}&page=${r(20)}` : '');
  const ua = () =>
    pick([
      'Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
      'curl/8.5.0',
      'Go-http-client/1.1',
      'kube-probe/1.29',
      'python-requests/2.31.0',
    ]);
  const ms = () => (r(5) === 0 ? r(3000) : r(120));
  const cls = () =>
    pick([
      'OrderService',
      'UserController',
      'PaymentGateway',
      'InventoryCache',
      'SessionFilter',
      'ReportJob',
    ]);
  const pkg = () => pick(['com.acme.shop', 'org.example.billing', 'io.corp.gateway', 'net.demo.core']);
  const pyMod = () =>
    pick(['app.worker', 'app.api.views', 'celery.worker.strategy', 'ingest.pipeline', 'django.request']);
  const goFile = () => pick(['server.go', 'handler.go', 'store/pg.go', 'cache/lru.go', 'cmd/agent/main.go']);
  const rustMod = () =>
    pick([
      'actix_web::middleware::logger',
      'hyper::server',
      'app::jobs',
      'tokio_postgres::connection',
      'sqlx::query',
    ]);
  const tag = () =>
    pick([
      'ActivityManager',
      'WindowManager',
      'chromium',
      'OkHttp',
      'SurfaceFlinger',
      'MyApp/Sync',
      'ConnectivityService',
    ]);

  // Ordinary lines, [weight, fn]: every one keyword-free.
  const ordinary = [
    [
      10,
      () =>
        `${bsd()} ${host()} sshd[${r(65536)}]: Accepted publickey for ${user()} from ${ip4()} port ${1024 + r(60000)} ssh2: ED25519 SHA256:${hex(20)}`,
    ],
    [6, () => `${bsd()} ${host()} systemd[1]: Started Session ${r(9000)} of User ${user()}.`],
    [
      4,
      () => `${bsd()} ${host()} CRON[${r(65536)}]: (${user()}) CMD (/usr/local/bin/rotate --keep ${r(30)})`,
    ],
    [
      4,
      () =>
        // PRI = facility * 8 + severity: user, daemon, auth, authpriv, local0, local7 at notice, info or debug.
        `<${pick([1, 3, 4, 10, 16, 23]) * 8 + pick([5, 6, 6, 6, 7])}>1 ${iso()} ${host()} ${pick(['app', 'billing', 'auth'])} ${r(65536)} ${pick(['ID47', 'req', '-'])} [meta seq="${r(1e6)}" region="${pick(['eu-west-1', 'us-east-2'])}"] request handled in ${ms()} ms`,
    ],
    [
      3,
      () =>
        `[${r(99999)}.${pad(r(1e6), 6)}] ${pick(['eth0', 'ens5', 'wlan0'])}: link up, ${pick([100, 1000, 10000])} Mbps, full duplex`,
    ],
    [
      22,
      () => {
        const d = t();
        return `${ip4()} - ${r(8) ? '-' : user()} [${pad(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${hms(d)} +0000] "${pick(['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'])} ${path()} HTTP/${pick(['1.1', '2.0'])}" ${pick([200, 200, 200, 201, 204, 301, 304, 404])} ${r(80000)} "${r(3) ? '-' : 'https://shop.example.com/'}" "${ua()}"${r(2) ? ` rt=${(r(3000) / 1000).toFixed(3)} uct="0.00${r(9)}"` : ''}`;
      },
    ],
    [
      3,
      () => {
        const d = t();
        return `[${DAY[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1e6), 6)} ${d.getUTCFullYear()}] [${pick(['core:notice', 'mpm_event:notice', 'ssl:info'])}] [pid ${r(65536)}:tid ${r(1e9)}] AH00${r(999)}: ${pick(['caught SIGWINCH, shutting down gracefully', 'Apache/2.4.58 (Unix) configured -- resuming normal operations', 'Command line: /usr/sbin/httpd -D FOREGROUND'])}`;
      },
    ],
    [
      12,
      () =>
        `${iso(t()).replace('T', ' ').replace('Z', '')}  INFO ${r(65536)} --- [${pick(['nio-8080-exec-', 'scheduling-', 'kafka-consumer-'])}${r(20)}] ${pkg()}.${cls()} : ${pick([`Created order ${r(1e7)} for ${user()}`, `Cache refreshed: ${r(5000)} entries in ${ms()} ms`, `Completed ${pick(['GET', 'POST'])} ${path()} in ${ms()}ms`])}`,
    ],
    [
      3,
      () =>
        `${iso(t()).replace('T', ' ').replace('Z', '')} DEBUG [${pick(['main', 'pool-1-thread-3', 'HikariPool-1 housekeeper'])}] ${pkg()}.${cls()} - ${pick(['Pool stats (total=10, active=2, idle=8, waiting=0)', `Fetched ${r(500)} rows`, 'Lease renewed'])}`,
    ],
    [
      9,
      () => {
        const d = t();
        return `${ymd(d)} ${hms(d)},${pad(r(1000), 3)} - ${pyMod()} - INFO - ${pick([`processed batch ${r(9999)} in ${(r(9000) / 1000).toFixed(2)}s`, `Task ${pick(['tasks.resize', 'tasks.email'])}[${uuid()}] succeeded in ${(r(900) / 100).toFixed(3)}s: None`, `user ${user()} logged in from ${city()}`])}`;
      },
    ],
    [
      5,
      () => {
        const d = t();
        return `${ymd(d, '/')} ${hms(d)} ${goFile()}:${r(400)}: ${pick([`listening on :${pick([8080, 9090, 443])}`, `flushed ${r(2000)} points to ${ip4()}:8086`, `reconciled ${r(90)} objects in ${ms()}ms`])}`;
      },
    ],
    [
      8,
      () =>
        `{"level":"info","ts":${(clock / 1000 + r(1000) / 1000).toFixed(3)},"caller":"${goFile()}:${r(300)}","msg":"${pick(['request served', 'lease acquired', 'config reloaded'])}","method":"${pick(['GET', 'POST'])}","path":"${path().replace(/"/g, '')}","status":${pick([200, 200, 204, 404])},"duration":${(r(9000) / 1e4).toFixed(4)},"trace_id":"${hex(32)}"}`,
    ],
    [
      8,
      () =>
        `{"level":30,"time":${clock + r(1000)},"pid":${r(65536)},"hostname":"${host()}","reqId":"req-${r(1e5).toString(36)}","req":{"method":"${pick(['GET', 'POST'])}","url":"${path().replace(/"/g, '')}","remoteAddress":"${ip4()}"},"res":{"statusCode":${pick([200, 201, 304])}},"responseTime":${(r(5000) / 10).toFixed(1)},"msg":"request completed"}`,
    ],
    [
      3,
      () =>
        `${pick(['info', 'dbug'])}: ${pick(['Microsoft.AspNetCore.Hosting.Diagnostics[1]', 'Microsoft.EntityFrameworkCore.Database.Command[20101]', 'Acme.Orders.Worker[0]'])}\n      ${pick([`Request starting HTTP/1.1 GET http://${host()}:5000${path()} - - -`, `Executed DbCommand (${r(90)}ms) [Parameters=[@__p_0='${r(100)}'], CommandType='Text', CommandTimeout='30']`, `Worker running at: ${iso()}`])}`,
    ],
    [
      4,
      () =>
        `[${iso(t(), 0)} INFO  ${rustMod()}] ${ip4()} "${pick(['GET', 'POST'])} ${path()} HTTP/1.1" ${pick([200, 200, 304])} ${r(9000)} "-" "${ua()}" ${(r(9000) / 1e4).toFixed(6)}`,
    ],
    [
      3,
      () =>
        `${iso(t(), 6)}  INFO request{method=${pick(['GET', 'POST'])} uri=${path()} version=HTTP/1.1}: tower_http::trace::on_response: finished processing request latency=${ms()} ms status=${pick([200, 200, 201])}`,
    ],
    [
      6,
      () =>
        `time=${iso(t(), 0)} level=${pick(['info', 'info', 'debug'])} msg="${pick(['cache refreshed', 'compaction done', 'peer joined'])}" component=${pick(['raft', 'store', 'gossip'])} duration=${ms()}ms keys=${r(99999)} node=${host()}`,
    ],
    [
      6,
      () => {
        const d = t();
        return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1e6), 6)} ${String(r(65536)).padStart(7, ' ')} ${pick(['controller.go', 'reflector.go', 'leaderelection.go', 'round_trippers.go'])}:${r(900)}] "${pick(['Syncing', 'Successfully acquired lease', 'Caches populated'])}" ${pick(['pod', 'node', 'lease'])}="${pick(['default', 'kube-system'])}/${host()}"`;
      },
    ],
    [
      5,
      () => {
        const d = t();
        return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1000), 3)} ${String(r(32768)).padStart(5, ' ')} ${String(r(32768)).padStart(5, ' ')} ${pick(['I', 'I', 'D', 'V'])} ${tag()}: ${pick([`Start proc ${r(32768)}:com.example.app/u0a${r(400)} for activity`, `Displayed com.example.app/.MainActivity: +${r(900)}ms`, `onResume ${uuid()}`, '应用已启动 ✓'])}`;
      },
    ],
    [
      3,
      () =>
        `${pick(['default', 'kube-system', 'shop'])}   ${r(59)}m   Normal   ${pick(['Scheduled', 'Pulled', 'Created', 'Started', 'ScalingReplicaSet'])}   ${pick(['pod', 'deployment'])}/${host()}-${hex(5)}   ${pick([`Successfully assigned default/web-${hex(5)} to node-${r(9)}`, 'Container image "registry.example.com/web:1.4.2" already present on machine', `Scaled up replica set web-${hex(9)} to ${r(9)}`])}`,
    ],
    [
      2,
      () =>
        `${iso()} ${pick(['ユーザー登録が完了しました', '用户登录成功', '주문이 접수되었습니다', 'Die Bestellung wurde verschickt', 'Commande expédiée à', 'Платёж принят'])} user=${user()} city=${city()} id=${uuid()}`,
    ],
  ];

  const fail = [
    [
      6,
      () =>
        `${iso(t()).replace('T', ' ').replace('Z', '')} ERROR ${r(65536)} --- [nio-8080-exec-${r(20)}] ${pkg()}.${cls()} : Request processing failed for order ${r(1e7)}`,
      'jvm',
    ],
    [
      4,
      () =>
        `${iso(t()).replace('T', ' ').replace('Z', '')}  WARN ${r(65536)} --- [scheduling-1] ${pkg()}.${cls()} : Retrying call to ${ip4()}:${r(65536)} (attempt ${r(5)})`,
      null,
    ],
    [
      4,
      () => {
        const d = t();
        return `${ymd(d)} ${hms(d)},${pad(r(1000), 3)} - ${pyMod()} - ERROR - Exception in worker loop for ${user()}`;
      },
      'py',
    ],
    [
      3,
      () => {
        const d = t();
        return `${ymd(d, '/')} ${hms(d)} [error] ${r(65536)}#${r(64)}: *${r(1e6)} connect() failed (111: Connection refused) while connecting to upstream, client: ${ip4()}, server: shop.example.com, request: "GET ${path()} HTTP/1.1", upstream: "http://${ip4()}:8080${path()}"`;
      },
      null,
    ],
    [
      3,
      () => {
        const d = t();
        return `E${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1e6), 6)} ${String(r(65536)).padStart(7, ' ')} reflector.go:${r(900)}] "Unhandled Error" err="failed to list *v1.Pod: ${pick(['context deadline exceeded', 'connection refused'])}"`;
      },
      null,
    ],
    [
      2,
      () => {
        const d = t();
        return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1000), 3)} ${String(r(32768)).padStart(5, ' ')} ${String(r(32768)).padStart(5, ' ')} E AndroidRuntime: FATAL EXCEPTION: main`;
      },
      'logcat',
    ],
    [
      3,
      () =>
        `{"level":"error","ts":${(clock / 1000).toFixed(3)},"caller":"${goFile()}:${r(300)}","msg":"request failed","error":"dial tcp ${ip4()}:5432: connect: connection refused","attempt":${r(5)}}`,
      null,
    ],
    [
      2,
      () =>
        `{"level":50,"time":${clock},"pid":${r(65536)},"hostname":"${host()}","err":{"type":"TypeError","message":"Cannot read properties of undefined (reading '${pick(['id', 'user', 'length'])}')"},"msg":"unhandled rejection"}`,
      'node',
    ],
    [
      2,
      () =>
        `${pick(['fail', 'crit'])}: Acme.Orders.Worker[0]\n      An unhandled exception has occurred while executing the request.`,
      'dotnet',
    ],
    [
      2,
      () => `time=${iso(t(), 0)} level=warn msg="slow disk" device=/dev/nvme${r(4)}n1 latency=${r(900)}ms`,
      null,
    ],
    [
      2,
      // The same RFC 5424 writer at error or warning: the level is only in the PRI.
      () =>
        `<${pick([1, 3, 16]) * 8 + pick([3, 4])}>1 ${iso()} ${host()} ${pick(['app', 'billing'])} ${r(65536)} req [meta seq="${r(1e6)}"] upstream ${ip4()}:${r(65536)} unreachable, request dropped after ${ms()} ms`,
      null,
    ],
    [1, () => `panic: runtime error: invalid memory address or nil pointer dereference`, 'go'],
    [
      1,
      () =>
        `thread '${pick(['main', 'tokio-runtime-worker'])}' panicked at src/${pick(['jobs.rs', 'main.rs', 'db/pool.rs'])}:${r(400)}:${r(80)}:`,
      'rust',
    ],
    [
      2,
      () =>
        `${bsd()} ${host()} kernel: [${r(99999)}.${pad(r(1e6), 6)}] Out of memory: Killed process ${r(65536)} (java) total-vm:${r(1e7)}kB — warning threshold crossed`,
      null,
    ],
  ];

  const stacks = {
    jvm: () => {
      const lines = [
        `${pick(['java.lang.IllegalStateException', 'org.springframework.dao.DataAccessResourceFailureException', 'java.util.NoSuchElementException'])}: ${pick(['pool exhausted', 'No value present', `Unable to acquire JDBC Connection for ${user()}`])}`,
      ];
      for (let k = 2 + r(12); k > 0; k--)
        lines.push(
          `\tat ${pkg()}.${cls()}.${pick(['handle', 'process', 'lambda$run$0', 'acquire'])}(${cls()}.java:${r(900)})`,
        );
      lines.push('\tat java.base/java.lang.Thread.run(Thread.java:1583)');
      if (r(2))
        lines.push(
          `Caused by: java.net.SocketTimeoutException: Read timed out`,
          `\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)`,
          `\t... ${r(40)} more`,
        );
      return lines;
    },
    py: () => {
      const lines = ['Traceback (most recent call last):'];
      for (let k = 1 + r(6); k > 0; k--)
        lines.push(
          `  File "/srv/app/${pick(['worker.py', 'api/views.py', 'db.py'])}", line ${r(500)}, in ${pick(['run', 'handle', 'fetch_one', '<module>'])}`,
          `    ${pick(['result = self.client.get(key)', 'return json.loads(body)', 'row = cursor.fetchone()[0]'])}`,
        );
      lines.push(
        pick([
          `KeyError: '${user()}'`,
          "TypeError: 'NoneType' object is not subscriptable",
          'json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)',
        ]),
      );
      return lines;
    },
    node: () => [
      `TypeError: Cannot read properties of undefined (reading 'id')`,
      ...Array.from(
        { length: 2 + r(8) },
        () =>
          `    at ${pick(['handler', 'Object.load', 'async Promise.all', 'Layer.handle'])} (/srv/app/${pick(['src/routes/orders.js', 'node_modules/express/lib/router/layer.js', 'dist/index.js'])}:${r(900)}:${r(80)})`,
      ),
    ],
    dotnet: () => [
      `System.InvalidOperationException: Sequence contains no elements`,
      ...Array.from(
        { length: 2 + r(8) },
        () =>
          `   at Acme.Orders.${cls()}.${pick(['HandleAsync', 'Process', 'MoveNext'])}() in /src/Acme.Orders/${cls()}.cs:line ${r(400)}`,
      ),
      '--- End of stack trace from previous location ---',
      `   at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.Invoke(HttpContext context)`,
    ],
    go: () => {
      const lines = [
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x' + hex(6) + ']',
        '',
        `goroutine ${r(900)} [running]:`,
      ];
      for (let k = 2 + r(6); k > 0; k--)
        lines.push(
          `main.(*${pick(['Server', 'Store', 'Agent'])}).${pick(['Serve', 'Get', 'loop'])}(0xc000${hex(6)})`,
          `\t/src/${goFile()}:${r(400)} +0x${hex(3)}`,
        );
      lines.push('created by main.main in goroutine 1', `\t/src/cmd/agent/main.go:${r(90)} +0x${hex(3)}`);
      return lines;
    },
    rust: () => {
      const lines = [
        pick([
          'called `Option::unwrap()` on a `None` value',
          'index out of bounds: the len is 3 but the index is 7',
        ]),
        'stack backtrace:',
      ];
      for (let k = 0; k < 3 + r(8); k++)
        lines.push(
          `  ${String(k).padStart(2, ' ')}: ${rustMod()}::${pick(['run', 'poll', 'call_once'])}`,
          `             at ./src/${pick(['jobs.rs', 'main.rs', 'db/pool.rs'])}:${r(400)}:${r(80)}`,
        );
      lines.push('note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.');
      return lines;
    },
    logcat: () => {
      const d = t();
      const head = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hms(d)}.${pad(r(1000), 3)} ${String(r(32768)).padStart(5, ' ')} ${String(r(32768)).padStart(5, ' ')} E AndroidRuntime: `;
      return [
        `${head}Process: com.example.app, PID: ${r(32768)}`,
        `${head}java.lang.NullPointerException: Attempt to invoke virtual method 'int java.lang.String.length()' on a null object reference`,
        ...Array.from(
          { length: 2 + r(6) },
          () =>
            `${head}\tat com.example.app.${pick(['MainActivity', 'SyncAdapter'])}.${pick(['onCreate', 'onPerformSync'])}(${pick(['MainActivity', 'SyncAdapter'])}.kt:${r(300)})`,
        ),
      ];
    },
  };

  const table = (list) => {
    const total = list.reduce((n, [w]) => n + w, 0);
    const flat = [];
    for (const e of list) for (let k = 0; k < e[0]; k++) flat.push(e);
    return { total, flat };
  };
  const ord = table(ordinary);
  const bad = table(fail);
  const long = () => {
    const items = [];
    for (let n = 200 + r(1500); n > 0; n--)
      items.push(
        `{"sku":"${hex(10)}","name":"${pick(['Kaffeebohnen', 'Thé vert', '抹茶', 'Café moído', 'Crème brûlée'])}","qty":${r(20)},"price":${(r(99999) / 100).toFixed(2)}}`,
      );
    return `{"level":"debug","ts":"${iso()}","msg":"cart snapshot","cart_id":"${uuid()}","items":[${items.join(',')}]}`;
  };

  return () => {
    const lines = [];
    let bytes = 0;
    while (bytes < 64 * 1024) {
      const roll = r(10000);
      let out;
      if (roll < 100) {
        const [, fn, kind] = bad.flat[r(bad.total)];
        out = [fn()];
        if (kind && r(4) === 0) out.push(...stacks[kind](), ...(kind === 'py' || kind === 'go' ? [] : ['']));
      } else if (roll === 100 && r(3) === 0) out = [long()];
      else out = [ord.flat[r(ord.total)][1]()];
      for (const l of out) {
        lines.push(l);
        bytes += l.length + 1;
      }
    }
    return `${lines.join('\n')}\n`;
  };
}

const ws = createWriteStream(out);
let written = 0;
let i = 0;
const next = realistic ? realisticChunks(seedArg) : null;
function pump() {
  while (next && written < size) {
    const chunk = next();
    written += Buffer.byteLength(chunk);
    if (!ws.write(chunk)) return ws.once('drain', pump);
  }
  while (!next && written < size) {
    const lines = [];
    for (let k = 0; k < 2000; k++, i++) {
      const r = rnd(5000);
      if (r === 0) lines.push(bad[1](i), ...stack);
      else if (r < 25) lines.push(bad[r % 2](i));
      else lines.push(info[r % info.length](i));
    }
    const chunk = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(chunk);
    if (!ws.write(chunk)) return ws.once('drain', pump);
  }
  ws.end();
}
pump();
