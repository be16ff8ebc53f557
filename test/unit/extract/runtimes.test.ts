import { headlineOf } from '#lib/extract/title';
import { extract, fingerprint, inLog } from './helpers';

/** A Go 1.17+ panic: struct and interface arguments print as {…}, unknown ones as 0x0?. */
const goPanic = (addr: string, otherGoroutine: string) =>
  inLog(
    'panic: runtime error: invalid memory address or nil pointer dereference',
    `[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x${addr}]`,
    '',
    'goroutine 1 [running]:',
    `main.(*Server).handle(0xc000${addr}, {0x5c1a20, 0x0?})`,
    '\t/home/bob/go/src/app/server.go:42 +0x2c',
    'main.main()',
    '\t/home/bob/go/src/app/main.go:12 +0x25',
    '',
    `goroutine 7 [${otherGoroutine}]:`,
    `net/http.(*conn).${otherGoroutine === 'select' ? 'serve' : 'readLoop'}(0xc0001)`,
    '\t/usr/local/go/src/net/http/server.go:2200 +0x1',
    'exit status 2',
  );

const sanitizer = (pid: number, libcOffset: string) =>
  inLog(
    `==${pid}==ERROR: AddressSanitizer: heap-use-after-free on address 0x6020000000${pid % 10}0`,
    `READ of size 4 at 0x6020000000${pid % 10}0 thread T0`,
    '    #0 0x4c3a2b in main /home/bob/src/test.c:10:5',
    `    #1 0x7f12 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x${libcOffset})`,
    '',
  );

const rust = (frame: string) =>
  inLog(
    "thread 'main' panicked at src/main.rs:2:5:",
    'called `Option::unwrap()` on a `None` value',
    'stack backtrace:',
    '   0: rust_begin_unwind',
    '             at /rustc/90b35a623/library/std/src/panicking.rs:645:5',
    `   1: app::${frame}`,
    '             at ./src/main.rs:2:5',
  );

describe('stacks of more runtimes', () => {
  it('reads Go 1.17+ frame arguments and groups panics across addresses', () => {
    const x = extract(goPanic('4a8b2c', 'select'));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('go main.(*Server).handle');
    expect(x.fingerprint).toBe(fingerprint(goPanic('4a9f00', 'select')));
  });

  it('ignores the frames of goroutines other than the one that panicked', () => {
    const x = extract(goPanic('4a8b2c', 'select'));
    expect(x.signature).not.toContain('net/http');
    expect(x.fingerprint).toBe(fingerprint(goPanic('4a8b2c', 'IO wait')));
  });

  it('reads the module and offset sanitizers print for frames without source', () => {
    const x = extract(sanitizer(12345, '21bf6'));
    expect(x.type).toBe('C');
    expect(x.signature.split('\n')).toContain('  #__libc_start_main libc.so.#');
    expect(x.fingerprint).toBe(fingerprint(sanitizer(777, '2409b')));
  });

  it('reads frames after a bare "stack backtrace:" title and keeps other frames apart', () => {
    const x = extract(rust('run'));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('rs app::run');
    expect(x.fingerprint).not.toBe(fingerprint(rust('load')));
  });

  it('does not make a crash of a stack title with no frames after it', () => {
    expect(extract('Stack trace:\nnothing to see\n').type).toBeNull();
  });

  it('reads Elixir frames: module, function and arity, not the line or the app version', () => {
    const elixir = (version: string, line: number, fn: string) =>
      inLog(
        '08:01:03.456 [error] GenServer MyApp.Worker terminating',
        '** (ArithmeticError) bad argument in arithmetic expression',
        `    (my_app ${version}) lib/my_app/worker.ex:${line}: MyApp.Worker.${fn}/3`,
        '    (stdlib 5.0) gen_server.erl:1113: :gen_server.try_handle_call/4',
        `Last message (from #PID<0.${line}.0>): {:divide, ${line}, 0}`,
      );
    const x = extract(elixir('0.1.0', 23, 'handle_call'));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('ex my_app MyApp.Worker.handle_call/# (worker.ex)');
    expect(x.fingerprint).toBe(fingerprint(elixir('0.2.0', 31, 'handle_call')));
    expect(x.fingerprint).not.toBe(fingerprint(elixir('0.1.0', 23, 'handle_cast')));
  });

  it('reads Apple crash report frames without their addresses and offsets', () => {
    const crash = (base: string, fn: string) =>
      inLog(
        'Fatal error: Unexpectedly found nil while unwrapping an Optional value: file App/Cart.swift, line 88',
        'Thread 0 Crashed:',
        `0   App                           0x0000000${base}a1c2f4 ${fn} + 120`,
        `1   App                           0x0000000${base}a1b000 CartView.body.getter + 64`,
        `2   SwiftUI                       0x00000001a2b3c4d5 0x1a2000000 + 1234`,
      );
    const x = extract(crash('104', 'Cart.total()'));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('  App Cart.total()');
    expect(x.fingerprint).toBe(fingerprint(crash('100', 'Cart.total()')));
    expect(x.fingerprint).not.toBe(fingerprint(crash('104', 'Cart.subtotal()')));
  });

  it('reads Firefox and Safari JavaScript frames, whatever the bundle hash and position', () => {
    const browser = (hash: string, fn: string, line: number) =>
      inLog(
        'TypeError: cart.items is undefined',
        `${fn}@https://shop.example.com/static/app.${hash}.js:${line}:17`,
        `onClick@https://shop.example.com/static/app.${hash}.js:88:5`,
        `@https://shop.example.com/static/app.${hash}.js:12:1`,
      );
    const x = extract(browser('3f9a1c', 'renderCart', 1204));
    expect(x.type).toBe('C');
    expect(x.signature).toContain('js renderCart (app.#.js)');
    expect(x.fingerprint).toBe(fingerprint(browser('9b2d4e71', 'renderCart', 1300)));
    expect(x.fingerprint).not.toBe(fingerprint(browser('3f9a1c', 'renderOrders', 1204)));
  });

  /** Each stack twice with other values (line numbers, ids, home paths), and once with another frame. */
  const more: Array<[string, (line: number, fn: string) => string, string, string]> = [
    [
      'Lua',
      (line, fn) =>
        inLog(
          `lua: app/cart.lua:${line}: attempt to index a nil value (field 'items')`,
          'stack traceback:',
          '\t[C]: in ?',
          `\tapp/cart.lua:${line}: in function '${fn}'`,
          '\tapp/main.lua:12: in main chunk',
        ),
      "lua function 'cart.total' (cart.lua)",
      'cart.total',
    ],
    [
      'Haskell',
      (line, fn) =>
        inLog(
          'app: Prelude.head: empty list',
          'CallStack (from HasCallStack):',
          '  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List',
          `  ${fn}, called at src/Cart.hs:${line}:9 in app-0.1-${line}abc:Cart`,
        ),
      'hs head (Cart.hs)',
      'head',
    ],
    [
      'Julia',
      (line, fn) =>
        inLog(
          `ERROR: LoadError: BoundsError: attempt to access 3-element Vector{Int64} at index [${line}]`,
          'Stacktrace:',
          ' [1] getindex',
          '   @ ./essentials.jl:13 [inlined]',
          ` [2] ${fn}(cart::Vector{Int64})`,
          `   @ Main /home/u${line}/app/cart.jl:${line}`,
        ),
      'jl total(cart::Vector{Int#})',
      'total',
    ],
    [
      'OCaml',
      (line, fn) =>
        inLog(
          'Fatal error: exception Not_found',
          'Raised at Stdlib__Map.Make.find in file "map.ml", line 137, characters 10-25',
          `Called from Dune__exe__Main.${fn} in file "bin/main.ml", line ${line}, characters 2-30`,
        ),
      'ml Dune__exe__Main.lookup (main.ml)',
      'lookup',
    ],
  ];

  it.each(more)(
    'reads %s stacks as frames: a crash, grouped across values, apart for another frame',
    (_name, log, frame, fn) => {
      const x = extract(log(17, fn));
      expect(x.type).toBe('C');
      expect(x.signature).toContain(frame);
      expect(x.fingerprint).toBe(fingerprint(log(42, fn)));
      expect(x.fingerprint).not.toBe(fingerprint(log(17, `${fn}2`)));
    },
  );
});

