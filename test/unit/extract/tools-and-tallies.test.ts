/**
 * Lines that say `error` or `warning` only to say there is none, and the
 * failures of build and test tools read in a CI job's log: what each is taken
 * for, and what is not taken for one.
 */
import { extractBuffer } from '#lib/extract/index';
import { headlineOf } from '#lib/extract/title';
import { parseLine, severityFromText } from '#lib/records/line';
import { extract } from './helpers.ts';

describe('a word that says there is no error', () => {
  it.each([
    [
      "CoreDNS's log of a query answered NOERROR",
      '[INFO] 10.244.0.17:41234 - 5123 "A IN billing.shop.svc.cluster.local. udp 52 false 512" NOERROR qr,aa,rd 108 0.000211s',
    ],
    ['a build tally of none', 'Build succeeded.    0 Warning(s)    0 Error(s)'],
    ['a linter tally of none', 'lint: 0 errors, 0 warnings in 212 files'],
    ["Valgrind's banner", '==4411== Memcheck, a memory error detector'],
    ["Valgrind's summary of none", '==4411== ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 0 from 0)'],
    [
      "Perl's own warning",
      'Use of uninitialized value $code in concatenation (.) or string at lib/Shop/Cart.pm line 88.',
    ],
  ])('%s is not a failure', (_name, line) => {
    expect(extract(`starting worker\n${line}\nworker done\n`).type).toBeNull();
  });

  it('still takes a tally of some, a SERVFAIL beside an error word, and an error beside a NOERROR', () => {
    expect(extract('==4411== ERROR SUMMARY: 3 errors from 2 contexts (suppressed: 0 from 0)\n').type).toBe(
      'E',
    );
    expect(extract('lint: 2 errors, 0 warnings in 212 files\n').type).toBe('E');
    expect(
      extract('plugin/forward: NOERROR from upstream, then error: read udp 10.0.0.2:53: i/o timeout\n').type,
    ).toBe('E');
    expect(extract('Build succeeded.    3 Warning(s)    0 Error(s)\n').type).toBe('W');
  });

  it('reads a record with no level the same way', () => {
    expect(severityFromText('0 errors, 0 warnings')).toBe('unknown');
    expect(severityFromText('query NOERROR qr,aa,rd')).toBe('unknown');
    expect(severityFromText('2 errors, 0 warnings')).toBe('error');
    expect(parseLine('ts=2026-12-01T10:00:00Z msg="lint done: 0 errors"').severity).not.toBe('error');
  });
});

