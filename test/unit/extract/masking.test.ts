import { maskLine, maskText, stripHeader } from '#lib/extract/mask';
import { fingerprint, inLog } from './helpers';

describe('masking of case-specific values', () => {
  it.each([
    ['timestamps', '2024-05-01T10:00:00.123Z disk ERROR', '2023-12-31T23:59:59.999Z disk ERROR'],
    ['syslog dates', 'Mon Dec 04 17:53:43 2005 ERROR x', 'Sun Jan 15 01:02:03 2006 ERROR x'],
    ['numbers', 'ERROR took 84697 ms', 'ERROR took 3 ms'],
    ['hex and addresses', 'ERROR bad magic 0xdeadbeef at 7f3a9c10', 'ERROR bad magic 0x1 at 0c0c0c0c'],
    [
      'UUIDs',
      'ERROR no cache 4c49a40c-870f-4018-a567-b1c5533197d7',
      'ERROR no cache e71d6110-317e-41a5-a528-4ba3faefadef',
    ],
    ['IPs and ports', 'ERROR refused by 10.0.0.1:5432', 'ERROR refused by 192.168.7.250:80'],
    [
      'e-mails',
      'ERROR mail to bob@example.com bounced',
      'ERROR mail to alice.smith@corp.example.org bounced',
    ],
    ['URLs', 'ERROR GET https://api.example.com/v1/items?id=7 failed', 'ERROR GET http://localhost/x failed'],
    [
      'temp paths',
      'ERROR cannot read /tmp/tmpz6dpsedq/cache-pgr11t.bin',
      'ERROR cannot read /tmp/abc/work.part',
    ],
    [
      'home directories',
      'ERROR missing /home/bob/.config/app.yml',
      'ERROR missing /home/alice/.config/app.yml',
    ],
    ['user names after user=', 'ERROR denied user=bob', 'ERROR denied user=alice'],
    ['quoted values after =', 'ERROR bad key="remote pool"', 'ERROR bad key="x"'],
    [
      'host names',
      'ERROR: Could not connect through proxy proxy.cse.example.edu:5070 to www.example.com.hk:443',
      'ERROR: Could not connect through proxy gw.ops.example.edu:3128 to mail.corp.example.com:25',
    ],
    [
      'actors after held by',
      'ERROR could not lock package held by bob',
      'ERROR could not lock package held by ops',
    ],
  ])('masks %s', (_what, a, b) => {
    expect(maskLine(a)).toBe(maskLine(b));
  });

  it.each([
    ['refused', 'reset', 'ERROR connection refused by 10.0.0.1', 'ERROR connection reset by 10.0.0.1'],
    [
      'upload',
      'download',
      'ERROR Cache upload of a_1.png aborted',
      'ERROR Cache download of a_1.png aborted',
    ],
    ['enable', 'disable', 'ERROR Cannot enable feature', 'ERROR Cannot disable feature'],
    [
      'one Java class',
      'another',
      'ERROR com.example.net.PoolException: exhausted',
      'ERROR com.example.net.QueueException: exhausted',
    ],
    [
      'one source file',
      'another',
      'ERROR assertion failed in main.py:42',
      'ERROR assertion failed in util.py:42',
    ],
  ])('keeps %s and %s apart', (_a, _b, a, b) => {
    expect(maskLine(a)).not.toBe(maskLine(b));
  });

  it('drops the header before the level word when it carries timestamps or ids', () => {
    expect(stripHeader('081110 121758 13 ERROR dfs.Scanner: bad')).toBe('ERROR dfs.Scanner: bad');
    expect(stripHeader('Disk ERROR on sda')).toBe('Disk ERROR on sda');
    // a level word at the end of the line leaves the message before it
    const last = '20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579 ERROR';
    expect(stripHeader(last)).toBe(last);
  });

  it('masks the thread field right after the level', () => {
    expect(maskLine('2015-07-29 19:35:51,543 - WARN  [RecvWorker:188978561024] - Connection broken')).toBe(
      maskLine('2015-07-29 19:35:52,000 - WARN  [LeaseRenewer:7] - Connection broken'),
    );
  });

  it('collapses context fields with no word left in them', () => {
    expect(maskText('[req-3a411e65-bde8-42a4-b222-4779a62e4316 113d3a99 - - -] x')).toBe(maskText('[-] x'));
  });

  it('groups one failure repeated 1 and 5 times with different parameters', () => {
    const once = inLog('2024-05-01 10:00:01 ERROR pool: timeout after 31 ms');
    const five = inLog(
      ...[1, 2, 3, 4, 5].map((i) => `2024-05-01 10:00:0${i} ERROR pool: timeout after ${i * 7} ms`),
    );
    expect(fingerprint(once)).toBe(fingerprint(five));
  });

  it('groups the same failures interleaved in another order', () => {
    const a = inLog('ERROR disk full on volume 3', 'WARNING: slow request 12', 'ERROR disk full on volume 4');
    const b = inLog('WARNING: slow request 99', 'ERROR disk full on volume 5');
    expect(fingerprint(a)).toBe(fingerprint(b));
  });

  it('keeps a log with an extra distinct failure apart', () => {
    expect(fingerprint(inLog('ERROR disk full'))).not.toBe(
      fingerprint(inLog('ERROR disk full', 'ERROR fan stopped')),
    );
  });
});
