import { log, type PairFormat } from './model.ts';

function asan(pid: string, home: string, kind: string, fn: string, addr: string): string {
  return log(
    '=================================================================',
    `==${pid}==ERROR: AddressSanitizer: ${kind} on address ${addr} at pc 0x55d0c3a1b2c4 bp 0x7ffd1c2e3f40 sp 0x7ffd1c2e3f38`,
    `READ of size 4 at ${addr} thread T0`,
    `    #0 0x55d0c3a1b2c3 in ${fn} ${home}/src/cart.cc:57:12`,
    `    #1 0x55d0c3a1a111 in main ${home}/src/main.cc:18:3`,
    '    #2 0x7f3a2b1c0d8f in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16',
    '',
    `${addr} is located 0 bytes inside of 4-byte region [${addr},0x602000000014)`,
    'freed by thread T0 here:',
    `    #0 0x55d0c3a0f0a2 in operator delete(void*) (${home}/build/shop+0xcf0a2)`,
    `    #1 0x55d0c3a1b111 in Cart::clear() ${home}/src/cart.cc:30:5`,
    '',
    `SUMMARY: AddressSanitizer: ${kind} ${home}/src/cart.cc:57:12 in ${fn}`,
    `==${pid}==ABORTING`,
  );
}

export const native: PairFormat = {
  format: 'C / C++',
  pairs: [
    {
      name: 'AddressSanitizer report, other pid, addresses and checkout',
      kind: 'same',
      a: asan('4411', '/home/alice/shop', 'heap-use-after-free', 'Cart::total()', '0x602000000010'),
      b: asan('77', '/home/bob/work/shop', 'heap-use-after-free', 'Cart::total()', '0x6020000000f0'),
    },
    {
      name: 'AddressSanitizer: use-after-free vs buffer overflow at one frame',
      kind: 'different',
      a: asan('4411', '/src', 'heap-use-after-free', 'Cart::total()', '0x602000000010'),
      b: asan('4411', '/src', 'heap-buffer-overflow', 'Cart::total()', '0x602000000010'),
    },
    {
      name: 'AddressSanitizer: one kind in two functions',
      kind: 'different',
      a: asan('4411', '/src', 'heap-use-after-free', 'Cart::total()', '0x602000000010'),
      b: asan('4411', '/src', 'heap-use-after-free', 'Cart::count()', '0x602000000010'),
    },
    {
      name: 'glibc double free, with and without a core dump',
      kind: 'same',
      a: log('free(): double free detected in tcache 2', 'Aborted (core dumped)'),
      b: log('free(): double free detected in tcache 2', 'Aborted'),
    },
    {
      name: 'glibc: double free vs corrupted top size',
      kind: 'different',
      a: log('free(): double free detected in tcache 2', 'Aborted (core dumped)'),
      b: log('malloc(): corrupted top size', 'Aborted (core dumped)'),
    },
    {
      name: 'C++ uncaught exception, other pids around it',
      kind: 'same',
      a: log(
        'shopd 4411 listening on :8080',
        "terminate called after throwing an instance of 'std::runtime_error'",
        '  what():  config: no listen address',
        'Aborted (core dumped)',
      ),
      b: log(
        'shopd 77 listening on :9090',
        "terminate called after throwing an instance of 'std::runtime_error'",
        '  what():  config: no listen address',
        'Aborted',
      ),
    },
    {
      name: 'C++ uncaught exception: one type, two messages',
      kind: 'different',
      a: log(
        "terminate called after throwing an instance of 'std::runtime_error'",
        '  what():  config: no listen address',
        'Aborted (core dumped)',
      ),
      b: log(
        "terminate called after throwing an instance of 'std::runtime_error'",
        '  what():  ledger: journal is read-only',
        'Aborted (core dumped)',
      ),
    },
    {
      name: 'C++ uncaught exception vs glibc heap check, both aborted',
      kind: 'different',
      a: log(
        "terminate called after throwing an instance of 'std::bad_alloc'",
        '  what():  std::bad_alloc',
        'Aborted',
      ),
      b: log('munmap_chunk(): invalid pointer', 'Aborted'),
    },
    {
      name: 'failed assertion, run from another path and built elsewhere',
      kind: 'same',
      a: log(
        "./shopd: src/cart.c:57: cart_total: Assertion `items != NULL' failed.",
        'Aborted (core dumped)',
      ),
      b: log(
        "/opt/shop/bin/shopd: /var/lib/ci/work/shop/src/cart.c:57: cart_total: Assertion `items != NULL' failed.",
        'Aborted',
      ),
    },
    {
      name: 'failed assertions in two functions',
      kind: 'different',
      a: log("shopd: src/cart.c:57: cart_total: Assertion `items != NULL' failed.", 'Aborted'),
      b: log("shopd: src/cart.c:91: cart_add: Assertion `qty > 0' failed.", 'Aborted'),
    },
    {
      name: 'the shell reports a segfault, with and without a core',
      kind: 'same',
      a: log('loading catalog from /srv/catalog-1', 'Segmentation fault (core dumped)'),
      b: log('loading catalog from /srv/catalog-2', 'Segmentation fault'),
    },
    {
      name: 'C++ out-of-range with other indexes',
      kind: 'same',
      a: log(
        "terminate called after throwing an instance of 'std::out_of_range'",
        '  what():  vector::_M_range_check: __n (which is 5) >= this->size() (which is 3)',
        'Aborted (core dumped)',
      ),
      b: log(
        "terminate called after throwing an instance of 'std::out_of_range'",
        '  what():  vector::_M_range_check: __n (which is 12) >= this->size() (which is 7)',
        'Aborted (core dumped)',
      ),
    },
    {
      name: 'the shell reports a segfault vs an abort',
      kind: 'different',
      a: log('loading catalog', 'Segmentation fault (core dumped)'),
      b: log('loading catalog', 'Aborted (core dumped)'),
    },
    {
      name: 'older glibc corruption report, other pointer',
      kind: 'same',
      a: log("*** Error in `./shopd': double free or corruption (fasttop): 0x0000000001c2b010 ***"),
      b: log(
        "*** Error in `/usr/local/bin/shopd': double free or corruption (fasttop): 0x00000000027f3c20 ***",
      ),
    },
    {
      name: 'kernel segfault line, other pid and ASLR addresses',
      kind: 'same',
      a: log(
        'May  1 10:00:00 app-1 kernel: [81234.567890] shopd[4411]: segfault at 18 ip 000055d0c3a1b2c3 sp 00007ffd1c2e3f40 error 4 in shopd[55d0c3a00000+1b000]',
      ),
      b: log(
        'May  2 11:00:00 app-2 kernel: [12.000001] shopd[77]: segfault at 18 ip 0000562f0b41c2c3 sp 00007ffc9a0e1a10 error 4 in shopd[562f0b401000+1b000]',
      ),
    },
    {
      name: 'gdb backtrace after SIGSEGV, other addresses and arguments',
      kind: 'same',
      a: log(
        'Program received signal SIGSEGV, Segmentation fault.',
        '0x000055555555513d in Cart::total (this=0x0) at cart.cc:57',
        '57\t  return items_->size();',
        '(gdb) bt',
        '#0  0x000055555555513d in Cart::total (this=0x0) at cart.cc:57',
        '#1  0x0000555555555180 in main (argc=1, argv=0x7fffffffe0a8) at main.cc:18',
      ),
      b: log(
        'Program received signal SIGSEGV, Segmentation fault.',
        '0x00005555555551a1 in Cart::total (this=0x0) at cart.cc:59',
        '59\t  return items_->size();',
        '(gdb) bt',
        '#0  0x00005555555551a1 in Cart::total (this=0x0) at cart.cc:59',
        '#1  0x00005555555551e0 in main (argc=3, argv=0x7fffffffe118) at main.cc:18',
      ),
    },
    {
      name: 'gdb backtrace: SIGSEGV in two functions',
      kind: 'different',
      a: log(
        'Program received signal SIGSEGV, Segmentation fault.',
        '(gdb) bt',
        '#0  0x000055555555513d in Cart::total (this=0x0) at cart.cc:57',
        '#1  0x0000555555555180 in main (argc=1, argv=0x7fffffffe0a8) at main.cc:18',
      ),
      b: log(
        'Program received signal SIGSEGV, Segmentation fault.',
        '(gdb) bt',
        '#0  0x000055555555513d in Cart::count (this=0x0) at cart.cc:70',
        '#1  0x0000555555555180 in main (argc=1, argv=0x7fffffffe0a8) at main.cc:18',
      ),
    },
    {
      name: 'backtrace_symbols from a crash handler, other addresses',
      kind: 'same',
      a: log(
        'Error: signal 11:',
        './shopd(_Z13crash_handleri+0x1c)[0x400b2c]',
        '/lib/x86_64-linux-gnu/libc.so.6(+0x42520)[0x7f3a2b042520]',
        './shopd(_ZN4Cart5totalEv+0x12)[0x400c12]',
        './shopd(main+0x3e)[0x400d4e]',
      ),
      b: log(
        'Error: signal 11:',
        './shopd(_Z13crash_handleri+0x1c)[0x401b2c]',
        '/lib/x86_64-linux-gnu/libc.so.6(+0x3bfd0)[0x7fe01c43bfd0]',
        './shopd(_ZN4Cart5totalEv+0x12)[0x401c12]',
        './shopd(main+0x3e)[0x401d4e]',
      ),
    },
    {
      name: 'backtrace_symbols: one signal in two functions',
      kind: 'different',
      a: log('Error: signal 11:', './shopd(_ZN4Cart5totalEv+0x12)[0x400c12]', './shopd(main+0x3e)[0x400d4e]'),
      b: log('Error: signal 11:', './shopd(_ZN4Cart5countEv+0x12)[0x400c12]', './shopd(main+0x3e)[0x400d4e]'),
    },
    {
      name: 'kernel segfault: read (error 4) vs write (error 6) fault',
      kind: 'different',
      a: log(
        'May  1 10:00:00 app-1 kernel: [81234.567890] shopd[4411]: segfault at 18 ip 000055d0c3a1b2c3 sp 00007ffd1c2e3f40 error 4 in shopd[55d0c3a00000+1b000]',
      ),
      b: log(
        'May  1 10:00:00 app-1 kernel: [81234.567890] shopd[4411]: segfault at 18 ip 000055d0c3a1b2c3 sp 00007ffd1c2e3f40 error 6 in shopd[55d0c3a00000+1b000]',
      ),
    },
    {
      name: 'kernel segfault in two programs',
      kind: 'different',
      a: log(
        'May  1 10:00:00 app-1 kernel: [81234.567890] shopd[4411]: segfault at 18 ip 000055d0c3a1b2c3 sp 00007ffd1c2e3f40 error 4 in shopd[55d0c3a00000+1b000]',
      ),
      b: log(
        'May  1 10:00:00 app-1 kernel: [81234.567890] stockd[4411]: segfault at 18 ip 000055d0c3a1b2c3 sp 00007ffd1c2e3f40 error 4 in stockd[55d0c3a00000+1b000]',
      ),
    },
  ],
};
