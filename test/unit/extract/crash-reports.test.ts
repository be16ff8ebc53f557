import { failureOfRecord } from '#lib/extract/event';
import { frameOf } from '#lib/extract/stack';
import { parseLine } from '#lib/records/index';
import { extract, fingerprint, inLog } from './helpers';

describe('crash reports without a level word', () => {
  it("reads glibc's heap check as an error record, with or without a core dump", () => {
    const a = failureOfRecord(parseLine('free(): double free detected in tcache 2'));
    expect(a?.type).toBe('E');
    expect(failureOfRecord(parseLine('malloc(): corrupted top size'))?.fingerprint).not.toBe(a?.fingerprint);
    const doc = extract(inLog('free(): double free detected in tcache 2', 'Aborted (core dumped)'));
    expect(doc.type).toBe('E');
    expect(fingerprint(inLog('free(): double free detected in tcache 2', 'Aborted'))).toBe(doc.fingerprint);
  });

  it("reads a C++ program's uncaught exception and its what() line, in a record and in a document", () => {
    const terminate = "terminate called after throwing an instance of 'std::runtime_error'";
    expect(failureOfRecord(parseLine(terminate))?.type).toBe('E');
    expect(failureOfRecord(parseLine('  what():  config: no listen address'))?.type).toBe('E');
    expect(failureOfRecord(parseLine('terminate called recursively'))?.type).toBe('E');
    const doc = extract(inLog(terminate, '  what():  config: no listen address', 'Aborted (core dumped)'));
    expect(doc.type).toBe('E');
    expect(doc.signature).toContain("instance of 'std::runtime_error'");
    expect(doc.signature).toContain('what(): config: no listen address');
    expect(fingerprint(inLog(terminate, '  what():  ledger: journal is read-only', 'Aborted'))).not.toBe(
      doc.fingerprint,
    );
  });

  it("reads glibc's failed assertion, the program's and the source's directories left out", () => {
    const line = (program: string, source: string) =>
      inLog(
        `${program}: ${source}:57: cart_total: Assertion \`items != NULL' failed.`,
        'Aborted (core dumped)',
      );
    const doc = extract(line('./shopd', 'src/cart.c'));
    expect(doc.type).toBe('E');
    expect(doc.signature).toContain("shopd: cart.c:<*>: cart_total: Assertion `items != NULL' failed.");
    expect(fingerprint(line('/opt/shop/bin/shopd', '/var/lib/ci/shop/src/cart.c'))).toBe(doc.fingerprint);
    expect(
      failureOfRecord(parseLine("shopd: cart.c:57: cart_total: Assertion `items != NULL' failed."))?.type,
    ).toBe('E');
    // Words about assertions are not glibc's report of one.
    expect(extract(inLog('test suite: 412 assertions passed')).type).toBeNull();
  });

  it("finds the shell's segfault report and a double free in a document, and tells them from an abort", () => {
    const segfault = extract(inLog('loading catalog', 'Segmentation fault (core dumped)'));
    expect(segfault.type).toBe('E');
    expect(fingerprint(inLog('loading catalog', 'Segmentation fault'))).toBe(segfault.fingerprint);
    expect(fingerprint(inLog('loading catalog', 'Aborted (core dumped)'))).not.toBe(segfault.fingerprint);
    const tcache = extract(inLog('free(): double free detected in tcache 2', 'Aborted (core dumped)'));
    expect(tcache.signature).toContain('double free detected in tcache');
    expect(fingerprint(inLog('double free or corruption (out)', 'Aborted (core dumped)'))).not.toBe(
      tcache.fingerprint,
    );
    // glibc's other checks and the other signals the shell reports, each its own failure.
    const others = [
      inLog('munmap_chunk(): invalid pointer', 'Aborted (core dumped)'),
      inLog('malloc(): corrupted top size', 'Aborted (core dumped)'),
      inLog('corrupted size vs. prev_size', 'Aborted (core dumped)'),
      inLog('*** stack smashing detected ***: terminated', 'Aborted (core dumped)'),
      inLog('loading catalog', 'Illegal instruction (core dumped)'),
    ].map((text) => extract(text));
    for (const doc of others) expect(doc.type).toBe('E');
    expect(new Set([tcache, segfault, ...others].map((doc) => doc.fingerprint)).size).toBe(7);
  });

  it("reads a shell's or a tool's refusal, its program named first, and not a sentence mentioning one", () => {
    const missing = extract(inLog('./deploy.sh: line 12: jq: command not found'));
    expect(missing.type).toBe('E');
    expect(fingerprint(inLog('./deploy.sh: line 40: jq: command not found'))).toBe(missing.fingerprint);
    expect(failureOfRecord(parseLine("cp: cannot stat 'a.yml': No such file or directory"))?.type).toBe('E');
    expect(extract(inLog('bash: ./run.sh: Permission denied')).type).toBe('E');
    expect(
      extract(inLog('2024-05-01 10:00:00 INFO config: /etc/x: No such file or directory')).type,
    ).toBeNull();
    expect(extract(inLog('the manual says: Permission denied')).type).toBeNull();
  });

  it("reads dash's refusal by script line, and not a lookup that found nothing", () => {
    const missing = extract(inLog('sh: 1: jq: not found'));
    expect(missing.type).toBe('E');
    expect(fingerprint(inLog('sh: 3: jq: not found'))).toBe(missing.fingerprint);
    expect(extract(inLog('/entrypoint.sh: 12: exec: gunicorn: not found')).type).toBe('E');
    expect(failureOfRecord(parseLine('sh: 1: yq: not found'))?.type).toBe('E');
    expect(extract(inLog('2024-05-01 10:00:00 INFO cache: 12: session: not found')).type).toBeNull();
    expect(extract(inLog('lookup of user 42: not found')).type).toBeNull();
  });

  it("reads bash's report of a child killed or aborted, alone or by script line, not a sentence", () => {
    expect(extract(inLog('Killed')).type).toBe('E');
    const killed = extract(inLog('./run.sh: line 5:  4411 Killed                  java -jar app.jar'));
    expect(killed.type).toBe('E');
    expect(fingerprint(inLog('./run.sh: line 9:  77 Killed                  java -jar app.jar'))).toBe(
      killed.fingerprint,
    );
    expect(fingerprint(inLog('./run.sh: line 5:  4411 Killed                  node server.js'))).not.toBe(
      killed.fingerprint,
    );
    expect(extract(inLog('bash: line 1:  4411 Aborted                 (core dumped) ./shopd')).type).toBe(
      'E',
    );
    expect(extract(inLog('the job was killed')).type).toBeNull();
    expect(
      extract(inLog('2024-05-01 10:00:00 INFO worker killed by the supervisor, as planned')).type,
    ).toBeNull();
  });

  it('does not take a sentence about an abort for one', () => {
    expect(extract(inLog('import run aborted by operator')).type).toBeNull();
  });

  it("keeps the program's name, not its directory, in glibc's older report", () => {
    expect(fingerprint("*** Error in `./shopd': double free or corruption (fasttop): 0x1c2b010 ***\n")).toBe(
      fingerprint(
        "*** Error in `/usr/local/bin/shopd': double free or corruption (fasttop): 0x27f3c20 ***\n",
      ),
    );
  });

  it('reads backtrace_symbols() lines as frames: symbol and module, no addresses', () => {
    expect(frameOf('./shopd(_ZN4Cart5totalEv+0x12)[0x400c12]')).toBe('bt _ZN4Cart5totalEv (shopd)');
    expect(frameOf('/lib/x86_64-linux-gnu/libc.so.6(+0x42520) [0x7f3a2b042520]')).toBe('bt (libc.so.#)');
    const a = extract(
      'Error: signal 11:\n./shopd(_ZN4Cart5totalEv+0x12)[0x400c12]\n./shopd(main+0x3e)[0x400d4e]\n',
    );
    expect(a.type).toBe('C');
  });

  it("reads an Apple crash report's crashed thread as its frames", () => {
    const report = (fn: string) =>
      [
        'Exception Type:  EXC_BAD_ACCESS (SIGSEGV)',
        'Triggered by Thread:  0',
        '',
        'Thread 0 Crashed:',
        `0   Shop                          0x0000000104a1c2f4 ${fn} + 120`,
        '1   Shop                          0x0000000104a1b111 CartViewController.viewDidLoad() + 64',
        '',
        'Thread 1:',
        '0   libsystem_kernel.dylib        0x00000001f1e2d3c4 __workq_kernreturn + 8',
        '',
      ].join('\n');
    const a = extract(report('Cart.total()'));
    expect(a.type).toBe('C');
    expect(a.signature).toContain('Shop Cart.total()');
    expect(a.signature).not.toContain('__workq_kernreturn');
    expect(fingerprint(report('Cart.discount()'))).not.toBe(a.fingerprint);
  });

  it("keeps an Erlang report's reason lines in its signature", () => {
    const report = (reason: string) =>
      inLog(
        '=ERROR REPORT==== 1-May-2024::10:03:00.123456 ===',
        '** Generic server shop_sessions terminating ',
        `** {${reason},[{shop_sessions,handle_call,3,[{file,"src/shop_sessions.erl"},{line,40}]}]}`,
      );
    expect(fingerprint(report('badarg'))).not.toBe(fingerprint(report('badarith')));
    expect(extract(report('badarg')).signature).toContain('** Generic server shop_sessions terminating');
  });
});
