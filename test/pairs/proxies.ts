import { log, type PairFormat } from './model.ts';

function envoy(
  time: string,
  path: string,
  status: number,
  flags: string,
  id: string,
  upstream: string,
  ms: number,
): string {
  return log(
    `[${time}] "GET ${path} HTTP/1.1" ${status} ${flags} 0 91 ${ms} - "10.0.0.${ms % 200}" "curl/8.5.0" "${id}" "orders.shop.svc:8080" "${upstream}"`,
  );
}

export const proxies: PairFormat = {
  format: 'nginx/Envoy/HAProxy',
  pairs: [
    {
      name: 'nginx: upstream closed prematurely, other client, upstream and request',
      kind: 'same',
      a: log(
        '2024/05/01 10:00:00 [error] 4411#4411: *88121 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.7, server: shop.example.com, request: "GET /api/orders/8812 HTTP/1.1", upstream: "http://10.0.3.7:8080/api/orders/8812", host: "shop.example.com"',
      ),
      b: log(
        '2024/05/03 22:10:59 [error] 31#31: *7 upstream prematurely closed connection while reading response header from upstream, client: 198.51.100.23, server: shop.example.com, request: "GET /api/orders/90 HTTP/2.0", upstream: "http://10.0.3.12:8080/api/orders/90", host: "shop.example.com"',
      ),
    },
    {
      name: 'nginx: bind failed, address in use vs permission denied',
      kind: 'different',
      a: log(
        '2024/05/01 10:01:00 [emerg] 4411#4411: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      ),
      b: log('2024/05/01 10:01:00 [emerg] 4411#4411: bind() to 0.0.0.0:80 failed (13: Permission denied)'),
    },
    {
      name: 'nginx: worker exited on signal, other pid',
      kind: 'same',
      a: log('2024/05/01 10:02:00 [alert] 1#1: worker process 4411 exited on signal 11 (core dumped)'),
      b: log('2024/05/06 03:02:11 [alert] 1#1: worker process 97 exited on signal 11 (core dumped)'),
    },
    {
      name: 'nginx: worker exited on signal 11 vs 9',
      kind: 'different',
      a: log('2024/05/01 10:02:00 [alert] 1#1: worker process 4411 exited on signal 11 (core dumped)'),
      b: log('2024/05/01 10:02:00 [alert] 1#1: worker process 4411 exited on signal 9'),
    },
    {
      name: 'Apache proxy: connection refused to backend, other pid, tid and client',
      kind: 'same',
      a: log(
        '[Wed May 01 10:03:00.123456 2024] [proxy:error] [pid 4411:tid 140234117] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      ),
      b: log(
        '[Fri May 03 23:13:09.000001 2024] [proxy:error] [pid 77:tid 139887001] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8081 (127.0.0.1:8081) failed',
      ),
    },
    {
      name: 'Apache proxy: refused (111) vs timed out (110)',
      kind: 'different',
      a: log(
        '[Wed May 01 10:03:00.123456 2024] [proxy:error] [pid 4411:tid 140234117] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      ),
      b: log(
        '[Wed May 01 10:03:00.123456 2024] [proxy:error] [pid 4411:tid 140234117] (110)Connection timed out: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      ),
    },
    {
      name: 'Apache PHP fatal via fcgi, other client and pid',
      kind: 'same',
      a: log(
        "[Wed May 01 10:04:00.000001 2024] [proxy_fcgi:error] [pid 4411:tid 140234117] [client 203.0.113.7:55012] AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught Error: Call to a member function total() on null in /var/www/shop/src/Cart.php:57'",
      ),
      b: log(
        "[Thu May 02 01:44:00.999999 2024] [proxy_fcgi:error] [pid 98:tid 139001] [client 198.51.100.23:41000] AH01071: Got error 'PHP message: PHP Fatal error:  Uncaught Error: Call to a member function total() on null in /var/www/shop/src/Cart.php:57'",
      ),
    },
    {
      name: 'Envoy access log 503 UF, other request id, upstream host and duration',
      kind: 'same',
      a: envoy(
        '2024-05-01T10:05:00.123Z',
        '/api/orders/8812',
        503,
        'UF',
        '6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718',
        '10.0.3.7:8080',
        30,
      ),
      b: envoy(
        '2024-05-02T19:55:41.009Z',
        '/api/orders/90',
        503,
        'UF',
        'ab12cd34-ef56-7890-ab12-cd34ef567890',
        '10.0.3.19:8080',
        1002,
      ),
    },
    {
      name: 'Envoy access log: 503 UF vs 504 UT',
      kind: 'different',
      a: envoy(
        '2024-05-01T10:05:00.123Z',
        '/api/orders/8812',
        503,
        'UF',
        '6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718',
        '10.0.3.7:8080',
        30,
      ),
      b: envoy(
        '2024-05-01T10:05:00.123Z',
        '/api/orders/8812',
        504,
        'UT',
        '6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718',
        '10.0.3.7:8080',
        30,
      ),
    },
    {
      name: 'HAProxy: server DOWN, other server and check duration',
      kind: 'same',
      a: log(
        'May  1 10:06:00 lb-1 haproxy[4411]: [WARNING]  (4411) : Server be_api/api2 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
      ),
      b: log(
        'May  4 03:16:30 lb-2 haproxy[81]: [WARNING]  (81) : Server be_api/api5 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 1ms. 3 active and 0 backup servers left. 12 sessions active, 2 requeued, 0 remaining in queue.',
      ),
    },
    {
      name: 'HAProxy: Layer4 connection problem vs Layer7 wrong status',
      kind: 'different',
      a: log(
        'May  1 10:06:00 lb-1 haproxy[4411]: [WARNING]  (4411) : Server be_api/api2 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 1 active and 0 backup servers left.',
      ),
      b: log(
        'May  1 10:06:00 lb-1 haproxy[4411]: [WARNING]  (4411) : Server be_api/api2 is DOWN, reason: Layer7 wrong status, code: 500, info: "Internal Server Error", check duration: 3ms. 1 active and 0 backup servers left.',
      ),
    },
    {
      name: 'HAProxy: backend has no server available, other pid',
      kind: 'same',
      a: log(
        "May  1 10:07:00 lb-1 haproxy[4411]: [ALERT]    (4411) : backend 'be_api' has no server available!",
      ),
      b: log("May  9 13:07:00 lb-3 haproxy[12]: [ALERT]    (12) : backend 'be_api' has no server available!"),
    },
    {
      name: 'nginx: SSL handshake failed, two reasons',
      kind: 'different',
      a: log(
        '2024/05/01 10:08:00 [crit] 4411#4411: *12 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 203.0.113.7, server: 0.0.0.0:443',
      ),
      b: log(
        '2024/05/01 10:08:00 [crit] 4411#4411: *12 SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking, client: 203.0.113.7, server: 0.0.0.0:443',
      ),
    },
    {
      name: "an app's word for the upstream's status: 502 vs 503 for one path",
      kind: 'different',
      a: log('2026-12-03 08:00:00,412 ERROR checkout: payment upstream returned 502 for /v2/charges'),
      b: log('2026-12-03 08:00:00,412 ERROR checkout: payment upstream returned 503 for /v2/charges'),
    },
    {
      name: 'a count after the same verb is not a status: other row counts',
      kind: 'same',
      a: log('2026-12-03 08:00:00,412 ERROR ledger: balance query returned 204 rows in 31ms, expected one'),
      b: log('2026-12-03 11:40:02,007 ERROR ledger: balance query returned 3 rows in 8ms, expected one'),
    },
  ],
};
