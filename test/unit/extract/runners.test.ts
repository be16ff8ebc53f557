import { extract } from './helpers';

const text = (...lines: string[]) => `${lines.join('\n')}\n`;

describe("test runners', linters' and package managers' failures without a level word", () => {
  it.each([
    [
      'GoogleTest',
      '[  FAILED  ] QueueTest.DrainsOnClose (41 ms)',
      '[==========] Running 3 tests from 1 test suite.',
    ],
    ['GoogleTest', 'queue_test.cc:57: Failure', '[==========] Running 3 tests from 1 test suite.'],
    [
      'CTest',
      '3/4 Test #4: unit_queue .......................***Failed    0.35 sec',
      'Test project /home/dev/queue/build',
    ],
    ['vitest', ' \u00d7 src/queue.test.ts > Queue > drains on close 12ms', ' RUN  v2.1.8 /home/dev/queue'],
    [
      'Playwright',
      '  \u2718  2 [chromium] \u203a queue.spec.ts:12:5 \u203a drains (5.0s)',
      'Running 4 tests using 2 workers',
    ],
    ['commitlint', '\u2716   subject may not be empty [subject-empty]', '\u29d7   input: fix queue'],
    ['jest coverage', 'Jest: "global" coverage threshold for lines (80%) not met: 72.41%'],
    [
      'Surefire',
      'Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.2 s <<< FAILURE! -- in org.q.QueueTest',
    ],
    ['RSpec', '     Failure/Error: expect(queue.size).to eq(0)'],
    [
      'PHPUnit',
      'Failed asserting that 3 matches expected 0.',
      'PHPUnit 10.5.2 by Sebastian Bergmann and contributors.',
    ],
    [
      'dotnet test',
      '  Failed Queue.Tests.QueueTests.DrainsOnClose [12 ms]',
      'Test run for /src/Queue.Tests/bin/Debug/net8.0/Queue.Tests.dll (.NETCoreApp,Version=v8.0)',
    ],
    ['flake8', "queue/core.py:3:1: F401 'os' imported but unused"],
    ['black', 'would reformat /home/dev/queue/core.py'],
    [
      'pnpm',
      ' ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date',
    ],
    [
      'Poetry',
      'So, because queue depends on pydantic (>=3), version solving failed.',
      'Resolving dependencies...',
    ],
    [
      'Composer',
      'Your requirements could not be resolved to an installable set of packages.',
      'Loading composer repositories with package information',
    ],
    ['Next.js', "Module not found: Can't resolve '@/lib/queue'"],
    ['ld64', 'Undefined symbols for architecture arm64:'],
    ['Compose', 'queue-worker-1 exited with code 137', ' \u2714 Container queue-db-1  Started'],
    ['kubectl', 'The Deployment "queue" is invalid: spec.template.spec.containers[0].image: Required value'],
    ['nodemon', '[nodemon] app crashed - waiting for file changes before starting...', '[nodemon] 3.1.0'],
  ])('%s', (_tool, line, head = 'starting the run') => {
    // A tool whose lines would cost every log's scan is looked for where its output shows (scan.ts LINE_FORMATS).
    expect(extract(text(head, line, 'run over')).type).toBe('E');
  });

  it("keeps a linter's rule and tells two findings apart by it", () => {
    const a = extract(text('queue/core.py:3:1: F401 imported but unused'));
    expect(a.signature).toContain('F401');
    expect(extract(text('queue/core.py:3:1: F811 imported but unused')).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('what a document is grouped and titled by', () => {
  it('leaves out the lines that only close a failed run when another says what failed', () => {
    const viaYarn = extract(
      text(
        "src/queue.ts(41,9): error TS2322: Type 'number' is not assignable to type 'string'.",
        'Found 1 error in src/queue.ts:41',
        'error Command failed with exit code 2.',
      ),
    );
    const viaRunner = extract(
      text(
        "src/queue.ts(44,9): error TS2322: Type 'number' is not assignable to type 'string'.",
        'Found 2 errors in 1 file.',
        '##[error]Process completed with exit code 1.',
      ),
    );
    expect(viaRunner.fingerprint).toBe(viaYarn.fingerprint);
    // With nothing else to say, the run's own failure is the report.
    expect(extract(text('Error: Process completed with exit code 1.')).type).toBe('E');
  });

  it("takes the title from the log's first failure of its type, not the alphabetically first", () => {
    const x = extract(
      text(
        'WARNING: [pool www] server reached pm.max_children setting (5)',
        "sum.c:3:10: error: 'carry' undeclared (first use in this function)",
        "main.c:9:1: error: expected ';' before '}' token",
        'Error: Process completed with exit code 2.',
      ),
    );
    expect(x.headline?.title).toBe("'carry' undeclared (first use in this function)");
    const crash = extract(
      text(
        'ERROR: Application startup failed. Exiting.',
        'Traceback (most recent call last):',
        '  File "/srv/q/boot.py", line 3, in start',
        '    connect()',
        'ConnectionRefusedError: [Errno 111] Connect call failed',
      ),
    );
    expect(crash.type).toBe('C');
    expect(crash.headline?.title).toBe('ConnectionRefusedError: [Errno 111] Connect call failed');
  });

  it("reads a failure's message from the next line when its head stops at a colon, and jest's under its test", () => {
    const vite = (module: string) =>
      extract(
        text(
          'vite v5.4.2 building for production...',
          'error during build:',
          `[vite]: Rollup failed to resolve import "${module}" from "/home/dev/q/src/main.ts".`,
          '    at onRollupWarning (file:///home/dev/q/node_modules/vite/dist/node/chunks/dep.js:65:5)',
        ),
      );
    expect(vite('@q/metrics').fingerprint).not.toBe(vite('@q/tracing').fingerprint);
    const jest = (module: string) =>
      extract(
        text(
          ' FAIL  src/queue.test.ts',
          '  \u25cf Test suite failed to run',
          '',
          `    Cannot find module '${module}' from 'src/queue.ts'`,
        ),
      );
    expect(jest('@q/clock').headline?.title).toBe(
      "\u25cf Test suite failed to run Cannot find module '@q/clock' from 'src/queue.ts'",
    );
    expect(jest('@q/clock').fingerprint).not.toBe(jest('@q/store').fingerprint);
  });

  it("reads a line the same with or without a runner's time stamp or BuildKit's step prefix", () => {
    const plain = extract(
      text("sum.c:3:10: error: 'carry' undeclared", 'make: *** [Makefile:4: sum.o] Error 1'),
    );
    const stamped = extract(
      text(
        "2026-12-01T10:00:03.1234567Z sum.c:3:10: error: 'carry' undeclared",
        '2026-12-01T10:00:03.1299999Z make: *** [Makefile:4: sum.o] Error 1',
      ),
    );
    expect(stamped.fingerprint).toBe(plain.fingerprint);
    const step = (prefix: string) =>
      extract(text(`${prefix}npm ERR! ERESOLVE could not resolve`)).fingerprint;
    expect(step('#8 2.145 ')).toBe(step(''));
    // BuildKit's step lines are not a stack's frames.
    expect(extract(text('#7 [4/7] COPY pages/ /srv/pages/', '#7 DONE 0.1s', 'warning: slow disk')).type).toBe(
      'W',
    );
  });

  it("reads Terraform's diagnostic box: where and the detail, not the source line or the lock's holder", () => {
    const box = (file: string, line: number, argument: string) =>
      extract(
        text(
          '\u2577',
          '\u2502 Error: Unsupported argument',
          '\u2502 ',
          `\u2502   on ${file} line ${line}, in resource "aws_s3_bucket" "logs":`,
          `\u2502   ${line}:   ${argument} = true`,
          '\u2502 ',
          `\u2502 An argument named "${argument}" is not expected here.`,
          '\u2575',
        ),
      );
    const a = box('storage.tf', 12, 'versioned');
    expect(a.headline?.title).toBe(
      'Unsupported argument on storage.tf line <*>, in resource "aws_s3_bucket" "logs": An argument named "versioned" is not expected here.',
    );
    expect(box('storage.tf', 14, 'versioned').fingerprint).toBe(a.fingerprint);
    expect(box('storage.tf', 12, 'encrypted').fingerprint).not.toBe(a.fingerprint);
    const lock = (who: string) =>
      extract(
        text(
          '\u2502 Error: Error acquiring the state lock',
          '\u2502 ',
          '\u2502 Error message: ConditionalCheckFailedException: The conditional request failed',
          '\u2502 Lock Info:',
          `\u2502   Who:       ${who}`,
          '\u2502   Created:   2026-12-01 10:00:00.123456 +0000 UTC',
          '\u2575',
        ),
      ).fingerprint;
    expect(lock('runner@fv-az512-33')).toBe(lock('sam@laptop'));
  });

  it('a resource named in a dotted name is not a failure', () => {
    expect(extract(text('  # aws_cloudwatch_metric_alarm.errors will be created')).type).toBeNull();
  });

  it("keeps a package's name that holds a digit, and masks its version and the index's offer", () => {
    const pip = (name: string, offered: string) =>
      extract(
        text(
          `ERROR: Could not find a version that satisfies the requirement ${name}==9.9.9 (from versions: ${offered})`,
          `ERROR: No matching distribution found for ${name}==9.9.9`,
        ),
      );
    const a = pip('boto3', '1.34.0, 1.34.1');
    expect(a.signature).toContain('requirement boto3==<version>');
    expect(pip('boto3', '1.34.0, 1.34.1, 1.34.2').fingerprint).toBe(a.fingerprint);
    expect(pip('lz4', '1.34.0, 1.34.1').fingerprint).not.toBe(a.fingerprint);
    const wheel = (name: string) => extract(text(`ERROR: Failed building wheel for ${name}`)).fingerprint;
    expect(wheel('psycopg2')).not.toBe(wheel('h5py'));
  });
});
