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
});
