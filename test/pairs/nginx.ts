import { log, type PairFormat } from './model.ts';

export const nginx: PairFormat = {
  format: 'nginx/Apache',
  pairs: [
    {
      name: 'nginx upstream refused, other client and request id',
      kind: 'same',
      a: log(
        '2024/05/01 10:00:00 [error] 2231#2231: *81723 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop.example.com, request: "GET /api/cart/8812 HTTP/1.1", upstream: "http://10.0.0.12:8080/api/cart/8812", host: "shop.example.com"',
      ),
      b: log(
        '2024/05/02 18:30:12 [error] 19#19: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.77, server: shop.example.com, request: "GET /api/cart/17 HTTP/1.1", upstream: "http://10.0.0.15:8080/api/cart/17", host: "shop.example.com"',
      ),
    },
    {
      name: 'nginx body too large, other size',
      kind: 'same',
      a: log(
        '2024/05/01 10:01:00 [error] 2231#2231: *90 client intended to send too large body: 10485761 bytes, client: 203.0.113.9, server: upload.example.com, request: "POST /files HTTP/1.1"',
      ),
      b: log(
        '2024/05/01 12:41:09 [error] 2231#2231: *1201 client intended to send too large body: 52428800 bytes, client: 192.0.2.14, server: upload.example.com, request: "POST /files HTTP/1.1"',
      ),
    },
    {
      name: 'Apache AH01071, other pid and client',
      kind: 'same',
      a: log(
        "[Wed May 01 10:02:00.123456 2024] [proxy_fcgi:error] [pid 4411:tid 140212] [client 203.0.113.9:50122] AH01071: Got error 'Primary script unknown'",
      ),
      b: log(
        "[Thu May 02 22:02:17.000001 2024] [proxy_fcgi:error] [pid 18:tid 139001] [client 198.51.100.4:3321] AH01071: Got error 'Primary script unknown'",
      ),
    },
    {
      name: 'nginx refused vs timed out',
      kind: 'different',
      a: log(
        '2024/05/01 10:03:00 [error] 2231#2231: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: shop.example.com',
      ),
      b: log(
        '2024/05/01 10:03:00 [error] 2231#2231: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.9, server: shop.example.com',
      ),
    },
    {
      name: 'Apache AH02032 vs AH02261 from mod_ssl',
      kind: 'different',
      a: log(
        '[Wed May 01 10:04:00.000000 2024] [ssl:error] [pid 4411] AH02032: Hostname provided via SNI and hostname provided via HTTP are different',
      ),
      b: log(
        '[Wed May 01 10:04:00.000000 2024] [ssl:error] [pid 4411] AH02261: Re-negotiation handshake failed',
      ),
    },
    {
      name: 'Apache: denied by configuration vs symlink not allowed, one path',
      kind: 'different',
      a: log(
        '[Wed May 01 10:05:00.000000 2024] [authz_core:error] [pid 4411:tid 140212] [client 203.0.113.9:50122] AH01630: client denied by server configuration: /srv/www/private',
      ),
      b: log(
        '[Wed May 01 10:05:00.000000 2024] [core:error] [pid 4411:tid 140212] [client 203.0.113.9:50122] AH00037: Symbolic link not allowed or link target not accessible: /srv/www/private',
      ),
    },
  ],
};