describe('PowerShell 7 ConciseView', () => {
  const block = (script: string, line: number, code: string, message: string[]): string =>
    [
      'Deploying shop to staging',
      `Get-Item: ${script}:${line}`,
      'Line |',
      `${String(line).padStart(4)} |  ${code}`,
      `     |  ${'~'.repeat(code.length)}`,
      ...message.map((m) => `     | ${m}`),
      'Deploy step finished',
      '',
    ].join('\n');

  it("takes the command's error with its message from the `Line |` block, not the script's line", () => {
    const x = extract(
      block('C:\\deploy\\deploy.ps1', 12, 'Get-Item -Path C:\\deploy\\shop\\config.json', [
        "Cannot find path 'C:\\deploy\\shop\\config.json' because it does not exist.",
      ]),
    );
    expect(x.type).toBe('E');
    expect(x.signature).toContain('Get-Item: deploy.ps1:');
    expect(x.signature).toContain('Cannot find path');
    expect(x.signature).not.toContain('~');
    expect(x.signature).not.toContain('-Path');
  });

  it('joins one error at another line and in another checkout, keeps another message apart', () => {
    const a = extract(
      block('C:\\deploy\\deploy.ps1', 12, 'Get-Item $cfg', [
        "Cannot find path 'C:\\x' because it does not exist.",
      ]),
    );
    const b = extract(
      block('D:\\a\\shop\\shop\\deploy.ps1', 19, 'Get-Item $cfg', [
        "Cannot find path 'C:\\x' because it does not exist.",
      ]),
    );
    const c = extract(
      block('C:\\deploy\\deploy.ps1', 12, 'Get-Item $cfg', ["Access to the path 'C:\\x' is denied."]),
    );
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
  });

  it('reads a message wrapped over several `|` lines into one entry', () => {
    const entries: string[] = [];
    extractBuffer(
      Buffer.from(
        block('C:\\deploy\\deploy.ps1', 8, 'kubectl apply -f app.yaml', [
          "The term 'kubectl' is not recognized as a name of a cmdlet, function, script file,",
          'or executable program. Check the spelling of the name.',
        ]),
      ),
      { onEntry: (entry) => entries.push(entry.signature) },
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain("'kubectl' is not recognized");
    expect(entries[0]).toContain('or executable program');
  });
});

describe('build and test tools without a level word', () => {
  it.each([
    ['go test', '--- FAIL: TestCartTotal (0.02s)'],
    ['a go subtest', '    --- FAIL: TestCartTotal/with_discount (0.00s)'],
    ['the Go compiler', './internal/cart/cart.go:41:9: undefined: applyDiscount'],
    ['pytest', 'FAILED tests/test_cart.py::test_total - assert 90 == 95'],
    ['jest', '  ● Cart › applies the discount'],
    ['Gradle', 'CartServiceTest > appliesDiscount() FAILED'],
    ['the linker', "cart.c:(.text+0x2f): undefined reference to `apply_discount'"],
  ])('takes %s as an error', (_name, line) => {
    expect(extract(`running\n${line}\ndone\n`).type).toBe('E');
  });

  it("reads a runner's timestamp and a BuildKit step's prefix before the tool's line", () => {
    expect(extract('2026-12-01T10:00:00.1234567Z --- FAIL: TestCartTotal (0.02s)\n').type).toBe('E');
    expect(extract('#12 4.512 ./cmd/api/main.go:12:2: undefined: loadConfig\n').type).toBe('E');
    expect(extract('2026-12-01T10:00:00.1234567Z sh: 1: jq: not found\n').type).toBe('E');
  });

  it('keeps a test that passed, a passing summary and prose about failing tests out', () => {
    for (const line of [
      '--- PASS: TestCartTotal (0.02s)',
      'PASSED tests/test_cart.py::test_total',
      '  ✓ Cart › applies the discount (3 ms)',
      'CartServiceTest > appliesDiscount() PASSED',
      'note: the undefined reference checker ran on 12 files',
    ])
      expect(extract(`${line}\n`).type).toBeNull();
  });

  it("keeps the exit code that ends a sentence: a runner's 1 and 137 are two failures", () => {
    const a = extract('##[error]Process completed with exit code 1.\n');
    const b = extract('##[error]Process completed with exit code 137.\n');
    expect(a.signature).toContain('exit code 1.');
    expect(b.fingerprint).not.toBe(a.fingerprint);
  });

  it("keeps the package a version belongs to, not the version (npm's `pkg@1.2.3` is no e-mail)", () => {
    const a = extract("npm error 404  '@shop/ui-kit@^2.1.0' is not in this registry.\n");
    const b = extract("npm error 404  '@shop/ui-kit@^2.2.0' is not in this registry.\n");
    const c = extract("npm error 404  '@shop/pricing@^2.1.0' is not in this registry.\n");
    expect(a.signature).toContain('@shop/ui-kit@<version>');
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(c.fingerprint).not.toBe(a.fingerprint);
    expect(extract('ERROR mail to ops@example.com bounced\n').signature).toContain('<email>');
  });
});

describe("Ansible's ignored failures", () => {
  const play = (...task: string[]) =>
    [
      'TASK [app : Check the old service] ********************************************',
      ...task,
      '',
      'TASK [app : Deploy] ***********************************************************',
      'changed: [web1]',
      '',
      'PLAY RECAP *********************************************************************',
      'web1                       : ok=4    changed=2    unreachable=0    failed=0    skipped=0    rescued=0    ignored=1',
      '',
    ].join('\n');
  const fatal =
    'fatal: [web1]: FAILED! => {"changed": true, "msg": "non-zero return code", "rc": 3, "stderr": "error: unit not found"}';

  it('takes a task the play went on past (`...ignoring`) as no failure, and leaves it out of the extract', () => {
    const x = extract(play(fatal, '...ignoring'));
    expect(x.type).toBeNull();
    expect(x.extract).toBe('');
    expect(
      extract(play('fatal: [web1]: UNREACHABLE! => {"changed": false, "unreachable": true}', '...ignoring'))
        .type,
    ).toBeNull();
  });

  it('still takes the same failure without `...ignoring`, and a failure after an ignored one', () => {
    expect(extract(play(fatal)).type).toBe('E');
    const later = extract(
      play(
        fatal,
        '...ignoring',
        '',
        'TASK [app : Migrate] ***',
        'fatal: [web1]: FAILED! => {"msg": "migration 0042 failed", "rc": 1}',
      ),
    );
    expect(later.type).toBe('E');
    expect(later.extract).toBe('fatal: [web1]: FAILED! => {"msg": "migration 0042 failed", "rc": 1}');
  });

  it('sends no event for an ignored task in a stream', () => {
    const entries: string[] = [];
    extractBuffer(Buffer.from(play(fatal, '...ignoring')), { onEntry: (e) => entries.push(e.signature) });
    expect(entries).toEqual([]);
  });
});

describe("RSpec's failed examples", () => {
  const run = (spec: string, example: string, line: number, seed: number) =>
    [
      `Randomized with seed ${seed}`,
      '..F.',
      '',
      'Failures:',
      '',
      `  1) ${example}`,
      '     Failure/Error: expect(cart.total).to eq(90)',
      '',
      '       expected: 90',
      '            got: 100',
      '',
      `     # ./spec/models/${spec}:${line + 2}:in \`block (3 levels) in <top (required)>'`,
      '',
      'Finished in 0.04 seconds (files took 0.9 seconds to load)',
      '4 examples, 1 failure',
      '',
      'Failed examples:',
      '',
      `rspec ./spec/models/${spec}:${line} # ${example}`,
      '',
    ].join('\n');

  it('tells two examples failing on one assertion apart by the example, joins one example in two runs', () => {
    const a = extract(run('cart_spec.rb', 'Cart#total applies the discount', 12, 41122));
    expect(a.type).toBe('E');
    expect(a.signature).toContain('# Cart#total applies the discount');
    expect(extract(run('cart_spec.rb', 'Cart#total applies the discount', 15, 907)).fingerprint).toBe(
      a.fingerprint,
    );
    expect(
      extract(run('invoice_spec.rb', 'Invoice#total applies the discount', 12, 41122)).fingerprint,
    ).not.toBe(a.fingerprint);
  });

  it('reads an example named by its id, as RSpec names one of a shared group', () => {
    const x = extract(
      "Failures:\n\n4 examples, 1 failure\n\nFailed examples:\n\nrspec './spec/models/cart_spec.rb[1:2:1]' # Cart#total applies the discount\n",
    );
    expect(x.type).toBe('E');
    expect(x.signature).toContain('# Cart#total applies the discount');
  });
});

describe("jest's failed test", () => {
  const failed = (test: string, line: number) =>
    [
      'FAIL src/cart.test.js',
      `  ● Cart › ${test}`,
      '',
      '    expect(received).toBe(expected) // Object.is equality',
      '',
      '    Expected: 90',
      '    Received: 100',
      '',
      `      ${line - 1} |     const cart = new Cart();`,
      `    > ${line} |     expect(cart.total).toBe(90);`,
      '         |                        ^',
      '',
      `      at Object.<anonymous> (src/cart.test.js:${line}:24)`,
      '',
      'Test Suites: 1 failed, 1 total',
      '',
    ].join('\n');

  it('reads the frames under its values and code: a stack, the test file its culprit', () => {
    const x = extract(failed('applies the discount', 14));
    expect(x.type).toBe('C');
    expect(headlineOf(x.signature)).toEqual({
      title: '● Cart › applies the discount expect(received).toBe(expected) // Object.is equality',
      culprit: 'Object.<anonymous> (cart.test.js)',
    });
    expect(extract(failed('applies the discount', 19)).fingerprint).toBe(x.fingerprint);
    expect(extract(failed('rounds the total', 14)).fingerprint).not.toBe(x.fingerprint);
  });
});

describe("mocha's failures", () => {
  const failure = (n: number, suite: string, test: string, error: string[], line: number) => [
    `  ${n}) ${suite}`,
    `       ${test}:`,
    '',
    ...error.map((l) => (l === '' ? '' : `      ${l}`)),
    '',
    `      at Context.<anonymous> (test/${suite.toLowerCase()}.test.js:${line}:12)`,
    '      at process.processImmediate (node:internal/timers:478:21)',
    '',
  ];
  const strict = [
    'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
    '',
    '90 !== 100',
    '',
  ];
  const run = (ms: number, ...failures: string[][]) =>
    [
      '',
      '  Cart',
      '    ✔ adds an item',
      '    ✔ returns an error for an unknown item',
      '    1) applies the discount',
      '',
      `  2 passing (${ms}ms)`,
      `  ${failures.length} failing`,
      '',
      ...failures.flat(),
      '',
    ].join('\n');

  it('reads each failure under its number: the test, its error and its frames; a passing run has none', () => {
    const x = extract(run(12, failure(1, 'Cart', 'applies the discount', strict, 14)));
    expect(x.type).toBe('C');
    expect(headlineOf(x.signature)).toEqual({
      title:
        'Cart applies the discount: AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      culprit: 'Context.<anonymous> (cart.test.js)',
    });
    expect(
      extract(
        '\n  Cart\n    ✔ adds an item\n    ✔ returns an error for an unknown item\n\n  2 passing (9ms)\n\n',
      ).type,
    ).toBeNull();
  });

  it('tells two tests failing on one assertion apart, joins one test failing in two runs', () => {
    const a = extract(run(12, failure(1, 'Cart', 'applies the discount', strict, 14)));
    expect(extract(run(31, failure(1, 'Cart', 'applies the discount', strict, 17))).fingerprint).toBe(
      a.fingerprint,
    );
    expect(extract(run(12, failure(1, 'Cart', 'rounds the total', strict, 14))).fingerprint).not.toBe(
      a.fingerprint,
    );
  });

  it('reads two failures of one run, nested suites and a timeout', () => {
    const x = extract(
      run(12, failure(1, 'Cart', 'applies the discount', ['AssertionError: expected 100 to equal 90'], 14), [
        '  2) Checkout',
        '       #pay',
        '         charges the card:',
        '     Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure "done()" is called; if returning a Promise, ensure it resolves. (/app/test/checkout.test.js)',
        '      at listOnTimeout (node:internal/timers:573:17)',
        '',
      ]),
    );
    const heads = x.signature.split('\n').filter((l) => !l.startsWith('  '));
    expect(heads).toEqual([
      'Cart applies the discount: AssertionError: expected <*> to equal <*>',
      expect.stringContaining('Checkout #pay charges the card: Error: Timeout of <duration> exceeded.'),
    ]);
  });
});

describe('build failures whose message is a block under their head', () => {
  const gradle = (reason: string[]) =>
    [
      '> Task :app:compileJava FAILED',
      '',
      'FAILURE: Build failed with an exception.',
      '',
      '* What went wrong:',
      ...reason,
      '',
      '* Try:',
      '> Run with --stacktrace option to get the stack trace.',
      '',
      'BUILD FAILED in 4s',
      '',
    ].join('\n');

  it("reads Gradle's `* What went wrong:` into its failure, not its `* Try:` advice", () => {
    const a = extract(
      gradle(["Execution failed for task ':app:compileJava'.", '> Could not find com.shop:cart:1.4.0.']),
    );
    expect(a.signature).toContain("Execution failed for task ':app:compileJava'.");
    expect(a.signature).toContain('Could not find com.shop:cart:');
    expect(a.signature).not.toContain('stacktrace');
    const b = extract(
      gradle(["Execution failed for task ':app:compileJava'.", '> Could not find com.shop:tax:1.4.0.']),
    );
    const c = extract(
      gradle(["Execution failed for task ':app:compileJava'.", '> Could not find com.shop:cart:1.5.2.']),
    );
    expect(b.fingerprint).not.toBe(a.fingerprint);
    expect(c.fingerprint).toBe(a.fingerprint);
  });

  it('reads the same failure with and without the banner above it (a log that starts below it)', () => {
    const reason = [
      "Execution failed for task ':app:test'.",
      '> There were failing tests. See the report at: file:///tmp/r.html',
    ];
    const whole = extract(gradle(reason));
    const cut = extract(
      ['* What went wrong:', ...reason, '', '* Try:', '> Run with --scan to get full insights.', ''].join(
        '\n',
      ),
    );
    expect(cut.type).toBe('E');
    expect(cut.fingerprint).toBe(whole.fingerprint);
    expect(whole.signature).not.toContain('Build failed with an exception');
  });

  it('reads each failure of a build that went on after one, between the lines of `=` Gradle draws', () => {
    const separator = '='.repeat(78);
    const failure = (n: number, task: string, why: string) => [
      `${n}: Task failed with an exception.`,
      '-----------',
      '* What went wrong:',
      `Execution failed for task '${task}'.`,
      `> ${why}`,
      '',
      '* Try:',
      '> Run with --stacktrace option to get the stack trace.',
      '> Run with --scan to get full insights.',
      separator,
      '',
    ];
    const run = (...failures: string[][]) =>
      extract(
        [
          '> Task :app:test FAILED',
          '',
          'FAILURE: Build completed with 2 failures.',
          '',
          ...failures.flat(),
          'BUILD FAILED in 41s',
          '',
        ].join('\n'),
      );
    const x = run(
      failure(1, ':app:test', 'There were failing tests.'),
      failure(2, ':app:lint', 'Lint found errors.'),
    );
    expect(x.type).toBe('E');
    expect(x.signature.split('\n').sort()).toEqual([
      "Execution failed for task ':app:lint'. Lint found errors.",
      "Execution failed for task ':app:test'. There were failing tests.",
    ]);
    const other = run(
      failure(1, ':app:test', 'There were failing tests.'),
      failure(2, ':app:compileJava', 'Compilation failed.'),
    );
    expect(other.fingerprint).not.toBe(x.fingerprint);
  });

  it("reads CMake's indented message under `CMake Error at …:`", () => {
    const cmake = (what: string) =>
      `-- Detecting C compiler ABI info - done\nCMake Error at CMakeLists.txt:9 (find_package):\n  ${what}\n\n-- Configuring incomplete, errors occurred!\n`;
    const a = extract(cmake('Could NOT find CURL (missing: CURL_LIBRARY)'));
    expect(a.signature).toContain('Could NOT find CURL');
    expect(extract(cmake('Could NOT find PNG (missing: PNG_LIBRARY)')).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('what platforms and servers print, read as a reader of them does', () => {
  it('leaves terminal colours out: a coloured line and a plain one are one failure', () => {
    const plain = extract(
      '[Nest] 77  - 12/03/2026, 9:41:12 PM   ERROR [ExceptionsHandler] Cannot read properties of undefined\n',
    );
    const coloured = extract(
      '\x1b[31m[Nest] 4411  - \x1b[39m12/01/2026, 10:00:05 AM \x1b[31m  ERROR\x1b[39m \x1b[33m[ExceptionsHandler] \x1b[39m\x1b[31mCannot read properties of undefined\x1b[39m\n',
    );
    expect(coloured.signature).not.toContain('\x1b');
    expect(coloured.fingerprint).toBe(plain.fingerprint);
    expect(parseLine('\x1b[33mWARN\x1b[0m disk almost full').message).not.toContain('\x1b');
  });

  it('masks an IPv6 address as one value, as an IPv4 one', () => {
    const v4 = extract('ERROR query from 10.0.0.17:55012 refused: table missing\n');
    const v6 = extract('ERROR query from [::ffff:192.168.1.40]:41000 refused: table missing\n');
    expect(v6.fingerprint).toBe(v4.fingerprint);
    expect(extract('ERROR std::out_of_range in Cache::add\n').signature).toContain('Cache::add');
  });

  it('masks an id with a prefix, keeps a product error code', () => {
    expect(fingerprintOf('ERROR no stock for SKU-8812')).toBe(fingerprintOf('ERROR no stock for SKU-17'));
    expect(fingerprintOf('ERROR ORA-12514: listener refused')).not.toBe(
      fingerprintOf('ERROR ORA-12541: listener refused'),
    );
  });

  it("keeps Heroku's router status and its R codes, Lambda's timeout, uWSGI's killed worker", () => {
    const router = (status: number) =>
      `2026-12-01T10:00:00Z app[router]: at=error code=H12 desc="Request timeout" method=GET path="/cart" dyno=web.1 connect=0ms service=30000ms status=${status} bytes=0\n`;
    expect(extract(router(503)).signature).toContain('status=503');
    expect(fingerprintOf('heroku[web.1]: Error R14 (Memory quota exceeded)')).not.toBe(
      fingerprintOf('heroku[web.1]: Error R10 (Memory quota exceeded)'),
    );
    const report = (id: string, ms: string) =>
      `REPORT RequestId: ${id}\tDuration: ${ms} ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: 120 MB\tStatus: timeout\n`;
    expect(extract(report('3f1c2a7e-1111-2222-3333-444455556666', '3000.00')).type).toBe('E');
    expect(fingerprintOf(report('9a9a2a7e-1111-2222-3333-444455556666', '3000.01'))).toBe(
      fingerprintOf(report('3f1c2a7e-1111-2222-3333-444455556666', '3000.00')),
    );
    expect(extract('DAMN ! worker 3 (pid: 4411) died, killed by signal 9 :( trying respawn ...\n').type).toBe(
      'E',
    );
    expect(extract('!!! uWSGI process 4411 got Segmentation Fault !!!\n').type).toBe('E');
  });
});

describe('database and queue clients', () => {
  it("reads sqlcmd's `Msg N, Level N` error with its message on the next line", () => {
    const msg = (code: number, server: string, text: string) =>
      `Changed database context to 'shop'.\nMsg ${code}, Level 14, State 1, Server ${server}, Line 7\n${text}\n`;
    const a = extract(msg(2627, 'DB01', "Violation of PRIMARY KEY constraint 'PK_Cart'."));
    expect(a.type).toBe('E');
    expect(a.signature).toContain(
      "Msg 2627, Level <*>, State <*>, Server <*>, Line <*> Violation of PRIMARY KEY constraint 'PK_Cart'.",
    );
    expect(
      extract(msg(2627, 'DB-REPLICA', "Violation of PRIMARY KEY constraint 'PK_Cart'.")).fingerprint,
    ).toBe(a.fingerprint);
    expect(
      extract(msg(547, 'DB01', 'The INSERT statement conflicted with the FOREIGN KEY constraint.'))
        .fingerprint,
    ).not.toBe(a.fingerprint);
    expect(extract('Msg 0, Level 0, State 1, Server DB01, Line 1\n').type).toBeNull();
  });

  it("reads librdkafka's level 0-3 lines as errors, not its debug and info ones", () => {
    const line = (level: number, text: string) =>
      `%${level}|1764583200.123|FAIL|rdkafka#consumer-2| [thrd:b1:9092/1]: ${text}`;
    const a = extract(
      `${line(7, 'b1:9092/1: connecting')}\n${line(3, 'b1:9092/1: Connect to ipv4#10.0.0.4:9092 failed: Connection refused (after 1ms in state CONNECT)')}\n`,
    );
    expect(a.type).toBe('E');
    const b = extract(
      `${line(7, 'b1:9092/1: connecting')}\n${line(3, 'b1:9092/1: Connect to ipv4#10.0.0.9:9092 failed: Connection refused (after 3ms in state CONNECT, 2 identical error(s) suppressed)')}\n`,
    );
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(
      extract(`${line(7, 'b1:9092/1: connecting')}\n${line(6, 'b1:9092/1: connected')}\n`).type,
    ).toBeNull();
  });
});

function fingerprintOf(line: string): string | null {
  return extract(`${line}\n`).fingerprint;
}
