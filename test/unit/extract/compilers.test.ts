import { maskLine } from '#lib/extract/mask';
import { extract } from './helpers';

const text = (...lines: string[]) => `${lines.join('\n')}\n`;
const titleOf = (log: string) => extract(log).headline?.title;

describe("compilers' diagnostics in a build log", () => {
  it("go build's diagnostics are failures without a level word, a Go program's log lines are not", () => {
    const failed = extract(
      text(
        '# example.org/tally/summing',
        'summing/sum.go:12:5: declared and not used: carry',
        'FAIL\texample.org/tally/summing [build failed]',
      ),
    );
    expect(failed.type).toBe('E');
    expect(failed.headline?.title).toBe('summing/sum.go:<*>: declared and not used: carry');
    const passed = extract(
      text(
        '# example.org/tally/cmd',
        '2026/12/01 10:00:00 main.go:40: listening on :8080',
        'ok  \texample.org/tally/summing\t0.012s',
      ),
    );
    expect(passed.type).toBeNull();
  });

  it("javac's symbol and location lines are part of its diagnostic", () => {
    const of = (symbol: string) =>
      extract(
        text(
          'src/Tally.java:8: error: cannot find symbol',
          '        return sums.add(x);',
          '                   ^',
          `  symbol:   ${symbol}`,
          '  location: variable sums of type Sums',
          '1 error',
        ),
      );
    expect(of('method add(int)').signature).toContain('symbol: method add(int) location: variable sums');
    expect(of('method add(int)').fingerprint).not.toBe(of('method plus(int)').fingerprint);
    expect(of('method add(int)').headline?.title).toBe(
      'cannot find symbol symbol: method add(int) location: variable sums of type Sums',
    );
  });

  it("a title is not a tally or a build tool's last word when a line says what failed", () => {
    const rust = extract(
      text(
        'error[E0308]: mismatched types',
        ' --> src/sum.rs:3:5',
        'For more information about this error, try `rustc --explain E0308`.',
        'error: could not compile `tally` (lib) due to 1 previous error',
      ),
    );
    expect(rust.headline?.title).toBe('error[E0308]: mismatched types');
    const make = extract(
      text(
        'sum.c:3:10: fatal error: tally.h: No such file or directory',
        'compilation terminated.',
        'make: *** [Makefile:4: sum.o] Error 1',
      ),
    );
    expect(make.headline?.title).toBe('tally.h: No such file or directory');
    const msbuild = extract(text('Sum.cs(3,5): error CS1002: ; expected', '    1 Error(s)'));
    expect(msbuild.headline?.title).toBe('Sum.cs(<*>): error CS1002: ; expected');
    // With nothing else, the tally is still the title.
    expect(titleOf(text('Build FAILED.', '    2 Error(s)'))).toBe('<*> Error(s)');
  });

  it("gcc's diagnostic reads the same in a UTF-8 locale's quotes and the C locale's", () => {
    const c = extract(text("sum.c:3:10: error: 'carry' undeclared (first use in this function)"));
    const utf8 = extract(
      text('sum.c:3:10: error: \u2018carry\u2019 undeclared (first use in this function)'),
    );
    expect(utf8.fingerprint).toBe(c.fingerprint);
    expect(
      extract(text('sum.c:3:10: error: \u2018borrow\u2019 undeclared (first use in this function)'))
        .fingerprint,
    ).not.toBe(c.fingerprint);
  });

  it("Windows runners' checkouts are masked like Linux ones", () => {
    const line = (root: string) => maskLine(`${root}\\src\\Sum.cs(3,5): error CS1002: ; expected`);
    expect(line('D:\\a\\tally\\tally')).toBe('<checkout>\\src\\Sum.cs(<*>): error CS1002: ; expected');
    expect(line('C:\\agent\\_work\\12\\s')).toBe(line('D:\\a\\tally\\tally'));
    expect(line('C:\\actions-runner\\_work\\tally\\tally')).toBe(line('D:\\a\\tally\\tally'));
    expect(line('C:\\ProgramData\\Jenkins\\.jenkins\\workspace\\tally-main')).toBe(
      line('D:\\a\\tally\\tally'),
    );
    expect(maskLine('cannot open /var/jenkins_home/workspace/tally-main/sum.c')).toBe(
      'cannot open <checkout>/sum.c',
    );
  });

  it("the Kotlin compiler's errors under Gradle keep the file's name, not where it lay", () => {
    const of = (root: string, message: string) =>
      extract(
        text('> Task :app:compileKotlin FAILED', `e: file://${root}/src/main/kotlin/Sum.kt:3:9 ${message}`),
      );
    const a = of('/home/runner/work/tally/tally', 'Unresolved reference: plus');
    expect(a.type).toBe('E');
    expect(a.signature).toBe('e: Sum.kt: Unresolved reference: plus');
    expect(of('/Users/sam/tally', 'Unresolved reference: plus').fingerprint).toBe(a.fingerprint);
    expect(of('/home/runner/work/tally/tally', 'Unresolved reference: minus').fingerprint).not.toBe(
      a.fingerprint,
    );
  });

  it('a recovered Go panic in a test keeps the frames past the runtime and testing ones', () => {
    const panic = (frame: string, file: string) =>
      extract(
        text(
          '--- FAIL: TestDrain (0.00s)',
          'panic: runtime error: invalid memory address or nil pointer dereference [recovered]',
          '\tpanic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x4f2a1c]',
          '',
          'goroutine 21 [running]:',
          'testing.tRunner.func1.2({0x52c1e0, 0x6a4f10})',
          '\t/usr/local/go/src/testing/testing.go:1632 +0x230',
          'panic({0x52c1e0?, 0x6a4f10?})',
          '\t/usr/local/go/src/runtime/panic.go:785 +0x132',
          `example.org/tally/${frame}(0x0)`,
          `\t/home/dev/tally/${file}:41 +0x1c`,
        ),
      );
    const a = panic('queue.(*Queue).Push', 'queue/queue.go');
    expect(a.headline?.culprit).toBe('example.org/tally/queue.(*Queue).Push');
    expect(panic('pool.(*Pool).Submit', 'pool/pool.go').fingerprint).not.toBe(a.fingerprint);
  });

  it("masks other CI services' checkouts and npm 10's debug log", () => {
    const line = (root: string) => maskLine(`cannot open ${root}/src/sum.c`);
    for (const root of [
      '/home/circleci/project',
      '/home/travis/build/ferncrest/tally',
      '/opt/atlassian/pipelines/agent/build',
      '/var/lib/buildkite-agent/builds/agent-1/ferncrest/tally',
      '/drone/src',
    ])
      expect(line(root)).toBe('cannot open <checkout>/src/sum.c');
    expect(
      maskLine(
        'npm error A complete log of this run can be found in: /home/sam/.npm/_logs/2026-12-01T10_00_00_000Z-debug-0.log',
      ),
    ).toBe('npm error A complete log of this run can be found in: <npm log>');
  });

  it("keeps the names a compiler's diagnostic quotes and the headers it names, digits and all", () => {
    const implicit = (name: string) =>
      extract(
        text(
          `hash.c:12:9: error: implicit declaration of function '${name}' [-Werror=implicit-function-declaration]`,
        ),
      );
    expect(implicit('crc32c').fingerprint).not.toBe(implicit('xxh64').fingerprint);
    expect(implicit('crc32c').signature).toContain("'crc32c'");
    const header = (name: string) =>
      extract(text(`db.c:1:10: fatal error: ${name}: No such file or directory`));
    expect(header('sqlite3.h').fingerprint).not.toBe(header('lmdb2.h').fingerprint);
    // Elsewhere a quoted value with a digit is still a value.
    expect(extract(text("ERROR cannot load session 's8812'")).fingerprint).toBe(
      extract(text("ERROR cannot load session 's9034'")).fingerprint,
    );
  });
});
