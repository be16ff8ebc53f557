/**
 * One test per masking rule (lib/extract/mask.ts): a realistic pair the rule
 * joins (the same failure in other circumstances) and one it keeps apart (two
 * failures of one shape). Lines written for these tests.
 */
import { maskLine } from '#lib/extract/mask';

type Rule = [rule: string, join: [string, string], apart: [string, string]];

const rules: Rule[] = [
  [
    'HTTP statuses after HTTP, status and code',
    [
      '2024-05-01 10:00:00 ERROR sync: GET /v1/users/8812 answered HTTP 503',
      '2024-05-02 11:00:00 ERROR sync: GET /v1/users/17 answered HTTP 503',
    ],
    [
      '2024-05-01 10:00:00 ERROR sync: upstream answered HTTP 403',
      '2024-05-01 10:00:00 ERROR sync: upstream answered HTTP 503',
    ],
  ],
  [
    'status= and "status": fields',
    [
      'level=error msg="probe failed" status=502 took=31ms',
      'level=error msg="probe failed" status=502 took=2.5s',
    ],
    ['level=error msg="probe failed" status=502', 'level=error msg="probe failed" status=504'],
  ],
  [
    'codes in snake and camel case fields',
    [
      'level=error msg="callback failed" http_status=502 attempt=3',
      'level=error msg="callback failed" http_status=502 attempt=7',
    ],
    ['ERROR callback failed responseCode=502', 'ERROR callback failed responseCode=500'],
  ],
  [
    "systemd's exit status with its name",
    [
      'May  1 10:00:00 web-a systemd[1]: worker.service: Main process exited, code=killed, status=9/KILL',
      'May  9 22:10:00 web-b systemd[1]: worker.service: Main process exited, code=killed, status=9/KILL',
    ],
    [
      'May  1 10:00:00 web-a systemd[1]: worker.service: Main process exited, code=killed, status=9/KILL',
      'May  1 10:00:00 web-a systemd[1]: worker.service: Main process exited, code=killed, status=15/TERM',
    ],
  ],
  [
    'lettered codes after code=',
    [
      'at=error code=H12 desc="Request timeout" method=GET path="/reports?from=2024-04-01" request_id=5d1c0f7e dyno=web.3 status=503',
      'at=error code=H12 desc="Request timeout" method=GET path="/reports?from=2023-01-01" request_id=0a9b77e2 dyno=web.1 status=503',
    ],
    [
      'at=error code=H12 method=POST path="/checkout" status=503',
      'at=error code=H13 method=POST path="/checkout" status=503',
    ],
  ],
  [
    'an access-log status after the request line',
    [
      '10.0.0.7 - - [01/May/2024:10:00:00 +0000] "GET /api/orders HTTP/1.1" 502 157 "-" "curl/8.5.0" error',
      '10.0.3.9 - - [02/May/2024:11:12:13 +0000] "GET /api/orders HTTP/1.1" 502 4096 "-" "curl/8.5.0" error',
    ],
    [
      '10.0.0.7 - - [01/May/2024:10:00:00 +0000] "GET /api/orders HTTP/1.1" 502 157 "-" "curl/8.5.0" error',
      '10.0.0.7 - - [01/May/2024:10:00:00 +0000] "GET /api/orders HTTP/1.1" 504 157 "-" "curl/8.5.0" error',
    ],
  ],
  [
    'gRPC code names',
    [
      'ERROR call failed: rpc error: code = Unavailable desc = dial tcp 10.0.0.4:9090: connect: connection refused',
      'ERROR call failed: rpc error: code = Unavailable desc = dial tcp 10.0.9.1:9090: connect: connection refused',
    ],
    [
      'ERROR call failed: rpc error: code = Unavailable',
      'ERROR call failed: rpc error: code = PermissionDenied',
    ],
  ],
  [
    'errno names',
    ['ERROR write /data/chunks/000412.log: ENOSPC', 'ERROR write /data/chunks/009901.log: ENOSPC'],
    ['ERROR write failed: ENOSPC', 'ERROR write failed: EDQUOT'],
  ],
  [
    'errno and error numbers',
    ['ERROR open(/srv/a/1.db) failed, errno 28', 'ERROR open(/srv/b/7.db) failed, errno 28'],
    [
      '[ERROR] InnoDB: Operating system error number 28 in a file operation',
      '[ERROR] InnoDB: Operating system error number 13 in a file operation',
    ],
  ],
  [
    'a number right after the word error, not after the level ERROR',
    [
      '2024-05-01 10:00:00.123 ERROR 4411 --- [main] o.e.Sync : mapping failed, SQL Error: 1062, SQLState: 23000',
      '2024-05-02 11:00:00.456 ERROR 17 --- [main] o.e.Sync : mapping failed, SQL Error: 1062, SQLState: 23000',
    ],
    ['ERROR share mount failed: Win32 error 5', 'ERROR share mount failed: Win32 error 1326'],
  ],
  [
    "an HTTP status in parentheses after error: (.NET's WebException, PowerShell's Invoke-WebRequest)",
    [
      'ERROR sync of tenant 88 failed: The remote server returned an error: (503) Server Unavailable.',
      'ERROR sync of tenant 4012 failed: The remote server returned an error: (503) Server Unavailable.',
    ],
    [
      'ERROR webhook call failed: The remote server returned an error: (502).',
      'ERROR webhook call failed: The remote server returned an error: (504).',
    ],
  ],
  [
    "curl's exit codes and hex codes after code",
    [
      'ERROR probe of 10.0.0.4 failed: curl: (7) Failed to connect',
      'ERROR probe of 10.0.9.1 failed: curl: (7) Failed to connect',
    ],
    ['ERROR driver returned error code 0x2', 'ERROR driver returned error code 0x5'],
  ],
  [
    'Windows HRESULTs and NTSTATUS codes',
    [
      'ERROR COMException (0x80070005) at 0x00007ff6a1b2c3d4: Access is denied',
      'ERROR COMException (0x80070005) at 0x00007ff61122aabb: Access is denied',
    ],
    ['ERROR COMException (0x8007000E): call failed', 'ERROR COMException (0x80004005): call failed'],
  ],
  [
    'product error codes',
    [
      'ERROR ORA-00942: table or view does not exist (session 4411)',
      'ERROR ORA-00942: table or view does not exist (session 17)',
    ],
    ['ERROR ORA-00942: statement failed', 'ERROR ORA-01017: statement failed'],
  ],
  [
    'SQLSTATE after the word',
    [
      'ERROR insert into orders failed, SQLSTATE 23505 (row 8812)',
      'ERROR insert into orders failed, SQLSTATE 23505 (row 4)',
    ],
    ['ERROR insert failed, SQLSTATE 23505', 'ERROR insert failed, SQLSTATE 23503'],
  ],
  [
    'a SQLSTATE leading a verbose Postgres message',
    [
      '2024-05-01 10:00:00.120 UTC [4411] ERROR:  42P01: relation "invoices" does not exist at character 15',
      '2024-05-07 22:00:00.999 UTC [90] ERROR:  42P01: relation "invoices" does not exist at character 15',
    ],
    [
      '2024-05-01 10:00:00 UTC [4411] ERROR:  40P01: deadlock detected',
      '2024-05-01 10:00:00 UTC [4411] ERROR:  40001: deadlock detected',
    ],
  ],
  [
    'exit statuses',
    ['ERROR job 8812 on runner-3 failed: exit status 2', 'ERROR job 17 on runner-9 failed: exit status 2'],
    ['ERROR job failed: exit status 2', 'ERROR job failed: exit status 137'],
  ],
  [
    'exit codes',
    ['ERROR worker 4411 exited with code 137 after 12s', 'ERROR worker 90 exited with code 137 after 3s'],
    ['ERROR worker exited with code 1', 'ERROR worker exited with code 137'],
  ],
  [
    'signal numbers',
    ['ERROR runner-3 job 8812 killed by signal 9', 'ERROR runner-7 job 17 killed by signal 9'],
    ['ERROR job killed by signal 9', 'ERROR job killed by signal 15'],
  ],
  [
    'a logfmt message parameterised, not masked whole',
    [
      'time=2024-05-01T10:00:00Z level=warning msg="user 42 not found"',
      'time=2024-05-02T10:00:00Z level=warning msg="user 97 not found"',
    ],
    [
      'time=2024-05-01T10:00:00Z level=error msg="cannot open journal"',
      'time=2024-05-01T10:00:00Z level=error msg="token expired"',
    ],
  ],
  [
    'err= and desc= read as text, other keys masked whole',
    [
      'level=error msg="upload failed" err="bucket not found" bucket="media-eu" key="u/8812/a.png"',
      'level=error msg="upload failed" err="bucket not found" bucket="media-us" key="u/17/b.png"',
    ],
    [
      'level=error msg="upload failed" err="bucket not found"',
      'level=error msg="upload failed" err="access denied"',
    ],
  ],
  [
    'a name after a noun, a state after it kept',
    ['ERROR login failed for user alice', 'ERROR login failed for user bob'],
    ['ERROR login rejected: account suspended', 'ERROR login rejected: account expired'],
  ],
  [
    'identities as JSON fields read as text',
    [
      '{"level":"error","user":"alice","msg":"quota exceeded"}',
      '{"level":"error","user":"bob","msg":"quota exceeded"}',
    ],
    [
      '{"level":"error","user":"alice","msg":"quota exceeded"}',
      '{"level":"error","user":"alice","msg":"quota reset"}',
    ],
  ],
  [
    'host states kept, host names masked',
    ['ERROR probe failed: host web-a', 'ERROR probe failed: host edge-proxy'],
    ['ERROR probe failed: host unreachable', 'ERROR probe failed: host unknown'],
  ],
  [
    'a logger or component bracket after the level',
    [
      '2024-05-01 10:00:00,001 ERROR [BillingWorker] invoice 8812 not sent',
      '2024-05-09 03:00:00,999 ERROR [BillingWorker] invoice 17 not sent',
    ],
    [
      '2024-05-01 10:00:00,001 ERROR [BillingWorker] job aborted',
      '2024-05-01 10:00:00,001 ERROR [ShippingWorker] job aborted',
    ],
  ],
  [
    'a dotted Python logger bracket kept, a thread bracket masked',
    [
      '2024-05-01 10:00:00,001 WARN [http-nio-8080-exec-3] pool exhausted',
      '2024-05-01 10:00:00,001 WARN [scheduling-1] pool exhausted',
    ],
    [
      '2024-05-01 10:00:00,001 ERROR [payments.refunds] provider down',
      '2024-05-01 10:00:00,001 ERROR [payments.charges] provider down',
    ],
  ],
  [
    'a MySQL error-code bracket after the level kept',
    [
      '2024-05-01T10:00:00.123456Z 12 [ERROR] [MY-010584] [Repl] worker 1 failed',
      '2024-05-03T10:00:00.000001Z 7 [ERROR] [MY-010584] [Repl] worker 3 failed',
    ],
    [
      '2024-05-01T10:00:00Z 12 [ERROR] [MY-010584] [Repl] worker failed',
      '2024-05-01T10:00:00Z 12 [ERROR] [MY-013360] [Repl] worker failed',
    ],
  ],
  [
    'a class= field of a dropped header kept',
    [
      '2024-05-01T10:00:00.000Z pid=4411 tid=2bq3 class=InvoiceJob jid=b81e07 ERROR: Net::ReadTimeout',
      '2024-05-02T10:00:00.000Z pid=77 tid=1xy9 class=InvoiceJob jid=0c3d1e ERROR: Net::ReadTimeout',
    ],
    [
      '2024-05-01T10:00:00.000Z pid=4411 class=InvoiceJob ERROR: Net::ReadTimeout',
      '2024-05-01T10:00:00.000Z pid=4411 class=ReminderJob ERROR: Net::ReadTimeout',
    ],
  ],
  [
    'month names only in dates',
    [
      'Mon May 06 10:00:00 2024 ERROR Marshal failed for Decoder 7',
      'Tue Jun 11 22:13:09 2024 ERROR Marshal failed for Decoder 12',
    ],
    ['ERROR Marshal 3 failed', 'ERROR Junction 3 failed'],
  ],
  [
    'sizes with their units',
    ['WARNING thumbnail source too large: 12.5 MB', 'WARNING thumbnail source too large: 1.2 GB'],
    ['WARNING thumbnail source too large: 12.5 MB', 'WARNING thumbnail source too small: 12.5 MB'],
  ],
  [
    'durations with their units',
    ['ERROR fetch quotes: no answer after 30 seconds', 'ERROR fetch quotes: no answer after 500 ms'],
    ['ERROR fetch quotes: no answer after 30 seconds', 'ERROR fetch rates: no answer after 30 seconds'],
  ],
  [
    "Go's compound durations",
    ['ERROR lease lost: no renewal for 1m30.5s', 'ERROR lease lost: no renewal for 45s'],
    ['ERROR lease lost: no renewal for 1m30.5s', 'ERROR lease kept: no renewal for 1m30.5s'],
  ],
  [
    'kernel sizes in kB',
    [
      'Out of memory: Killed process 4411 (java) total-vm:8123456kB, anon-rss:6123456kB',
      'Out of memory: Killed process 90 (java) total-vm:912 MB, anon-rss:1.2 GB',
    ],
    [
      'Out of memory: Killed process 4411 (java) total-vm:8123456kB',
      'Out of memory: Killed process 4411 (node) total-vm:8123456kB',
    ],
  ],
  [
    "a syslog header's host field",
    [
      'May  1 10:00:00 db-primary-01 postgres[812]: could not write block: No space left',
      'May 14 03:22:19 reporting-db postgres[77]: could not write block: No space left',
    ],
    [
      'May  1 10:00:00 db-primary-01 postgres[812]: could not write block',
      'May  1 10:00:00 db-primary-01 postgres[812]: could not read block',
    ],
  ],
  [
    'pod names, also without digits',
    [
      'ERROR pod shop/api-6d8bcf9d7c-x2kqp failed readiness',
      'ERROR pod shop/api-bcfdd-wqpzt failed readiness',
    ],
    ['ERROR pod api-6d8bcf9d7c-x2kqp failed readiness', 'ERROR pod api-6d8bcf9d7c-x2kqp failed liveness'],
  ],
  [
    "pod names: the workload's name is kept",
    ['ERROR pod shop/api-7fbbdcfdb-wqpzt failed readiness', 'ERROR pod shop/api-xkqpz failed readiness'],
    [
      'ERROR pod shop/api-7fbbdcfdb-wqpzt failed readiness',
      'ERROR pod shop/cart-7fbbdcfdb-wqpzt failed readiness',
    ],
  ],
  [
    'ids, also of letters only',
    ['ERROR lookup failed for request id cafeb', 'ERROR lookup failed for request id 7e1a0'],
    ['ERROR lookup failed for request id cafeb', 'ERROR request id not found'],
  ],
  [
    'a random id after "id", a word after it staying a word',
    ['ERROR session id qXvTzkPa expired', 'ERROR session id RmWqYtNb expired'],
    ['ERROR invalid id format', 'ERROR invalid id length'],
  ],
  [
    'ids as fields',
    ['ERROR posting refused txn_id=bcafe', 'ERROR posting refused txn_id=9c4d1'],
    ['ERROR posting refused txn_id=bcafe', 'ERROR posting accepted late txn_id=bcafe'],
  ],
  [
    'query-string values',
    ['ERROR GET /reports?sort=asc&owner=alice timed out', 'ERROR GET /reports?sort=desc&owner=bob timed out'],
    ['ERROR GET /reports?from=2024-04-01 timed out', 'ERROR GET /reports?until=2024-04-01 timed out'],
  ],
  [
    'the value of a duplicate key',
    [
      "ERROR 1062 (23000): Duplicate entry 'alice' for key 'users.name'",
      "ERROR 1062 (23000): Duplicate entry 'bob' for key 'users.name'",
    ],
    [
      "ERROR 1062 (23000): Duplicate entry 'alice' for key 'users.name'",
      "ERROR 1062 (23000): Duplicate entry 'alice' for key 'users.email'",
    ],
  ],
  [
    "Postgres's key detail",
    [
      'DETAIL:  Key (sku)=(BLUE-MUG) already exists. ERROR',
      'DETAIL:  Key (sku)=(RED-CUP) already exists. ERROR',
    ],
    [
      'DETAIL:  Key (sku)=(BLUE-MUG) already exists. ERROR',
      'DETAIL:  Key (sku)=(BLUE-MUG) is still referenced from table "order_lines". ERROR',
    ],
  ],
  [
    "a JVM object's identity hash",
    [
      'ERROR java.io.NotSerializableException: com.example.shop.Cart@1b6d3586',
      'ERROR java.io.NotSerializableException: com.example.shop.Cart@4554617c',
    ],
    [
      'ERROR java.io.NotSerializableException: com.example.shop.Cart@1b6d3586',
      'ERROR java.io.NotSerializableException: com.example.shop.Order@1b6d3586',
    ],
  ],
  [
    'the holder of a lock',
    ['ERROR dpkg frontend lock is held by process 4411', 'ERROR dpkg frontend lock is held by process 90'],
    ['ERROR dpkg frontend lock is held by process 4411', 'ERROR dpkg status lock is held by process 4411'],
  ],
  [
    'the thread a Rust panic names',
    [
      "thread 'tokio-runtime-worker' panicked at src/parse.rs:88:14:",
      "thread 'main' panicked at src/parse.rs:91:9:",
    ],
    ["thread 'main' panicked at src/parse.rs:88:14:", "thread 'main' panicked at src/load.rs:88:14:"],
  ],
];

describe('masking rules: parameters go, meaning stays', () => {
  it.each(rules)('%s: joins one failure in other circumstances', (_rule, [a, b]) => {
    expect(maskLine(a)).toBe(maskLine(b));
  });

  it.each(rules)('%s: keeps two failures of one shape apart', (_rule, _join, [a, b]) => {
    expect(maskLine(a)).not.toBe(maskLine(b));
  });
});
