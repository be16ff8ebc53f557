import { failureOfRecord } from '#lib/extract/event';
import { parseLine } from '#lib/records/index';
import { severityFromText } from '#lib/records/line';
import { extract, inLog } from './helpers';

describe('a keyword inside a name is not the word', () => {
  it('a successful Rust build that compiles the thiserror crate has no failure', () => {
    const build = [
      '   Compiling libc v0.2.155',
      '   Compiling thiserror v1.0.61',
      '   Compiling thiserror-impl v1.0.61',
      '   Compiling ledger v0.4.0 (/home/dev/ledger)',
      '    Finished `dev` profile [unoptimized + debuginfo] target(s) in 12.40s',
      '',
    ].join('\n');
    expect(extract(build).type).toBeNull();
  });

  it('a C build with -Werror and sources named for errors has no failure', () => {
    const build = [
      '[ 20%] Building C object CMakeFiles/tool.dir/src/strerror_r.c.o',
      'cc -O2 -Wall -Werror -c src/report.c -o build/report.o',
      '[ 60%] Building C object CMakeFiles/tool.dir/src/error_table.c.o',
      'install -m 644 include/errors.h /usr/local/include/tool/errors.h',
      '[100%] Built target tool',
      '',
    ].join('\n');
    expect(extract(build).type).toBeNull();
  });

  it('start-up lines naming error-handling classes and routes are not failures', () => {
    const lines = [
      '10:00:01.100 INFO  [main] web.Routes: mapped [/error] to ErrorPageController',
      '10:00:01.200 INFO  [main] web.Security: filter chain [CsrfFilter, ExceptionTranslationFilter, AuthorizationFilter]',
      '10:00:01.300 INFO  [main] web.Advice: registered errorResponder for 4xx answers',
      '',
    ].join('\n');
    expect(extract(lines).type).toBeNull();
    expect(severityFromText('window.onerror handler installed')).toBe('unknown');
  });

  it('still reads the word where it stands alone or ends an exception class', () => {
    expect(severityFromText('raise IOError: disk full')).toBe('error');
    expect(severityFromText('ValueError: invalid literal for int()')).toBe('error');
    expect(severityFromText('caught java.lang.NullPointerException')).toBe('error');
    expect(severityFromText('ERROR_ACCESS_DENIED while opening the share')).toBe('error');
    expect(severityFromText('level=error msg="write failed"')).toBe('error');
    expect(severityFromText('[2026-12-01 10:00:00,001: ERROR/MainProcess] task lost')).toBe('error');
    expect(severityFromText('    + FullyQualifiedErrorId : PathNotFound')).toBe('error');
    expect(severityFromText('UserWarning: the default will change')).toBe('warning');
    expect(severityFromText('Build finished with 2 errors')).toBe('error');
    expect(severityFromText('Internal Server Error.')).toBe('error');
    expect(severityFromText('reading error.message of the reply')).toBe('error');
  });

  it('holds for stream events too', () => {
    expect(failureOfRecord(parseLine('   Compiling thiserror v1.0.61'))).toBeNull();
    expect(failureOfRecord(parseLine('TypeError: cannot read properties of undefined'))).not.toBeNull();
  });

  it('a failure line whose only keyword is a file name still needs its own words', () => {
    expect(extract(inLog('tail -n 50 /var/log/nginx/error.log')).type).toBeNull();
    expect(extract(inLog('2024-05-01 10:00:05,000 ERROR [main] app.Log: cannot open error.log')).type).toBe(
      'E',
    );
  });

  it('names joined by - or _ in lower case, options and their values are not the word', () => {
    for (const line of [
      'ok: [static-error-pages-01]',
      'Release "error-pages" has been upgraded. Happy Helming!',
      '+ serialize-error 11.0.3',
      '[2026-12-01 10:00:00,000: INFO/ForkPoolWorker-2] Task digest.send_error_digest[6f1c] succeeded in 0.2s',
      'Collecting errorhandler==2.0.1',
      'INFO  Processing by ErrorsController#summary as HTML',
      '$ npm ci --no-audit --loglevel=error',
      'cc -O2 -Wall -Wno-error=unused-result -c ledger.c',
      '$ cargo clippy --all-targets -- -D warnings',
      '$ gunicorn app:app --log-level warning --timeout 120',
      '$ python -W error::DeprecationWarning -m pytest -q',
      '-- Performing Test HAVE_WERROR_FLAG - Failed',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'unknown']);
    for (const line of [
      'ERROR_ACCESS_DENIED while opening the share',
      'status=error code=E_TIMEOUT',
      'connection error-free? no: connection error',
      'HTTPError: 503 Service Unavailable',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'error']);
  });

  it('a tally or verdict of none is not a failure, in any of its spellings', () => {
    for (const line of [
      '[INFO] Tests run: 214, Failures: 0, Errors: 0, Skipped: 3',
      'Error count: 0',
      'lint finished: errors=0 warnings=0',
      ' \u2713 No ESLint warnings or errors',
      'migration completed without errors',
      '==4411== For lists of detected and suppressed errors, rerun with: -s',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'unknown']);
    expect(severityFromText('Tests run: 5, Failures: 0, Errors: 2, Skipped: 0')).toBe('error');
  });

  it('a field that holds no error, warning or exception is not a failure', () => {
    for (const line of [
      'request finished status=200 exception=null',
      'job done exceptions=0 retries=1',
      'upload ok error=nil bytes=5120',
      'batch done errors=none',
      'sync finished error: null',
      'worker stopped, exception: None',
      'reply {"ok":true,"error":null}',
      'probe ok warning=""',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'unknown']);
    for (const line of [
      'error: None of the configured hosts could be reached',
      'exception=NullPointerException at Foo.bar',
      'error=nil pointer dereference',
      'errors=3 warnings=0',
      'sync failed error: nullable column "id" written with NULL',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'error']);
  });

  it("a test runner's passing test is not a failure, whatever its name says", () => {
    for (const line of [
      '  \u2713 returns an error when the status is 500 (3 ms)',
      '    \u2714 serializes ValidationError to JSON',
      '--- PASS: TestErrorWrapping (0.00s)',
      '=== RUN   TestErrorWrapping',
      'test config::tests::error_on_missing_port ... ok',
      'test_parse_error_raises (tests.test_parser.ParserTests) ... ok',
      'tests/test_api.py::test_error_body PASSED                         [ 50%]',
      'ErrorMapperTest > mapsIoErrorTo503() PASSED',
      '2/3 Test #2: unit_error_codes .................   Passed    0.01 sec',
      '[       OK ] ErrorTest.Maps (0 ms)',
      '2026-12-01T10:00:00.1234567Z   \u2713 renders the error page (8 ms)',
    ])
      expect([line, severityFromText(line)]).toEqual([line, 'unknown']);
    expect(extract(inLog('  \u2713 returns an error when the status is 500 (3 ms)')).type).toBeNull();
  });

  it("a Terraform plan's configuration is not a failure, whatever its values say; its errors are", () => {
    const plan = [
      '  # aws_cloudwatch_metric_alarm.queue_errors will be created',
      '  + resource "aws_cloudwatch_metric_alarm" "queue_errors" {',
      '      + alarm_name          = "queue-dead-letter-errors"',
      '      + metric_name         = "ErrorCount"',
      '      ~ description         = "errors" -> "dead-letter errors"',
      '    }',
      '  -/+ treat_missing_data  = "Warning" # forces replacement',
      '',
      'Plan: 1 to add, 0 to change, 0 to destroy.',
      '',
    ].join('\n');
    expect(extract(plan).type).toBeNull();
    for (const line of plan.split('\n')) expect([line, severityFromText(line)]).toEqual([line, 'unknown']);
    const failed = `${plan}\u2502 Error: creating CloudWatch Metric Alarm (queue-dead-letter-errors): ValidationError: Period must be 60\n`;
    expect(extract(failed).type).toBe('E');
    // A diff of code is not a plan's attribute.
    expect(severityFromText('+    throw new Error("ledger closed")')).toBe('error');
  });

  it('a setting of the level a logger lets through is not a failure at that level', () => {
    for (const line of [
      'logLevel: warning',
      'LOG_LEVEL=error',
      'min_level = "error"',
      '  verbosity: warning',
      '2026-12-03 08:00:12 INFO config: log level set to ERROR for com.example.noisy',
    ])
      expect([line, severityFromText(line), extract(inLog(line)).type]).toEqual([line, 'unknown', null]);
    // A record's own level is one; so is the word after such a setting.
    for (const line of ['level: error', 'log_level: error, then crashed: disk error'])
      expect([line, severityFromText(line)]).toEqual([line, 'error']);
  });

  it("systemd's progress of a unit is not a failure, whatever the unit's description says", () => {
    const unit = 'crash-reporter.service - Crash and Error Reporter';
    const progress = [
      `Dec  3 08:00:00 web-1 systemd[1]: Starting ${unit}...`,
      `Dec  3 08:00:01 web-1 systemd[1]: Started ${unit}.`,
      `2026-12-03T08:05:00+0000 web-1 systemd[1]: Stopping ${unit}...`,
      `2026-12-03T08:05:01+0000 web-1 systemd[1]: Stopped ${unit}.`,
    ];
    expect(extract(inLog(...progress)).type).toBeNull();
    for (const line of progress) expect(failureOfRecord(parseLine(line))).toBeNull();
    const failed = `Dec  3 08:00:02 web-1 systemd[1]: Failed to start ${unit}.`;
    expect(extract(inLog(...progress, failed)).type).toBe('E');
  });
});
