/**
 * Test runners, linters and package managers as a CI job prints them, often
 * under a wrapper that only says the step failed (yarn's `error Command failed
 * with exit code 1.`, a runner's `Process completed with exit code 1.`), with
 * passing tests around the failing one. The same failing test under another
 * wrapper, among other passing tests, with other durations, is one failure;
 * another test, rule or package is another.
 */
import { log, type PairFormat } from './model.ts';

const vitest = (passing: string[], failing: string, expected: string, wrapper: string) =>
  log(
    ' RUN  v2.1.8 /home/runner/work/tally/tally',
    '',
    ...passing.map((name, i) => ` \u2713 src/tally.test.ts > Tally > ${name} ${i + 2}ms`),
    ` \u00d7 src/tally.test.ts > Tally > ${failing} ${passing.length + 7}ms`,
    `   \u2192 expected ${expected}`,
    '',
    ` Test Files  1 failed (1)`,
    `      Tests  1 failed | ${passing.length} passed (${passing.length + 1})`,
    wrapper,
  );

const gtest = (test: string, ms: number, file: string) =>
  log(
    '[==========] Running 3 tests from 1 test suite.',
    '[ RUN      ] LedgerTest.OpensEmpty',
    `[       OK ] LedgerTest.OpensEmpty (${ms % 3} ms)`,
    `[ RUN      ] LedgerTest.${test}`,
    `${file}:57: Failure`,
    'Expected equality of these values:',
    '  ledger.size()',
    '    Which is: 1',
    '  0',
    `[  FAILED  ] LedgerTest.${test} (${ms} ms)`,
    '[==========] 2 tests from 1 test suite ran.',
    '[  FAILED  ] 1 test, listed below:',
    `[  FAILED  ] LedgerTest.${test}`,
    '',
    ' 1 FAILED TEST',
  );

const pnpm = (code: string, message: string, seconds: number) =>
  log(
    'Lockfile is up to date, resolution step is skipped',
    `Progress: resolved 1, reused 0, downloaded 0, added 0`,
    ` ${code}  ${message}`,
    '',
    `Error: Process completed with exit code 1.`,
    `##[debug]Finishing: Install (${seconds}s)`,
  );

const ruff = (findings: string[]) =>
  log(
    '$ ruff check .',
    ...findings,
    `Found ${findings.length} error${findings.length === 1 ? '' : 's'}.`,
    '[*] 1 fixable with the `--fix` option.',
  );

export const runners: PairFormat = {
  format: 'test runners, linters, package managers',
  pairs: [
    {
      name: "GitHub Actions' error annotation, the same finding moved down the file, two runs",
      kind: 'same',
      a: log(
        '2026-12-03T18:40:50.8812345Z Run npx tsc --noEmit',
        "2026-12-03T18:40:51.1234567Z ::error file=src/basket.ts,line=41,col=15::Type 'string' is not assignable to type 'number'.",
        '2026-12-03T18:40:51.2234567Z ##[error]Process completed with exit code 2.',
      ),
      b: log(
        '2026-12-05T09:02:10.0012345Z Run npx tsc --noEmit',
        "2026-12-05T09:02:11.5534567Z ::error file=src/basket.ts,line=44,col=9::Type 'string' is not assignable to type 'number'.",
        '2026-12-05T09:02:11.6634567Z ##[error]Process completed with exit code 2.',
      ),
    },
    {
      name: "GitHub Actions' error annotation, the same finding in another file",
      kind: 'different',
      a: log(
        "2026-12-03T18:40:51.1234567Z ::error file=src/basket.ts,line=41,col=15::Type 'string' is not assignable to type 'number'.",
      ),
      b: log(
        "2026-12-03T18:40:51.1234567Z ::error file=src/invoice.ts,line=41,col=15::Type 'string' is not assignable to type 'number'.",
      ),
    },
    {
      name: 'vitest: the same failing test under yarn and under the runner, other passing tests around it',
      kind: 'same',
      a: vitest(
        ['adds two entries', 'returns an error for a negative amount'],
        'rounds to cents',
        '10.005 to be 10.01',
        'error Command failed with exit code 1.',
      ),
      b: vitest(
        ['adds two entries', 'keeps the order of entries', 'rejects an empty ledger'],
        'rounds to cents',
        '10.005 to be 10.01',
        'Error: Process completed with exit code 1.',
      ),
    },
    {
      name: 'vitest: another failing test with the same assertion',
      kind: 'different',
      a: vitest(
        ['adds two entries'],
        'rounds to cents',
        '10.005 to be 10.01',
        'error Command failed with exit code 1.',
      ),
      b: vitest(
        ['adds two entries'],
        'sums the fees',
        '10.005 to be 10.01',
        'error Command failed with exit code 1.',
      ),
    },
    {
      name: 'GoogleTest: the same failing test, other duration and checkout',
      kind: 'same',
      a: gtest('ClosesTwice', 41, '/home/runner/work/ledger/ledger/test/ledger_test.cc'),
      b: gtest('ClosesTwice', 312, '/builds/ferncrest/ledger/test/ledger_test.cc'),
    },
    {
      name: 'GoogleTest: another test of the suite failing',
      kind: 'different',
      a: gtest('ClosesTwice', 41, '/home/runner/work/ledger/ledger/test/ledger_test.cc'),
      b: gtest('ReopensAfterClose', 41, '/home/runner/work/ledger/ledger/test/ledger_test.cc'),
    },
    {
      name: 'pnpm: the same frozen lockfile refusal in two runs',
      kind: 'same',
      a: pnpm(
        'ERR_PNPM_OUTDATED_LOCKFILE',
        'Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/api/package.json',
        14,
      ),
      b: pnpm(
        'ERR_PNPM_OUTDATED_LOCKFILE',
        'Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/api/package.json',
        9,
      ),
    },
    {
      name: 'pnpm: a missing version against an outdated lockfile',
      kind: 'different',
      a: pnpm(
        'ERR_PNPM_OUTDATED_LOCKFILE',
        'Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with packages/api/package.json',
        14,
      ),
      b: pnpm('ERR_PNPM_NO_MATCHING_VERSION', 'No matching version found for left-pad@9.9.9', 14),
    },
    {
      name: 'ruff: the same finding, once alone and once beside another run of the tally',
      kind: 'same',
      a: ruff(['ledger/post.py:3:8: F401 [*] `os` imported but unused']),
      b: ruff(['ledger/post.py:4:8: F401 [*] `os` imported but unused']),
    },
    {
      name: 'ruff: another rule on the same line',
      kind: 'different',
      a: ruff(['ledger/post.py:3:8: F401 [*] `os` imported but unused']),
      b: ruff(['ledger/post.py:3:8: E401 Multiple imports on one line']),
    },
    {
      name: 'Compose: a container killed (137) against one that exited 1',
      kind: 'different',
      a: log(' \u2714 Container ledger-db-1      Started', 'ledger-worker-1 exited with code 137'),
      b: log(' \u2714 Container ledger-db-1      Started', 'ledger-worker-1 exited with code 1'),
    },
    {
      name: 'Compose: the same worker killed, other project name',
      kind: 'same',
      a: log(' \u2714 Container ledger-db-1      Started', 'ledger-worker-1 exited with code 137'),
      b: log(' \u2714 Container books-db-1      Started', 'books-worker-1 exited with code 137'),
    },
  ],
};
