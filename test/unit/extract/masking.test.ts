import { maskLine, maskText, stripHeader } from '#lib/extract/mask';
import { fingerprint, inLog } from './helpers';

describe('masking of case-specific values', () => {
  it.each([
    ['timestamps', '2024-05-01T10:00:00.123Z disk ERROR', '2023-12-31T23:59:59.999Z disk ERROR'],
    ['ctime dates', 'Wed May 01 09:12:44 2024 ERROR spool full', 'Sat Feb 15 23:01:09 2025 ERROR spool full'],
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
      'ERROR: relay via smtp-out.billing.example.net:587 to mx2.example.co.uk:25 refused',
      'ERROR: relay via mail.eu.example.org:2525 to inbound.example.io:25 refused',
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
      'ERROR backup upload of nightly_3.tar aborted',
      'ERROR backup download of nightly_3.tar aborted',
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
    expect(stripHeader('240501 101500 4411 ERROR store.Compactor: bad segment')).toBe(
      'ERROR store.Compactor: bad segment',
    );
    expect(stripHeader('Disk ERROR on sda')).toBe('Disk ERROR on sda');
    // a level word at the end of the line leaves the message before it
    const last = '20240501-10:15:00:120|Sensor|4411|calibrateGyro 7 ERROR';
    expect(stripHeader(last)).toBe(last);
  });

  it('masks a numbered thread field right after the level', () => {
    expect(maskLine('2024-05-01 10:15:00,120 - WARN  [Replicator:4411] - peer stream closed')).toBe(
      maskLine('2024-05-01 10:15:02,981 - WARN  [pool-3-thread-7] - peer stream closed'),
    );
  });

  it('collapses context fields with no word left in them', () => {
    expect(maskText('[9d2e7a10-77c4-4f0e-b1aa-2c55e0f31d42 c81f - -] x')).toBe(maskText('[-] x'));
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
