/**
 * The scanner hands the collector every line whose level is written as a shape
 * or a number rather than a word, and no more of them than it must.
 */
import { BLOCK } from '#lib/extract/prefilter';
import { LineScanner, type LineSink, type Matcher, matcherFor, SNIFF_BYTES } from '#lib/extract/scan';

class Flagged implements LineSink {
  readonly lines: string[] = [];
  wantsEveryLine(): boolean {
    return false;
  }
  line(buf: Buffer, start: number, end: number): void {
    this.lines.push(buf.toString('utf8', start, end));
  }
}

/** The lines of `log` the default scanner flags. */
function flagged(log: string): string[] {
  const sink = new Flagged();
  const scanner = new LineScanner(sink);
  scanner.push(Buffer.from(log));
  scanner.finish();
  return sink.lines;
}

/** Each line on its own, between ordinary lines, and first in the buffer. */
function expectFlagged(line: string, want: boolean): void {
  const around = `2024-05-01 10:00:00,001 INFO started\n${line}\n2024-05-01 10:00:00,002 INFO done\n`;
  expect([line, flagged(around).includes(line)]).toEqual([line, want]);
  expect([line, flagged(`${line}\n`).includes(line)]).toEqual([line, want]);
}

describe('the scanner flags levels written as shapes or numbers', () => {
  it('klog/glog: E, F and W lines, not I lines', () => {
    expectFlagged('E0501 10:00:00.123456    1234 reconciler.go:88] "Sync failed" pod="a/b"', true);
    expectFlagged('F1231 23:59:59.000001       7 main.go:40] cannot start', true);
    expectFlagged('W0101 00:00:00.000000   99999 reflector.go:424] watch ended', true);
    expectFlagged('I0501 10:00:00.123456    1234 controller.go:118] "Starting workers" count=4', false);
  });

  it("CockroachDB's klog with the year: E, F and W lines, not I lines", () => {
    expectFlagged(
      'E241203 18:40:51.002991 8812 sql/conn_executor.go:901 ⋮ [T1,n1] 902  could not acquire lease',
      true,
    );
    expectFlagged('W241203 18:40:51.002991 8812 kv/kvserver/store.go:3112 ⋮ [T1,n1,s1] 7  slow range', true);
    expectFlagged('I241203 18:40:51.002991 8812 server/node.go:533 ⋮ [T1,n1] 12  node started', false);
  });

  it("a W3C log's directive and its 5xx lines (space- or tab-separated), not its other requests", () => {
    const fields = '#Fields: date time cs-method cs-uri-stem sc-status sc-substatus time-taken';
    const lines = [
      '2026-12-02 10:00:01 GET /basket 200 0 31',
      '2026-12-02 10:00:02 POST /checkout 500 19 1203',
      '2026-12-02\t10:00:03\tGET\t/basket\t503\t2\t40',
      '2026-12-02 10:00:04 GET /basket 404 0 31',
    ];
    expect(flagged(`${fields}\n${lines.join('\n')}\n`)).toEqual([fields, lines[1], lines[2]]);
  });

  it('logcat threadtime: E, F, A and W lines whatever the width of pid and tid, not V, D or I', () => {
    for (const [pid, tid] of [
      ['  123', ' 4567'],
      ['12345', '12345'],
      ['123456', '1234567'],
      ['1234567', '  890'],
    ]) {
      for (const level of ['E', 'F', 'A', 'W'])
        expectFlagged(`05-01 10:00:00.123 ${pid} ${tid} ${level} CameraService: stream stopped`, true);
      for (const level of ['V', 'D', 'I'])
        expectFlagged(`12-31 23:59:59.999 ${pid} ${tid} ${level} CameraService: stream stopped`, false);
    }
  });

  it('logcat time and brief formats', () => {
    expectFlagged('05-01 10:00:00.123 E/CameraService( 1200): stream stopped', true);
    expectFlagged('05-01 10:00:00.123 I/CameraService( 1200): stream stopped', false);
    expectFlagged('F/libc    ( 4321): Fatal signal 6 (SIGABRT)', true);
    expectFlagged('D/Net( 4321): connected', false);
  });

  it('syslog PRI values of severity 0-4 (PRI mod 8), of one, two and three digits', () => {
    for (let pri = 0; pri <= 191; pri++) {
      expectFlagged(`<${pri}>1 2024-05-01T10:00:00Z host app 1 - - queue is full`, pri % 8 <= 4);
    }
  });

  it('pino and bunyan numeric levels 40, 50 and 60, not 30 or below', () => {
    for (const level of [40, 50, 60])
      expectFlagged(`{"level":${level},"time":1714557600123,"msg":"payment declined"}`, true);
    for (const level of [10, 20, 30])
      expectFlagged(`{"level":${level},"time":1714557600123,"msg":"payment declined"}`, false);
  });

  it('failure texts with no level word', () => {
    expectFlagged('[ 512.000001] Out of memory: Killed process 912 (node) total-vm:100kB', true);
    expectFlagged("May 01 10:00:02 app-3 systemd[1]: mailer.service: Failed with result 'exit-code'.", true);
    expectFlagged('ANR in com.example.shop (com.example.shop/.CartActivity)', true);
  });

  it('does not flag ordinary lines that start like a shape', () => {
    expectFlagged('05-01-2024 backup of 1234 files done', false);
    expectFlagged('10.0.0.7 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 512', false);
    expectFlagged('Everything is fine', false);
    expectFlagged('<html> page', false);
  });
});

