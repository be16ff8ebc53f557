import { frameOf } from '#lib/extract/stack';
import { extract, fingerprint, inLog } from './helpers';

const python = (user: string, id: string, fn = 'connect', word = 'refused') =>
  inLog(
    `2024-05-01 10:00:01,002 ERROR [worker-${id.length}] job ${id} failed`,
    'Traceback (most recent call last):',
    `  File "/home/${user}/app/jobs/run.py", line ${40 + id.length}, in run`,
    '    result = self.sync(item)',
    `  File "/home/${user}/app/db/pool.py", line 118, in ${fn}`,
    '    sock.connect(addr)',
    `ConnectionError: connection ${word} by 10.0.${id.length}.7:5432`,
  );

const jvm = (thread: string, frames: string[], type = 'java.lang.IllegalStateException') =>
  inLog(
    `Exception in thread "${thread}" ${type}: pool 0x7f3a${thread.length} exhausted`,
    ...frames,
    '\tat java.base/java.lang.Thread.run(Thread.java:833)',
  );
const FRAMES = [
  '\tat org.example.db.Pool.acquire(Pool.java:118)',
  '\tat org.example.web.Handler.handle(Handler.java:52)',
];

describe('call stacks', () => {
  it('groups Python tracebacks that differ in user, ids, line numbers and address', () => {
    const a = extract(python('bob', '4711'));
    expect(a.type).toBe('C');
    expect(a.fingerprint).toBe(fingerprint(python('alice', '99')));
  });

  it('keeps Python tracebacks apart when the innermost frame or a meaningful word differs', () => {
    const base = fingerprint(python('bob', '1'));
    expect(fingerprint(python('bob', '1', 'reconnect'))).not.toBe(base);
    expect(fingerprint(python('bob', '1', 'connect', 'reset'))).not.toBe(base);
  });

  it('reads chained Python exceptions as one log with both tracebacks', () => {
    const chained = inLog(
      'Traceback (most recent call last):',
      '  File "/srv/a.py", line 3, in load',
      'KeyError: 7',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "/srv/b.py", line 9, in main',
      'RuntimeError: ledger 12 not found',
    );
    const x = extract(chained);
    expect(x.type).toBe('C');
    expect(x.signature).toContain('py a.py load');
    expect(x.signature).toContain('py b.py main');
    expect(x.signature).toContain('RuntimeError: ledger <*> not found');
  });

  it('groups JVM exceptions by type and frames, not thread name or line numbers', () => {
    const a = jvm('pool-1-thread-3', FRAMES);
    const b = jvm(
      'http-nio-8080-exec-12',
      FRAMES.map((f) => f.replace(/:\d+\)/, ':999)')),
    );
    expect(extract(a).type).toBe('C');
    expect(fingerprint(a)).toBe(fingerprint(b));
  });

  it('keeps JVM exceptions apart for another type or other frames', () => {
    const base = fingerprint(jvm('main', FRAMES));
    expect(fingerprint(jvm('main', FRAMES, 'java.io.IOException'))).not.toBe(base);
    expect(
      fingerprint(jvm('main', [FRAMES[0] as string, '\tat org.example.web.Admin.handle(Admin.java:52)'])),
    ).not.toBe(base);
  });

  it('follows Caused by chains and ... N more elisions', () => {
    const x = extract(
      inLog(
        'java.lang.RuntimeException: wrapper',
        '\tat a.B.c(B.java:1)',
        'Caused by: java.net.ConnectException: Connection refused',
        '\tat a.D.e(D.java:2)',
        '\t... 12 more',
      ),
    );
    expect(x.type).toBe('C');
    expect(x.signature).toContain('Caused by: java.net.ConnectException: Connection refused');
    expect(x.signature).toContain('at a.D.e (D.java)');
  });

  it('groups Node.js errors across checkout paths and columns', () => {
    const node = (home: string, col: number) =>
      inLog(
        'TypeError: Cannot read properties of undefined (reading "id")',
        `    at Packet.merge (/home/${home}/svc/src/packet.js:1390:${col})`,
        `    at async Lease.handle (/home/${home}/svc/src/lease.js:14:${col})`,
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      );
    expect(extract(node('bob', 1)).type).toBe('C');
    expect(fingerprint(node('bob', 1))).toBe(fingerprint(node('ci-runner', 51)));
  });

  it('reads a Go panic with its goroutine dump, blank lines included', () => {
    const go = (addr: string) =>
      inLog(
        'panic: runtime error: index out of range [5] with length 3',
        '',
        'goroutine 1 [running]:',
        `main.(*Server).handle(0x${addr}, 0x1)`,
        '\t/home/bob/src/app/server.go:42 +0x1d',
        'main.main()',
        '\t/home/bob/src/app/main.go:12 +0x25',
        'exit status 2',
      );
    const x = extract(go('c000010000'));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('go main.(*Server).handle');
    expect(x.fingerprint).toBe(fingerprint(go('c000abcdef')));
  });

  it("reads a Go stack as runtime.CallersFrames names its functions (zap's), after a log line", () => {
    const stack = (home: string, line: number) =>
      inLog(
        '2026-12-03 08:00:01 ERROR ledger sync failed: unexpected EOF',
        'github.com/acme/ledger/sync.(*Puller).Pull',
        `\t/home/${home}/ledger/sync/pull.go:${line}`,
        'github.com/acme/ledger/sync.Run.func1',
        `\t/home/${home}/ledger/sync/run.go:30`,
        'main.main',
        `\t/home/${home}/ledger/main.go:20`,
      );
    const x = extract(stack('bob', 88));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('go github.com/acme/ledger/sync.(*Puller).Pull');
    expect(x.fingerprint).toBe(fingerprint(stack('ci', 91)));
    expect(frameOf('main.(*Syncer).run')).toBe('go main.(*Syncer).run');
    // Not a Go function: a JVM exception's class, a dotted word, a host.
    for (const line of ['java.lang.NullPointerException', 'app.started', 'ledger.example.test'])
      expect([line, frameOf(line)]).toEqual([line, null]);
  });

  it('reads .NET frames with "in File.cs:line N"', () => {
    const dotnet = (line: number) =>
      inLog(
        'System.InvalidOperationException: Sequence contains no elements',
        `   at Shop.Orders.Checkout(Order o) in C:\\src\\Shop\\Orders.cs:line ${line}`,
        '   at Shop.Program.Main(String[] args) in C:\\src\\Shop\\Program.cs:line 9',
      );
    expect(extract(dotnet(42)).type).toBe('C');
    expect(fingerprint(dotnet(42))).toBe(fingerprint(dotnet(57)));
  });

  it('reads sanitizer reports and gdb backtraces, ignoring addresses', () => {
    const asan = (pc: string) =>
      inLog(
        `==${pc.length}==ERROR: AddressSanitizer: heap-use-after-free on address 0x${pc} at pc 0x${pc}`,
        `    #0 0x${pc} in lookup /src/cache.c:12:3`,
        `    #1 0x${pc} in main /src/main.c:40:9`,
      );
    expect(extract(asan('602000000010')).type).toBe('C');
    expect(fingerprint(asan('602000000010'))).toBe(fingerprint(asan('6030000000a0')));
    const gdb = inLog(
      '#0  0x00007ffff7a42428 in __GI_raise (sig=sig@entry=6) at ../sysdeps/unix/sysv/linux/raise.c:54',
      '#1  0x00007ffff7a4402a in abort () from /lib/x86_64-linux-gnu/libc.so.6',
    );
    const g = extract(gdb);
    expect(g.type).toBe('C');
    expect(g.signature).toContain('#__GI_raise raise.c');
  });

  it('normalises frames of each runtime to function and file', () => {
    expect(frameOf('  File "/srv/app/db.py", line 12, in connect')).toBe('py db.py connect');
    expect(frameOf('\tat com.acme.Db.open(Db.java:77)')).toBe('at com.acme.Db.open (Db.java)');
    expect(frameOf('    at /app/x.js:1:2')).toBe('at x.js');
    expect(frameOf('    0xe091f3add201991c Core.dll!Net::Conn::Open() [Net/Conn.cpp:57]')).toBe(
      'Core.dll!Net::Conn::Open() (Conn.cpp)',
    );
    expect(frameOf('  Renderer!Gfx::Draw + 0x09f  (draw.cpp:261)')).toBe('Renderer!Gfx::Draw (draw.cpp)');
    expect(frameOf("\tfrom /app/x.rb:12:in `bar'")).toBe('from x.rb in bar');
    expect(frameOf('2024-05-01 10:00:00 INFO nothing to see')).toBeNull();
  });

  it('types a log with a stack C even when no line says error', () => {
    const x = extract(
      inLog('Traceback (most recent call last):', '  File "/a.py", line 1, in f', 'KeyError: 3'),
    );
    expect(x.type).toBe('C');
  });

  it('groups Rust backtraces of two builds (symbol hashes differ), keeps another function apart', () => {
    const rust = (hash: string, fn = 'parse_header') =>
      inLog(
        "thread 'main' panicked at src/ingest.rs:40:9:",
        'called `Result::unwrap()` on an `Err` value: UnexpectedEof',
        'stack backtrace:',
        `   0: relay::ingest::${fn}::h${hash}`,
        `   1: relay::ingest::run::{{closure}}::h${hash.split('').reverse().join('')}`,
        '   2: std::rt::lang_start_internal::h0f0e0d0c0b0a0908',
      );
    const a = extract(rust('3f9a1c2b4d5e6f70'));
    expect(a.type).toBe('C');
    expect(a.signature).toContain('rs relay::ingest::run::{{closure}}');
    expect(a.fingerprint).toBe(fingerprint(rust('9e8d7c6b5a493827')));
    expect(fingerprint(rust('3f9a1c2b4d5e6f70', 'parse_body'))).not.toBe(a.fingerprint);
  });

  it('groups JVM stacks through proxy classes of two runs, keeps another proxied method apart', () => {
    const proxied = (id: string, method = 'save') =>
      jvm('main', [
        `\tat com.example.shop.CartService$$EnhancerBySpringCGLIB$$${id}.${method}(<generated>)`,
        ...FRAMES,
      ]);
    expect(fingerprint(proxied('8f3c2a1b'))).toBe(fingerprint(proxied('1d2e3f4a')));
    expect(fingerprint(proxied('8f3c2a1b', 'delete'))).not.toBe(fingerprint(proxied('8f3c2a1b')));
  });
});
