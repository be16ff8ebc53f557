import { log, ndjson, type PairFormat } from './model.ts';

/** A line as Docker's json-file driver stores it: the line with its newline, the stream, the read time. */
function dockerLine(line: string, time: string, stream = 'stderr'): Record<string, unknown> {
  return { log: `${line}\n`, stream, time };
}

/** Lines as containerd/CRI-O write them under /var/log/pods: time, stream, P(artial)/F(ull) tag, text. */
function cri(time: string, ...lines: string[]): string {
  return log(...lines.map((l) => `${time} stderr F ${l}`));
}

export const containers: PairFormat = {
  format: 'Docker / CRI',
  pairs: [
    {
      name: 'json-file: plain app line, other read time and order id',
      kind: 'same',
      a: ndjson(
        dockerLine(
          '2024-05-01 10:00:00,412 ERROR [worker-3] billing.ledger: posting order 88121 failed: ledger refused the entry (code LEDGER_CLOSED)',
          '2024-05-01T10:00:00.412871233Z',
        ),
      ),
      b: ndjson(
        dockerLine(
          '2024-05-07 22:41:09,007 ERROR [worker-11] billing.ledger: posting order 90 failed: ledger refused the entry (code LEDGER_CLOSED)',
          '2024-05-07T22:41:09.007110042Z',
        ),
      ),
    },
    {
      name: 'json-file: Java stack spread over records, other thread and line numbers',
      kind: 'same',
      a: ndjson(
        dockerLine(
          'Exception in thread "pool-2-thread-4" java.lang.IllegalStateException: queue closed',
          '2024-05-01T10:01:00.100000001Z',
        ),
        dockerLine('\tat com.acme.ingest.Batcher.offer(Batcher.java:118)', '2024-05-01T10:01:00.100000302Z'),
        dockerLine('\tat com.acme.ingest.Reader.run(Reader.java:64)', '2024-05-01T10:01:00.100000403Z'),
        dockerLine('\tat java.base/java.lang.Thread.run(Thread.java:1583)', '2024-05-01T10:01:00.100000504Z'),
      ),
      b: ndjson(
        dockerLine(
          'Exception in thread "pool-7-thread-1" java.lang.IllegalStateException: queue closed',
          '2024-05-03T08:14:55.900000001Z',
        ),
        dockerLine('\tat com.acme.ingest.Batcher.offer(Batcher.java:121)', '2024-05-03T08:14:55.900000302Z'),
        dockerLine('\tat com.acme.ingest.Reader.run(Reader.java:64)', '2024-05-03T08:14:55.900000403Z'),
        dockerLine('\tat java.base/java.lang.Thread.run(Thread.java:840)', '2024-05-03T08:14:55.900000504Z'),
      ),
    },
    {
      name: 'json-file: one exception thrown from two methods',
      kind: 'different',
      a: ndjson(
        dockerLine(
          'Exception in thread "main" java.lang.IllegalStateException: queue closed',
          '2024-05-01T10:02:00.000000001Z',
        ),
        dockerLine('\tat com.acme.ingest.Batcher.offer(Batcher.java:118)', '2024-05-01T10:02:00.000000002Z'),
        dockerLine('\tat com.acme.ingest.Reader.run(Reader.java:64)', '2024-05-01T10:02:00.000000003Z'),
      ),
      b: ndjson(
        dockerLine(
          'Exception in thread "main" java.lang.IllegalStateException: queue closed',
          '2024-05-01T10:02:00.000000001Z',
        ),
        dockerLine('\tat com.acme.ingest.Batcher.drain(Batcher.java:140)', '2024-05-01T10:02:00.000000002Z'),
        dockerLine('\tat com.acme.ingest.Flusher.run(Flusher.java:33)', '2024-05-01T10:02:00.000000003Z'),
      ),
    },
    {
      name: 'json-file: pino record inside, other pid, host and time',
      kind: 'same',
      a: ndjson(
        dockerLine(
          '{"level":50,"time":1714557600123,"pid":17,"hostname":"cart-5f7d9c-abcde","msg":"stock reservation failed","err":{"type":"Error","message":"reservation expired"}}',
          '2024-05-01T10:00:00.123999000Z',
          'stdout',
        ),
      ),
      b: ndjson(
        dockerLine(
          '{"level":50,"time":1714990000456,"pid":1,"hostname":"cart-5f7d9c-zzkq2","msg":"stock reservation failed","err":{"type":"Error","message":"reservation expired"}}',
          '2024-05-06T10:06:40.456111000Z',
          'stdout',
        ),
      ),
    },
    {
      name: 'json-file: reservation expired vs reservation locked',
      kind: 'different',
      a: ndjson(
        dockerLine(
          'time="2024-05-01T10:03:00Z" level=error msg="reserve stock" error="reservation expired"',
          '2024-05-01T10:03:00.000000001Z',
        ),
      ),
      b: ndjson(
        dockerLine(
          'time="2024-05-01T10:03:00Z" level=error msg="reserve stock" error="reservation locked"',
          '2024-05-01T10:03:00.000000001Z',
        ),
      ),
    },
    {
      name: 'CRI: Python traceback, other pod log times and paths',
      kind: 'same',
      a: cri(
        '2024-05-01T10:04:00.183749201Z',
        'Traceback (most recent call last):',
        '  File "/app/worker/tasks.py", line 41, in handle',
        '    total = order["total"]',
        "KeyError: 'total'",
      ),
      b: cri(
        '2024-05-09T03:11:42.000000009+00:00',
        'Traceback (most recent call last):',
        '  File "/srv/worker/tasks.py", line 44, in handle',
        '    total = order["total"]',
        "KeyError: 'total'",
      ),
    },
    {
      name: 'CRI: one exception raised in two functions',
      kind: 'different',
      a: cri(
        '2024-05-01T10:05:00.000000001Z',
        'Traceback (most recent call last):',
        '  File "/app/worker/tasks.py", line 41, in handle',
        "KeyError: 'total'",
      ),
      b: cri(
        '2024-05-01T10:05:00.000000001Z',
        'Traceback (most recent call last):',
        '  File "/app/worker/tasks.py", line 77, in refund',
        "KeyError: 'total'",
      ),
    },
    {
      name: 'CRI: connection refused vs connection reset',
      kind: 'different',
      a: cri(
        '2024-05-01T10:06:00.000000001Z',
        'level=error msg="upstream call failed" err="read tcp 10.1.2.3:41234->10.1.9.9:443: connection refused"',
      ),
      b: cri(
        '2024-05-01T10:06:00.000000001Z',
        'level=error msg="upstream call failed" err="read tcp 10.1.2.3:41234->10.1.9.9:443: connection reset by peer"',
      ),
    },
    {
      name: 'CRI: one error line, other time and peer address',
      kind: 'same',
      a: cri(
        '2024-05-01T10:07:00.000000001Z',
        'level=error msg="upstream call failed" err="read tcp 10.1.2.3:41234->10.1.9.9:443: connection reset by peer"',
      ),
      b: cri(
        '2024-05-02T17:27:31.554019923Z',
        'level=error msg="upstream call failed" err="read tcp 10.1.7.41:60002->10.1.9.12:443: connection reset by peer"',
      ),
    },
    {
      name: 'CRI: a long line split into partial (P) pieces vs written whole',
      kind: 'same',
      a: log(
        '2024-05-01T10:08:00.000000001Z stderr P 2024-05-01 10:08:00 ERROR export: batch upload to the archive bucket ',
        '2024-05-01T10:08:00.000000002Z stderr F failed: AccessDenied (status 403)',
      ),
      b: log(
        '2024-05-01T11:08:00.000000001Z stderr F 2024-05-01 11:08:00 ERROR export: batch upload to the archive bucket failed: AccessDenied (status 403)',
      ),
    },
    {
      name: 'CRI: one message on stdout at two levels',
      kind: 'different',
      a: cri(
        '2024-05-01T10:09:00.000000001Z',
        '2024-05-01 10:09:00 WARN export: archive bucket slow to answer',
      ),
      b: cri(
        '2024-05-01T10:09:00.000000001Z',
        '2024-05-01 10:09:00 ERROR export: archive bucket slow to answer',
      ),
    },
    {
      name: 'json-file: one Go error from two packages',
      kind: 'different',
      a: ndjson(
        dockerLine(
          'level=error msg="flush failed" logger=exporter.s3 err="EOF"',
          '2024-05-01T10:10:00.000000001Z',
        ),
      ),
      b: ndjson(
        dockerLine(
          'level=error msg="flush failed" logger=exporter.gcs err="EOF"',
          '2024-05-01T10:10:00.000000001Z',
        ),
      ),
    },
  ],
};