describe('the shapes of a format are looked for in a log written in it', () => {
  /** Candidates the prefilter reports over buf: each one is a confirmation the scanner pays for. */
  function candidates(matcher: Matcher, buf: Buffer): number {
    const out = new Int32Array(BLOCK);
    let n = 0;
    for (let a = 0; a < buf.length; a += BLOCK)
      n += matcher.candidates(buf, a, Math.min(buf.length, a + BLOCK), buf.length, out);
    return n;
  }

  const ordinary = (n: number): string[] => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const s = String(i % 60).padStart(2, '0');
      lines.push(
        `2024-05-01 10:${s}:${s},${i % 1000} INFO  [main] app.Server: request ${i} served in ${i % 97}ms`,
      );
      lines.push(`10.0.${i % 256}.7 - - [01/May/2024:10:00:${s} +0000] "GET /items/${i} HTTP/1.1" 200 ${i}`);
      lines.push(`Accepted connection ${i} from peer ${i % 17}`);
    }
    return lines;
  };

  it('leaves a log of none of those formats nearly free of candidates', () => {
    const lines = ordinary(3000);
    const buf = Buffer.from(`${lines.join('\n')}\n`);
    expect(candidates(matcherFor(buf.subarray(0, SNIFF_BYTES)), buf)).toBeLessThan(lines.length / 100);
  });

  it.each([
    ['klog', 'E0501 10:00:00.000001    77 main.go:40] cannot load config'],
    ['logcat', '05-01 10:00:00.123  1200  1290 E Vold: mount failed'],
  ])('keeps the ordinary lines of a log that also shows %s nearly free of candidates', (_format, line) => {
    const lines = [line, ...ordinary(3000)];
    const buf = Buffer.from(`${lines.join('\n')}\n`);
    expect(candidates(matcherFor(buf.subarray(0, SNIFF_BYTES)), buf)).toBeLessThan(lines.length / 100);
  });

  it('flags an E line of a logcat file after more than SNIFF_BYTES of I lines, in any chunking', () => {
    const info = Array.from(
      { length: 2000 },
      (_, i) => `05-01 10:00:00.${String(i % 1000).padStart(3, '0')}  1200  1290 I Zygote: forked ${i}`,
    );
    const failing = '05-01 10:00:09.000  1200  1290 E Vold: mount of /data/media failed';
    const log = Buffer.from(`${[...info, failing].join('\n')}\n`);
    expect(log.length).toBeGreaterThan(SNIFF_BYTES);
    for (const size of [log.length, 4096, 997]) {
      const sink = new Flagged();
      const scanner = new LineScanner(sink);
      for (let at = 0; at < log.length; at += size) scanner.push(log.subarray(at, at + size));
      scanner.finish();
      expect(sink.lines).toEqual([failing]);
    }
  });
});
