/**
 * Access logs written as JSON or logfmt: Rails' lograge, Traefik, Caddy,
 * pino-http, ECS (Filebeat, Elastic APM), Google Cloud's `httpRequest`,
 * nginx's `log_format … escape=json`, a Go service's logfmt. A request answered
 * with a 5xx is a failure whatever level the line says; the route and the
 * status name it, its ids, client, duration and time do not.
 */
import { log, ndjson, type PairFormat } from './model.ts';

const ok = (path: string, ms: number) => ({ method: 'GET', path, format: 'html', status: 200, duration: ms });

export const accessJson: PairFormat = {
  format: 'JSON and logfmt access logs',
  pairs: [
    {
      name: 'lograge: the same action failing for two users',
      kind: 'same',
      a: ndjson(ok('/dashboard', 41.2), {
        method: 'GET',
        path: '/accounts/3318/invoices',
        format: 'json',
        controller: 'InvoicesController',
        action: 'index',
        status: 500,
        duration: 88.02,
        view: 0,
        db: 61.7,
      }),
      b: ndjson(
        {
          method: 'GET',
          path: '/accounts/90412/invoices',
          format: 'json',
          controller: 'InvoicesController',
          action: 'index',
          status: 500,
          duration: 102.4,
          view: 0,
          db: 77.1,
        },
        ok('/settings', 12.9),
      ),
    },
    {
      name: 'lograge: one route answering 500 and 503',
      kind: 'different',
      a: ndjson({ method: 'POST', path: '/checkout', format: 'html', status: 500, duration: 230.5 }),
      b: ndjson({ method: 'POST', path: '/checkout', format: 'html', status: 503, duration: 30004.1 }),
    },
    {
      name: 'Traefik: a backend timing out for two clients, at info',
      kind: 'same',
      a: ndjson({
        ClientHost: '10.4.0.17',
        DownstreamStatus: 504,
        Duration: 30001245110,
        RequestMethod: 'GET',
        RequestPath: '/api/reports/2026-11',
        RouterName: 'reports@docker',
        level: 'info',
        msg: '',
        time: '2026-12-01T09:14:02Z',
      }),
      b: ndjson({
        ClientHost: '10.4.3.201',
        DownstreamStatus: 504,
        Duration: 30000871002,
        RequestMethod: 'GET',
        RequestPath: '/api/reports/2026-12',
        RouterName: 'reports@docker',
        level: 'info',
        msg: '',
        time: '2026-12-01T11:40:57Z',
      }),
    },
    {
      name: 'Traefik: two routes failing',
      kind: 'different',
      a: ndjson({
        DownstreamStatus: 502,
        RequestMethod: 'GET',
        RequestPath: '/api/search',
        level: 'info',
        msg: '',
      }),
      b: ndjson({
        DownstreamStatus: 502,
        RequestMethod: 'GET',
        RequestPath: '/api/catalog',
        level: 'info',
        msg: '',
      }),
    },
    {
      name: 'Caddy: one image route failing at error, other files and hosts',
      kind: 'same',
      a: ndjson({
        level: 'error',
        ts: 1764580442.5521,
        logger: 'http.log.access.log0',
        msg: 'handled request',
        request: {
          remote_ip: '172.18.0.4',
          method: 'GET',
          host: 'cdn.example.net',
          uri: '/thumbs/8812.webp',
        },
        duration: 0.0031,
        status: 502,
      }),
      b: ndjson({
        level: 'error',
        ts: 1764584017.0093,
        logger: 'http.log.access.log0',
        msg: 'handled request',
        request: {
          remote_ip: '172.18.0.9',
          method: 'GET',
          host: 'cdn2.example.net',
          uri: '/thumbs/104.webp',
        },
        duration: 0.0027,
        status: 502,
      }),
    },
    {
      name: 'Caddy: two routes failing',
      kind: 'different',
      a: ndjson({
        level: 'error',
        logger: 'http.log.access.log0',
        msg: 'handled request',
        request: { method: 'POST', uri: '/upload' },
        status: 500,
      }),
      b: ndjson({
        level: 'error',
        logger: 'http.log.access.log0',
        msg: 'handled request',
        request: { method: 'GET', uri: '/download' },
        status: 500,
      }),
    },
    {
      name: 'pino-http: the same request id-laden route at info, other request ids',
      kind: 'same',
      a: ndjson({
        level: 30,
        time: 1764580000123,
        pid: 311,
        hostname: 'api-7c9f',
        req: { id: 'req-41', method: 'PUT', url: '/v1/carts/6a1f/items' },
        res: { statusCode: 500 },
        responseTime: 14,
        msg: 'request completed',
      }),
      b: ndjson({
        level: 30,
        time: 1764583999001,
        pid: 902,
        hostname: 'api-2b11',
        req: { id: 'req-7', method: 'PUT', url: '/v1/carts/90ce/items' },
        res: { statusCode: 500 },
        responseTime: 19,
        msg: 'request completed',
      }),
    },
    {
      name: 'ECS: one route, a 500 against a 502',
      kind: 'different',
      a: ndjson({
        '@timestamp': '2026-12-01T10:00:00.000Z',
        'log.level': 'info',
        message: 'request',
        http: { request: { method: 'GET' }, response: { status_code: 500 } },
        url: { path: '/api/profile' },
      }),
      b: ndjson({
        '@timestamp': '2026-12-01T10:00:00.000Z',
        'log.level': 'info',
        message: 'request',
        http: { request: { method: 'GET' }, response: { status_code: 502 } },
        url: { path: '/api/profile' },
      }),
    },
    {
      name: 'Google Cloud httpRequest: the same route, other hosts and query ids',
      kind: 'same',
      a: ndjson({
        severity: 'INFO',
        httpRequest: {
          requestMethod: 'GET',
          requestUrl: 'https://shop.example.com/orders/77120',
          status: 503,
          latency: '0.012s',
        },
      }),
      b: ndjson({
        severity: 'INFO',
        httpRequest: {
          requestMethod: 'GET',
          requestUrl: 'https://eu.shop.example.com/orders/4009',
          status: 503,
          latency: '0.019s',
        },
      }),
    },
    {
      name: 'nginx escape=json: one route, other methods',
      kind: 'different',
      a: log(
        '{"time":"2026-12-01T10:00:00+00:00","remote_addr":"10.1.1.1","request":"GET /api/files HTTP/1.1","status": "500","body_bytes_sent":"177"}',
      ),
      b: log(
        '{"time":"2026-12-01T10:00:00+00:00","remote_addr":"10.1.1.1","request":"DELETE /api/files HTTP/1.1","status": "500","body_bytes_sent":"177"}',
      ),
    },
    {
      name: 'logfmt access line: the same route for two ids',
      kind: 'same',
      a: log(
        'ts=2026-12-01T10:00:00Z level=info msg="request done" method=GET path=/api/v1/users/1182 status=200 dur=3ms',
        'ts=2026-12-01T10:00:01Z level=info msg="request done" method=GET path=/api/v1/users/1183/avatar status=500 dur=41ms',
      ),
      b: log(
        'ts=2026-12-01T12:30:00Z level=info msg="request done" method=GET path=/api/v1/users/77/avatar status=500 dur=38ms',
      ),
    },
    {
      name: 'logfmt access line: two routes',
      kind: 'different',
      a: log(
        'ts=2026-12-01T10:00:01Z level=info msg="request done" method=GET path=/api/v1/avatar status=500',
      ),
      b: log(
        'ts=2026-12-01T10:00:01Z level=info msg="request done" method=GET path=/api/v1/banner status=500',
      ),
    },
  ],
};