describe("Rails' backtrace, a FATAL record a frame", () => {
  const request = (id: string, pid: number, line: number) =>
    [
      `I, [2026-12-03T18:40:51.110000 #${pid}]  INFO -- : [${id}] Started POST "/orders" for 10.0.0.7 at 2026-12-03 18:40:51 +0000`,
      `I, [2026-12-03T18:40:51.119000 #${pid}]  INFO -- : [${id}] Completed 500 Internal Server Error in 9ms (ActiveRecord: 1.2ms)`,
      `F, [2026-12-03T18:40:51.120311 #${pid}] FATAL -- : [${id}]   `,
      `F, [2026-12-03T18:40:51.120400 #${pid}] FATAL -- : [${id}] NoMethodError (undefined method \`total' for nil):`,
      `F, [2026-12-03T18:40:51.120411 #${pid}] FATAL -- : [${id}]   `,
      `F, [2026-12-03T18:40:51.120420 #${pid}] FATAL -- : [${id}] app/models/cart.rb:${line}:in \`total'`,
      `F, [2026-12-03T18:40:51.120431 #${pid}] FATAL -- : [${id}] app/controllers/orders_controller.rb:8:in \`create'`,
      `I, [2026-12-03T18:40:52.000000 #${pid}]  INFO -- : [${id}x] Started GET "/health" for 10.0.0.9 at 2026-12-03 18:40:52 +0000`,
      '',
    ].join('\n');

  it('reads the frames under the exception as its stack: a crash, the first frame its culprit', () => {
    const x = extract(request('9f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', 4411, 12));
    expect(x.type).toBe('C');
    const headline = headlineOf(x.signature);
    expect(headline.culprit).toBe('from cart.rb in total');
    expect(headline.title).toBe("NoMethodError (undefined method `total' for nil):");
    expect(extract(request('0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', 98, 14)).fingerprint).toBe(x.fingerprint);
  });

  it("reads Ruby 3.4's quotes, and a frame of a template", () => {
    const x = extract(
      [
        "F, [2026-12-03T18:40:51.120400 #7] FATAL -- : [a1] ActionView::Template::Error (undefined local variable or method 'totl'):",
        "F, [2026-12-03T18:40:51.120420 #7] FATAL -- : [a1] app/views/orders/show.html.erb:4:in 'block in _app_views_orders_show_html_erb'",
        "F, [2026-12-03T18:40:51.120431 #7] FATAL -- : [a1] app/controllers/orders_controller.rb:12:in 'OrdersController#show'",
        '',
      ].join('\n'),
    );
    expect(x.type).toBe('C');
    expect(x.signature).toContain('show.html.erb');
  });
});
