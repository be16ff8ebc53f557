/**
 * Failures their systems print without a level word, each recognised by the
 * rule a reader of that system's logs knows it by.
 */
import { type CollectedEntry, extractBuffer } from '#lib/extract/index';
import { headlineOf } from '#lib/extract/title';
import { extract, inLog } from './helpers.ts';

function entriesOf(text: string): CollectedEntry[] {
  const entries: CollectedEntry[] = [];
  extractBuffer(Buffer.from(text), { onEntry: (entry) => entries.push(entry) });
  return entries;
}

describe('the Linux OOM killer', () => {
  const oom = (host: string, uptime: string, pid: number, name: string, rss: number): string =>
    [
      `May  1 03:12:40 ${host} kernel: [${uptime}] postgres invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0`,
      `May  1 03:12:40 ${host} kernel: [${uptime}] Out of memory: Killed process ${pid} (${name}) total-vm:${rss * 2}kB, anon-rss:${rss}kB, file-rss:0kB, shmem-rss:0kB, UID:999 pgtables:8120kB oom_score_adj:0`,
      `May  1 03:12:41 ${host} systemd[1]: Started Session 12 of user deploy.`,
      '',
    ].join('\n');

  it('takes `Out of memory: Killed process` as an error', () => {
    const x = extract(oom('db-primary-01', '86213.551092', 4321, 'postgres', 4012345));
    expect(x.type).toBe('E');
    expect(x.extract).toContain('Out of memory: Killed process 4321 (postgres)');
  });

  it('joins two kills of one program on other hosts, pids and sizes, keeps another program apart', () => {
    const a = extract(oom('db-primary-01', '86213.551092', 4321, 'postgres', 4012345));
    const b = extract(oom('reporting-db', '12.000817', 77, 'postgres', 1203));
    const c = extract(oom('db-primary-01', '86213.551092', 4321, 'java', 4012345));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('reads the wording of kernels before 5.0 and of a memory cgroup', () => {
    expect(
      extract('[ 512.000001] Out of memory: Kill process 912 (node) score 951 or sacrifice child\n').type,
    ).toBe('E');
    expect(
      extract('[ 512.000001] Memory cgroup out of memory: Killed process 912 (node) total-vm:100kB\n').type,
    ).toBe('E');
  });
});

describe("systemd's unit failure", () => {
  const failed = (host: string, unit: string, result: string): string =>
    [
      `May 01 10:00:00 ${host} systemd[1]: Starting ${unit} - Order queue consumer...`,
      `May 01 10:00:02 ${host} systemd[1]: ${unit}: Main process exited, code=exited, status=1/FAILURE`,
      `May 01 10:00:02 ${host} systemd[1]: ${unit}: Failed with result '${result}'.`,
      '',
    ].join('\n');

  it("takes `Failed with result '…'` as an error", () => {
    const x = extract(failed('app-3', 'orders-consumer.service', 'exit-code'));
    expect(x.type).toBe('E');
    expect(x.extract).toContain("orders-consumer.service: Failed with result 'exit-code'.");
  });

  it('joins one failure on two hosts, keeps another result or another unit apart', () => {
    const a = extract(failed('app-3', 'orders-consumer.service', 'exit-code'));
    const b = extract(failed('app-eu-west-12', 'orders-consumer.service', 'exit-code'));
    const c = extract(failed('app-3', 'orders-consumer.service', 'timeout'));
    const d = extract(failed('app-3', 'mailer.service', 'exit-code'));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(d.fingerprint).not.toBe(a.fingerprint);
  });
});

describe("systemd's other failure lines", () => {
  it('takes a main process that exited non-zero, was killed or dumped core as an error, each apart', () => {
    const exited = (host: string, status: string): string =>
      `May 01 10:00:02 ${host} systemd[1]: worker.service: Main process exited, code=${status}\n`;
    const a = extract(exited('app-3', 'exited, status=1/FAILURE'));
    const b = extract(exited('app-eu-west-12', 'exited, status=1/FAILURE'));
    const killed = extract(exited('app-3', 'killed, status=9/KILL'));
    const dumped = extract(exited('app-3', 'dumped, status=11/SEGV'));
    expect([a.type, killed.type, dumped.type]).toEqual(['E', 'E', 'E']);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(new Set([a.fingerprint, killed.fingerprint, dumped.fingerprint]).size).toBe(3);
    expect(extract(exited('app-3', 'exited, status=0/SUCCESS')).type).toBeNull();
  });

  it('takes `Failed to start` as an error, one unit apart from another', () => {
    const failed = (host: string, unit: string): string =>
      `May 01 10:00:02 ${host} systemd[1]: Failed to start ${unit} - Order queue consumer.\n`;
    const a = extract(failed('app-3', 'orders-consumer.service'));
    const b = extract(failed('app-eu-west-12', 'orders-consumer.service'));
    const c = extract(failed('app-3', 'mailer.service'));
    expect(a.type).toBe('E');
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});

describe("AWS Lambda's timeout", () => {
  it('takes `Task timed out after` as an error whatever the request id and duration', () => {
    const timeout = (at: string, id: string, seconds: string): string =>
      [
        `START RequestId: ${id} Version: $LATEST`,
        `${at} ${id} Task timed out after ${seconds} seconds`,
        `END RequestId: ${id}`,
        `REPORT RequestId: ${id}\tDuration: 30003.41 ms\tBilled Duration: 30000 ms\tMemory Size: 512 MB\tMax Memory Used: 141 MB`,
        '',
      ].join('\n');
    const a = extract(timeout('2024-05-01T10:01:00.000Z', '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f', '30.03'));
    const b = extract(timeout('2024-06-11T22:14:09.512Z', '0a9e8d7c-1b2a-4c3d-8e4f-aa55bb66cc77', '6.01'));
    expect(a.type).toBe('E');
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});

describe('.NET console loggers', () => {
  it("takes Serilog's ERR and FTL as errors and WRN as a warning, not INF", () => {
    expect(extract('[10:01:00 ERR] Query for report 8812 timed out after 30012 ms\n').type).toBe('E');
    expect(extract('[10:01:00 FTL] Host terminated unexpectedly\n').type).toBe('E');
    expect(extract('[10:01:00 WRN] Retrying request to billing in 2 s\n').type).toBe('W');
    expect(extract('[10:01:00 INF] Now listening on: http://[::]:8080\n').type).toBeNull();
  });

  it("reads Microsoft.Extensions.Logging's `fail: Category[id]` with the message on the next line", () => {
    const fail = (category: string, message: string): string =>
      [
        'info: Microsoft.Hosting.Lifetime[0]',
        '      Application started.',
        `fail: ${category}[0]`,
        `      ${message}`,
        'info: Microsoft.Hosting.Lifetime[0]',
        '      Application is shutting down...',
        '',
      ].join('\n');
    const a = extract(fail('Shop.Api.Billing.InvoiceJob', 'Job failed: upstream returned no data'));
    const b = extract(fail('Shop.Api.Catalog.ImportJob', 'Job failed: upstream returned no data'));
    const c = extract(fail('Shop.Api.Billing.InvoiceJob', 'Job failed: ledger is locked'));
    expect(a.type).toBe('E');
    expect(a.signature).toContain('upstream returned no data');
    expect(b.fingerprint).not.toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(extract('warn: Shop.Api.Cache[3]\n      Cache miss storm\n').type).toBe('W');
  });
});

describe('Android crash and not-responding reports without a logcat level', () => {
  it('takes `FATAL EXCEPTION` with its stack as a crash', () => {
    const x = extract(
      inLog(
        'FATAL EXCEPTION: main',
        'Process: com.example.shop, PID: 4321',
        'java.lang.IllegalStateException: cart not loaded',
        '\tat com.example.shop.CartActivity.onResume(CartActivity.java:88)',
      ),
    );
    expect(x.type).toBe('C');
  });

  it('takes `ANR in` as an error, one app apart from another', () => {
    const a = extract(inLog('ANR in com.example.shop (com.example.shop/.CartActivity)', 'PID: 4321'));
    const b = extract(inLog('ANR in com.example.shop (com.example.shop/.CartActivity)', 'PID: 880'));
    const c = extract(inLog('ANR in com.example.mail (com.example.mail/.InboxActivity)', 'PID: 4321'));
    expect(a.type).toBe('E');
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });
});

describe('a Rust panic whose message is on the line after `panicked at` (Rust >= 1.73)', () => {
  const panic = (thread: string, message: string): string =>
    [
      '   Compiling ledger v0.4.1 (/home/ci/ledger)',
      '    Finished `test` profile [unoptimized + debuginfo] target(s) in 3.21s',
      '     Running unittests src/lib.rs (target/debug/deps/ledger-3f9a1c0b2d4e5f60)',
      `thread '${thread}' panicked at src/balance.rs:57:9:`,
      message,
      'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      '',
    ].join('\n');

  it('joins the message into the failure entry', () => {
    const x = extract(panic('main', 'attempt to subtract with overflow'));
    expect(x.type).toBe('E');
    expect(x.signature).toContain('attempt to subtract with overflow');
    expect(x.extract).toContain('attempt to subtract with overflow');
    const entries = entriesOf(panic('main', 'attempt to subtract with overflow'));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.text).toContain('attempt to subtract with overflow');
  });

  it('keeps two different panics at one place apart, joins one panic with other numbers', () => {
    const a = extract(panic('main', 'index out of bounds: the len is 3 but the index is 7'));
    const b = extract(panic('main', 'index out of bounds: the len is 12 but the index is 40'));
    const c = extract(panic('main', 'called `Option::unwrap()` on a `None` value'));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('reads the backtrace after the message as its stack', () => {
    const x = extract(
      [
        "thread 'main' panicked at src/balance.rs:57:9:",
        'attempt to subtract with overflow',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: core::panicking::panic_fmt',
        '   2: ledger::balance::debit',
        '             at ./src/balance.rs:57:9',
        'note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.',
        '',
      ].join('\n'),
    );
    expect(x.type).toBe('C');
    expect(x.signature).toContain('attempt to subtract with overflow');
    expect(x.signature).toContain('rs ledger::balance::debit');
  });

  it('leaves the one-line panic of older Rust as it was', () => {
    const x = extract("thread 'main' panicked at 'attempt to subtract with overflow', src/balance.rs:57:9\n");
    expect(x.type).toBe('E');
    expect(entriesOf("thread 'main' panicked at 'boom', src/a.rs:1:1\nnext line\n")[0]?.text).toBe(
      "thread 'main' panicked at 'boom', src/a.rs:1:1",
    );
  });
});

describe("Go's standard log package", () => {
  const run = (...lines: string[]): string => `${lines.join('\n')}\n`;
  const started = '2026/12/01 10:00:00 shop-api listening on :8080';

  it('takes a line ending in an error of the operating system or the net package as an error', () => {
    for (const failure of [
      '2026/12/01 10:00:05 open /etc/shop/config.yaml: no such file or directory',
      '2026/12/01 10:00:05 ping orders db: dial tcp 10.0.3.7:5432: connect: connection refused',
      '2026/12/01 10:00:05 read tcp 10.0.3.7:40122->10.0.3.9:6379: i/o timeout',
      '2026/12/01 10:00:05 fetch rates: context deadline exceeded',
      '2026/12/01 10:00:05 write /var/spool/shop/out.csv: no space left on device',
      '2026/12/01 10:00:05 listen tcp :8080: bind: address already in use',
      '2026/12/01 10:00:05 migrate: exit status 1',
    ]) {
      const x = extract(run(started, failure));
      expect([failure, x.type]).toEqual([failure, 'E']);
      expect(x.extract).toBe(failure);
    }
  });

  it('reads it with the microseconds, a prefix and the file and line the flags add', () => {
    const x = extract(
      run(
        'shop: 2026/12/01 10:00:00.000123 main.go:20: listening on :8080',
        'shop: 2026/12/01 10:00:07.412001 db.go:41: ping db: dial tcp 10.0.3.7:5432: connect: connection refused',
      ),
    );
    expect(x.type).toBe('E');
    expect(headlineOf(x.signature).title).toBe(
      'shop: db.go:<*>: ping db: dial tcp <*>: connect: connection refused',
    );
    const long = extract(
      run(
        '2026/12/01 10:00:07 /src/shop/internal/db/db.go:41: ping db: dial tcp [::1]:5432: connect: connection refused',
      ),
    );
    expect(long.type).toBe('E');
    expect(headlineOf(long.signature).title).toBe(
      'db.go:<*>: ping db: dial tcp <*>: connect: connection refused',
    );
  });

  it('gives the message as the title, without the date and time', () => {
    const x = extract(
      run(started, '2026/12/01 10:00:05 open /etc/shop/config.yaml: no such file or directory'),
    );
    expect(headlineOf(x.signature).title).toBe('open /etc/shop/config.yaml: no such file or directory');
  });

  it('leaves a healthy run, a command that exited 0 and a message that only mentions an error text alone', () => {
    const x = extract(
      run(
        started,
        '2026/12/01 10:00:02 GET /healthz 200 1ms',
        '2026/12/01 10:00:03 sync job done: exit status 0',
        '2026/12/01 10:00:04 resolver: no such host entries cached (0 of 12)',
        '2026/12/01 10:00:05 [INFO] retrying payments: dial tcp 10.0.3.8:443: connect: connection refused',
      ),
    );
    expect(x.type).toBeNull();
  });

  it('joins one refused connection to other addresses and times, keeps another error or call apart', () => {
    const refused = (t: string, ip: string) =>
      extract(
        run(started, `2026/12/01 ${t} ping orders db: dial tcp ${ip}:5432: connect: connection refused`),
      );
    const a = refused('10:00:05', '10.0.3.7');
    expect(refused('23:41:09', '10.0.9.12').fingerprint).toBe(a.fingerprint);
    const timeout = extract(
      run(started, '2026/12/01 10:00:05 ping orders db: dial tcp 10.0.3.7:5432: i/o timeout'),
    );
    const other = extract(
      run(started, '2026/12/01 10:00:05 ping ledger db: dial tcp 10.0.3.7:5432: connect: connection refused'),
    );
    expect(timeout.fingerprint).not.toBe(a.fingerprint);
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });
});
