/**
 * Compilers' diagnostics as a CI job prints them: the Go toolchain's (no level
 * word: a position with its column), javac's with its `symbol:` and
 * `location:` lines, Maven's form of them, the Kotlin compiler's `e:` under
 * Gradle, MSBuild's on Windows runners. One failure in two checkouts, runners
 * or line numbers is one; another symbol, message or code is another.
 */
import { log, type PairFormat } from './model.ts';

const goBuild = (pkg: string, diagnostics: string[]) =>
  log(
    `go: downloading github.com/ferncrest/money v1.${diagnostics.length}.0`,
    `# ${pkg}`,
    ...diagnostics,
    `FAIL\t${pkg} [build failed]`,
  );

const javac = (root: string, file: string, line: number, code: string, symbol: string, location: string) =>
  log(
    '> Task :ledger:compileJava FAILED',
    `${root}/ledger/src/main/java/org/ferncrest/ledger/${file}:${line}: error: cannot find symbol`,
    `        ${code}`,
    `        ${' '.repeat(code.indexOf('.') + 1)}^`,
    `  symbol:   ${symbol}`,
    `  location: ${location}`,
    '1 error',
    '',
    'FAILURE: Build failed with an exception.',
  );

const maven = (root: string, line: number, column: number, symbol: string) =>
  log(
    '[INFO] --- compiler:3.13.0:compile (default-compile) @ ledger ---',
    '[ERROR] COMPILATION ERROR : ',
    `[ERROR] ${root}/src/main/java/org/ferncrest/Posting.java:[${line},${column}] cannot find symbol`,
    `  symbol:   ${symbol}`,
    '  location: class org.ferncrest.Posting',
    '[INFO] 1 error',
    '[INFO] BUILD FAILURE',
    '[ERROR] ',
    '[ERROR] -> [Help 1]',
  );

const kotlin = (root: string, line: number, column: number, message: string) =>
  log(
    '> Task :app:compileDebugKotlin FAILED',
    `e: file://${root}/app/src/main/kotlin/org/ferncrest/Basket.kt:${line}:${column} ${message}`,
    '',
    'FAILURE: Build failed with an exception.',
  );

const msbuild = (root: string, line: number, code: string, message: string) =>
  log(
    `${root}\\src\\Ledger\\Posting.cs(${line},17): error ${code}: ${message} [${root}\\src\\Ledger\\Ledger.csproj]`,
    '',
    'Build FAILED.',
    '',
    `${root}\\src\\Ledger\\Posting.cs(${line},17): error ${code}: ${message} [${root}\\src\\Ledger\\Ledger.csproj]`,
    '    0 Warning(s)',
    '    1 Error(s)',
  );

export const compilers: PairFormat = {
  format: 'compilers: go, javac, Maven, Kotlin, MSBuild',
  pairs: [
    {
      name: 'go build: the same unused variable, moved down the file',
      kind: 'same',
      a: goBuild('github.com/ferncrest/ledger/posting', [
        'posting/post.go:57:2: declared and not used: rounding',
      ]),
      b: goBuild('github.com/ferncrest/ledger/posting', [
        'posting/post.go:63:2: declared and not used: rounding',
      ]),
    },
    {
      name: 'go build: a type mismatch against an unused variable in one file',
      kind: 'different',
      a: goBuild('github.com/ferncrest/ledger/posting', [
        'posting/post.go:57:2: declared and not used: rounding',
      ]),
      b: goBuild('github.com/ferncrest/ledger/posting', [
        'posting/post.go:41:9: cannot use amount (variable of type int64) as string value in return statement',
      ]),
    },
    {
      name: 'javac: the same missing method, two runners and line numbers',
      kind: 'same',
      a: javac(
        '/home/runner/work/ledger/ledger',
        'Journal.java',
        23,
        'return posting.balanceOf(account);',
        'method balanceOf(Account)',
        'variable posting of type Posting',
      ),
      b: javac(
        '/var/lib/jenkins/workspace/ledger-main',
        'Journal.java',
        29,
        'return posting.balanceOf(account);',
        'method balanceOf(Account)',
        'variable posting of type Posting',
      ),
    },
    {
      name: 'javac: cannot find symbol, but another symbol',
      kind: 'different',
      a: javac(
        '/home/runner/work/ledger/ledger',
        'Journal.java',
        23,
        'return posting.balanceOf(account);',
        'method balanceOf(Account)',
        'variable posting of type Posting',
      ),
      b: javac(
        '/home/runner/work/ledger/ledger',
        'Journal.java',
        23,
        'return posting.currencyOf(account);',
        'method currencyOf(Account)',
        'variable posting of type Posting',
      ),
    },
    {
      name: 'Maven: cannot find symbol, another symbol',
      kind: 'different',
      a: maven('/home/runner/work/ledger/ledger', 31, 18, 'class Money'),
      b: maven('/home/runner/work/ledger/ledger', 31, 18, 'class Currency'),
    },
    {
      name: 'Maven: the same missing class on two machines',
      kind: 'same',
      a: maven('/home/runner/work/ledger/ledger', 31, 18, 'class Money'),
      b: maven('/builds/ferncrest/ledger', 35, 22, 'class Money'),
    },
    {
      name: 'Kotlin: the same unresolved reference, other checkout and column',
      kind: 'same',
      a: kotlin('/home/runner/work/app/app', 14, 23, 'Unresolved reference: splitEvenly'),
      b: kotlin('/home/dev/src/app', 16, 27, 'Unresolved reference: splitEvenly'),
    },
    {
      name: 'Kotlin: an unresolved reference against a type mismatch',
      kind: 'different',
      a: kotlin('/home/runner/work/app/app', 14, 23, 'Unresolved reference: splitEvenly'),
      b: kotlin(
        '/home/runner/work/app/app',
        14,
        23,
        'Type mismatch: inferred type is String but Int was expected',
      ),
    },
    {
      name: "MSBuild: the same error on GitHub's and a self-hosted agent's Windows checkout",
      kind: 'same',
      a: msbuild(
        'D:\\a\\ledger\\ledger',
        23,
        'CS0103',
        "The name 'roundTo' does not exist in the current context",
      ),
      b: msbuild(
        'C:\\agent\\_work\\7\\s',
        27,
        'CS0103',
        "The name 'roundTo' does not exist in the current context",
      ),
    },
    {
      name: 'MSBuild: another compiler error in the same place',
      kind: 'different',
      a: msbuild(
        'D:\\a\\ledger\\ledger',
        23,
        'CS0103',
        "The name 'roundTo' does not exist in the current context",
      ),
      b: msbuild('D:\\a\\ledger\\ledger', 23, 'CS0029', "Cannot implicitly convert type 'string' to 'int'"),
    },
  ],
};
