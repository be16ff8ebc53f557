import { parseLine } from '#lib/records/line';

describe('record shapes read by their own field names', () => {
  it('reads a MongoDB structured line: severity, component and error document', () => {
    const e = parseLine(
      JSON.stringify({
        t: { $date: '2024-05-01T10:00:00.123+00:00' },
        s: 'E',
        c: 'NETWORK',
        id: 23073,
        ctx: 'conn12',
        msg: 'Error receiving request from client',
        attr: {
          error: { code: 141, codeName: 'SSLHandshakeFailed', errmsg: 'no SSL' },
          remote: '10.0.0.1:5',
        },
      }),
    );
    expect(e.severity).toBe('error');
    expect(e.logger).toBe('NETWORK');
    expect(e.error).toEqual({ type: 'SSLHandshakeFailed', message: 'no SSL' });
    expect(e.context['attr.remote']).toBe('10.0.0.1:5');
    expect(e.time).toBe('2024-05-01T10:00:00.123Z');
  });

  it('reads s and c as nothing in a record of another shape', () => {
    const e = parseLine('{"s":"E","c":"NETWORK","msg":"cache warm"}');
    expect(e.severity).toBe('unknown');
    expect(e.logger).toBeUndefined();
  });

  it("reads a GELF record's full_message as its stack only when it holds frames", () => {
    const base = { version: '1.1', host: 'web-1', level: 3, short_message: 'store down', facility: 'web' };
    const withStack = parseLine(
      JSON.stringify({
        ...base,
        full_message: 'java.lang.IllegalStateException: down\n\tat a.B.c(B.java:3)',
      }),
    );
    expect(withStack.error?.type).toBe('java.lang.IllegalStateException');
    expect(withStack.error?.stack).toContain('at a.B.c(B.java:3)');
    expect(withStack.logger).toBe('web');
    const prose = parseLine(JSON.stringify({ ...base, full_message: 'store down\nsecond line of prose' }));
    expect(prose.error).toBeUndefined();
    expect(prose.context.full_message).toBe('store down\nsecond line of prose');
  });

  it("reads log4j2 JsonLayout's thrown object and its frame objects", () => {
    const e = parseLine(
      JSON.stringify({
        level: 'ERROR',
        loggerName: 'com.acme.Importer',
        message: 'import failed',
        thrown: {
          name: 'java.lang.IllegalArgumentException',
          message: 'bad row',
          extendedStackTrace: [
            { class: 'com.acme.Importer', method: 'parse', file: 'Importer.java', line: 40 },
            { className: 'com.acme.Job', methodName: 'run', lineNumber: 3 },
          ],
        },
      }),
    );
    expect(e.error?.type).toBe('java.lang.IllegalArgumentException');
    expect(e.error?.message).toBe('bad row');
    expect(e.error?.stack).toBe(
      '\tat com.acme.Importer.parse(Importer.java:40)\n\tat com.acme.Job.run(Unknown Source)',
    );
  });

  it('reads the code a text header names before its level as the logger', () => {
    const e = parseLine(
      '2024-05-01T10:05:00.000Z pid=4411 tid=2bq3 class=InvoiceJob ERROR: ActiveRecord::RecordNotFound',
    );
    expect(e.logger).toBe('InvoiceJob');
    expect(e.message).toBe('ActiveRecord::RecordNotFound');
  });

  it('reads journalctl short-iso lines, whose zone has no colon, as syslog', () => {
    const e = parseLine('2024-05-01T10:00:00+0000 inv-a inventory[4411]: ERROR lost the broker');
    expect(e.format).toBe('syslog');
    expect(e.host).toBe('inv-a');
    expect(e.logger).toBe('inventory');
    expect(e.time).toBe('2024-05-01T10:00:00.000Z');
  });

  it("reads Redis's line: its level mark, pid and role kept out of the message", () => {
    const e = parseLine('4411:M 01 May 2024 10:01:00.123 # Failed opening the temp RDB file temp-4411.rdb');
    expect(e.format).toBe('redis');
    expect(e.severity).toBe('warning');
    expect(e.message).toBe('Failed opening the temp RDB file temp-4411.rdb');
    expect(e.context).toMatchObject({ pid: 4411, role: 'M' });
    expect(e.time).toBe('2024-05-01T10:01:00.123Z');
    expect(parseLine('93:S 02 May 2024 04:01:00.555 * Ready to accept connections tcp').severity).toBe(
      'info',
    );
  });

  it("reads Apple's unified log line: type, process, subsystem and category", () => {
    const e = parseLine(
      '2024-05-01 10:00:00.123456+0200 0x1a2b3c   Fault       0x0                  4411   0    Shop: (CFNetwork) [com.acme.shop:sync] upload failed',
    );
    expect(e.format).toBe('oslog');
    expect(e.severity).toBe('fatal');
    expect(e.service).toBe('Shop');
    expect(e.logger).toBe('com.acme.shop:sync');
    expect(e.message).toBe('upload failed');
    expect(e.context).toMatchObject({ pid: 4411, library: 'CFNetwork' });
    expect(e.time).toBe('2024-05-01T08:00:00.123Z');
  });

  it("follows a thrown object's causes as the JVM prints them", () => {
    const e = parseLine(
      JSON.stringify({
        level: 'ERROR',
        message: 'sync failed',
        thrown: {
          name: 'com.acme.SyncException',
          message: 'page failed',
          extendedStackTrace: [{ class: 'com.acme.Pager', method: 'next', file: 'Pager.java', line: 88 }],
          cause: {
            name: 'java.net.SocketTimeoutException',
            message: 'Read timed out',
            extendedStackTrace: [{ class: 'com.acme.Http', method: 'fetch', file: 'Http.java', line: 57 }],
          },
        },
      }),
    );
    expect(e.error?.stack).toBe(
      '\tat com.acme.Pager.next(Pager.java:88)\nCaused by: java.net.SocketTimeoutException: Read timed out\n\tat com.acme.Http.fetch(Http.java:57)',
    );
    expect(e.context['thrown.cause.name']).toBeUndefined();
  });
});
