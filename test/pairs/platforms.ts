/**
 * Structured loggers and cloud platforms: Go slog, Serilog CLEF, .NET's JSON
 * console, Rust tracing, python-json-logger, Django, lograge, Rails 7, Elixir
 * Logger, logstash-logback, OpenTelemetry, Google Cloud Logging, CloudWatch
 * and Lambda, Heroku, Azure, Cloudflare's wrangler, Next.js, Celery,
 * Kubernetes events.
 */
import { log, ndjson, type PairFormat } from './model.ts';

/** Python's json.dumps with its default separators (", " and ": "). */
function pyjson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(pyjson).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${JSON.stringify(k)}: ${pyjson(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v);
}

// ---------------------------------------------------------------- Go slog

const slog: PairFormat = {
  format: 'Go log/slog',
  pairs: [
    {
      name: 'slog JSON: charge failed, other order, time and source line',
      kind: 'same',
      a: ndjson(
        {
          time: '2024-05-01T10:00:00.101234567Z',
          level: 'INFO',
          msg: 'request started',
          method: 'POST',
          path: '/v1/charges',
        },
        {
          time: '2024-05-01T10:00:00.412345678Z',
          level: 'ERROR',
          source: {
            function: 'github.com/acme/billing/internal/pay.(*Service).Charge',
            file: '/src/internal/pay/service.go',
            line: 142,
          },
          msg: 'charge failed',
          order_id: 8812,
          customer: 'cus_Q1w2E3r4',
          err: 'stripe: card_declined: Your card has insufficient funds.',
        },
        {
          time: '2024-05-01T10:00:00.413000001Z',
          level: 'INFO',
          msg: 'request finished',
          method: 'POST',
          path: '/v1/charges',
          status: 402,
          dur: 311654321,
        },
      ),
      b: ndjson(
        {
          time: '2024-05-03T22:14:09.000111222Z',
          level: 'INFO',
          msg: 'request started',
          method: 'POST',
          path: '/v1/charges',
        },
        {
          time: '2024-05-03T22:14:09.250000000Z',
          level: 'ERROR',
          source: {
            function: 'github.com/acme/billing/internal/pay.(*Service).Charge',
            file: '/build/internal/pay/service.go',
            line: 147,
          },
          msg: 'charge failed',
          order_id: 17,
          customer: 'cus_Zz9Yy8Xx',
          err: 'stripe: card_declined: Your card has insufficient funds.',
        },
        {
          time: '2024-05-03T22:14:09.251000000Z',
          level: 'INFO',
          msg: 'request finished',
          method: 'POST',
          path: '/v1/charges',
          status: 402,
          dur: 249888777,
        },
      ),
    },
    {
      name: 'slog JSON: one msg, card declined vs gateway timeout in err',
      kind: 'different',
      a: ndjson({
        time: '2024-05-01T10:00:00.412345678Z',
        level: 'ERROR',
        msg: 'charge failed',
        order_id: 8812,
        err: 'stripe: card_declined: Your card has insufficient funds.',
      }),
      b: ndjson({
        time: '2024-05-01T10:00:00.412345678Z',
        level: 'ERROR',
        msg: 'charge failed',
        order_id: 8812,
        err: 'Post "https://api.stripe.com/v1/charges": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      }),
    },
    {
      name: 'slog text: query failed, other path id, duration and db host',
      kind: 'same',
      a: log(
        'time=2024-05-01T10:00:00.101Z level=INFO msg="request started" method=GET path=/orders/8812',
        'time=2024-05-01T10:00:00.140Z level=ERROR msg="query failed" method=GET path=/orders/8812 dur=38.512ms err="dial tcp 10.0.3.7:5432: connect: connection refused"',
        'time=2024-05-01T10:00:00.141Z level=INFO msg="request finished" method=GET path=/orders/8812 status=500',
      ),
      b: log(
        'time=2024-05-02T04:31:19.900Z level=INFO msg="request started" method=GET path=/orders/17',
        'time=2024-05-02T04:31:19.902Z level=ERROR msg="query failed" method=GET path=/orders/17 dur=1.07ms err="dial tcp 10.0.9.41:5432: connect: connection refused"',
        'time=2024-05-02T04:31:19.903Z level=INFO msg="request finished" method=GET path=/orders/17 status=500',
      ),
    },
    {
      name: 'slog text: upstream status 502 vs 504',
      kind: 'different',
      a: log(
        'time=2024-05-01T10:00:00.140Z level=ERROR msg="upstream request failed" upstream=inventory status=502 err="unexpected status 502 Bad Gateway"',
      ),
      b: log(
        'time=2024-05-01T10:00:00.140Z level=ERROR msg="upstream request failed" upstream=inventory status=504 err="unexpected status 504 Gateway Timeout"',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Serilog CLEF

const x1 = (line: number) =>
  `System.InvalidOperationException: Sequence contains no elements\n   at System.Linq.ThrowHelper.ThrowNoElementsException()\n   at System.Linq.Enumerable.First[TSource](IEnumerable\`1 source)\n   at Shop.Orders.OrderService.LatestFor(Int32 customerId) in /src/Shop/Orders/OrderService.cs:line ${line}\n   at Shop.Api.Controllers.OrdersController.Latest(Int32 id) in /src/Shop.Api/Controllers/OrdersController.cs:line 31`;

const serilog: PairFormat = {
  format: 'Serilog Compact JSON (CLEF)',
  pairs: [
    {
      name: 'CLEF @x exception, other customer, trace and line number',
      kind: 'same',
      a: log(
        '{"@t":"2024-05-01T10:00:00.1012345Z","@mt":"Loading latest order for customer {CustomerId}","CustomerId":8812,"SourceContext":"Shop.Orders.OrderService"}',
        JSON.stringify({
          '@t': '2024-05-01T10:00:00.1234567Z',
          '@mt': 'Could not load latest order for customer {CustomerId}',
          '@l': 'Error',
          '@x': x1(57),
          '@tr': '4bf92f3577b34da6a3ce929d0e0e4736',
          '@sp': '00f067aa0ba902b7',
          CustomerId: 8812,
          SourceContext: 'Shop.Orders.OrderService',
          RequestId: '0HMVD1J4G5P2K:00000003',
        }),
      ),
      b: log(
        '{"@t":"2024-05-04T07:12:40.0000001Z","@mt":"Loading latest order for customer {CustomerId}","CustomerId":17,"SourceContext":"Shop.Orders.OrderService"}',
        JSON.stringify({
          '@t': '2024-05-04T07:12:40.0099999Z',
          '@mt': 'Could not load latest order for customer {CustomerId}',
          '@l': 'Error',
          '@x': x1(61),
          '@tr': '0af7651916cd43dd8448eb211c80319c',
          '@sp': 'b7ad6b7169203331',
          CustomerId: 17,
          SourceContext: 'Shop.Orders.OrderService',
          RequestId: '0HMVE7QK2LM0A:00000011',
        }),
      ),
    },
    {
      name: 'CLEF: one template, InvalidOperationException vs NullReferenceException',
      kind: 'different',
      a: log(
        JSON.stringify({
          '@t': '2024-05-01T10:00:00.1234567Z',
          '@mt': 'Could not load latest order for customer {CustomerId}',
          '@l': 'Error',
          '@x': x1(57),
          CustomerId: 8812,
          SourceContext: 'Shop.Orders.OrderService',
        }),
      ),
      b: log(
        JSON.stringify({
          '@t': '2024-05-01T10:00:00.1234567Z',
          '@mt': 'Could not load latest order for customer {CustomerId}',
          '@l': 'Error',
          '@x': 'System.NullReferenceException: Object reference not set to an instance of an object.\n   at Shop.Orders.OrderService.LatestFor(Int32 customerId) in /src/Shop/Orders/OrderService.cs:line 57\n   at Shop.Api.Controllers.OrdersController.Latest(Int32 id) in /src/Shop.Api/Controllers/OrdersController.cs:line 31',
          CustomerId: 8812,
          SourceContext: 'Shop.Orders.OrderService',
        }),
      ),
    },
    {
      name: 'CLEF request logging: responded 500, other path id and elapsed',
      kind: 'same',
      a: log(
        '{"@t":"2024-05-01T10:00:00.0900000Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@r":["3.1120"],"RequestMethod":"GET","RequestPath":"/healthz","StatusCode":200,"Elapsed":3.112,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestId":"0HMVD1J4G5P2K:00000002","ConnectionId":"0HMVD1J4G5P2K"}',
        '{"@t":"2024-05-01T10:00:00.1300000Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@r":["41.0871"],"@l":"Error","RequestMethod":"GET","RequestPath":"/orders/8812","StatusCode":500,"Elapsed":41.08712,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestId":"0HMVD1J4G5P2K:00000003","ConnectionId":"0HMVD1J4G5P2K"}',
      ),
      b: log(
        '{"@t":"2024-05-02T19:00:00.0100000Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@r":["2.0004"],"RequestMethod":"GET","RequestPath":"/healthz","StatusCode":200,"Elapsed":2.00042,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestId":"0HMVE7QK2LM0A:00000010","ConnectionId":"0HMVE7QK2LM0A"}',
        '{"@t":"2024-05-02T19:00:01.5000000Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@r":["1203.5540"],"@l":"Error","RequestMethod":"GET","RequestPath":"/orders/17","StatusCode":500,"Elapsed":1203.554,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","RequestId":"0HMVE7QK2LM0A:00000011","ConnectionId":"0HMVE7QK2LM0A"}',
      ),
    },
  ],
};

// ---------------------------------------------------------------- .NET JSON console

const kestrel = (conn: string, req: string, exception: string) =>
  JSON.stringify({
    EventId: 13,
    LogLevel: 'Error',
    Category: 'Microsoft.AspNetCore.Server.Kestrel',
    Message: `Connection id "${conn}", Request id "${conn}:${req}": An unhandled exception was thrown by the application.`,
    Exception: exception,
    State: {
      Message: `Connection id "${conn}", Request id "${conn}:${req}": An unhandled exception was thrown by the application.`,
      ConnectionId: conn,
      TraceIdentifier: `${conn}:${req}`,
      '{OriginalFormat}':
        'Connection id "{ConnectionId}", Request id "{TraceIdentifier}": An unhandled exception was thrown by the application.',
    },
  });
const listening =
  '{"EventId":14,"LogLevel":"Information","Category":"Microsoft.Hosting.Lifetime","Message":"Now listening on: http://[::]:8080","State":{"Message":"Now listening on: http://[::]:8080","address":"http://[::]:8080","{OriginalFormat}":"Now listening on: {address}"}}';

const dotnetJson: PairFormat = {
  format: '.NET AddJsonConsole',
  pairs: [
    {
      name: 'Kestrel unhandled exception, other connection id and line numbers',
      kind: 'same',
      a: log(
        listening,
        kestrel(
          '0HN3Q1J4G5P2K',
          '00000003',
          "System.Collections.Generic.KeyNotFoundException: The given key 'sku-8812' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Shop.Catalog.PriceList.PriceOf(String sku) in /src/Shop.Catalog/PriceList.cs:line 44\n   at Shop.Api.Endpoints.CartEndpoints.<>c.<Map>b__0_1(String sku, PriceList prices) in /src/Shop.Api/Endpoints/CartEndpoints.cs:line 19",
        ),
      ),
      b: log(
        listening,
        kestrel(
          '0HN3R7QK2LM0A',
          '00000021',
          "System.Collections.Generic.KeyNotFoundException: The given key 'sku-17' was not present in the dictionary.\n   at System.Collections.Generic.Dictionary`2.get_Item(TKey key)\n   at Shop.Catalog.PriceList.PriceOf(String sku) in /src/Shop.Catalog/PriceList.cs:line 46\n   at Shop.Api.Endpoints.CartEndpoints.<>c.<Map>b__0_1(String sku, PriceList prices) in /src/Shop.Api/Endpoints/CartEndpoints.cs:line 19",
        ),
      ),
    },
    {
      name: 'Kestrel unhandled exception: KeyNotFoundException vs FormatException',
      kind: 'different',
      a: log(
        kestrel(
          '0HN3Q1J4G5P2K',
          '00000003',
          "System.Collections.Generic.KeyNotFoundException: The given key 'sku-8812' was not present in the dictionary.\n   at Shop.Catalog.PriceList.PriceOf(String sku) in /src/Shop.Catalog/PriceList.cs:line 44",
        ),
      ),
      b: log(
        kestrel(
          '0HN3Q1J4G5P2K',
          '00000003',
          "System.FormatException: The input string 'sku-8812' was not in a correct format.\n   at Shop.Catalog.PriceList.PriceOf(String sku) in /src/Shop.Catalog/PriceList.cs:line 44",
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------- Rust tracing

const tracing: PairFormat = {
  format: 'Rust tracing (fmt and JSON)',
  pairs: [
    {
      name: 'fmt with span fields: order load failed, other uri id and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.101234Z  INFO request{method=GET uri=/orders/8812 version=HTTP/1.1}: tower_http::trace::on_request: started processing request',
        '2024-05-01T10:00:00.140001Z ERROR request{method=GET uri=/orders/8812 version=HTTP/1.1}: shop::orders: failed to load order order_id=8812 error=error returned from database: relation "order_lines" does not exist',
        '2024-05-01T10:00:00.140210Z ERROR request{method=GET uri=/orders/8812 version=HTTP/1.1}: tower_http::trace::on_failure: response failed classification=Status code: 500 Internal Server Error latency=38 ms',
      ),
      b: log(
        '2024-05-02T23:59:58.000001Z  INFO request{method=GET uri=/orders/17 version=HTTP/1.1}: tower_http::trace::on_request: started processing request',
        '2024-05-02T23:59:58.002311Z ERROR request{method=GET uri=/orders/17 version=HTTP/1.1}: shop::orders: failed to load order order_id=17 error=error returned from database: relation "order_lines" does not exist',
        '2024-05-02T23:59:58.002400Z ERROR request{method=GET uri=/orders/17 version=HTTP/1.1}: tower_http::trace::on_failure: response failed classification=Status code: 500 Internal Server Error latency=2 ms',
      ),
    },
    {
      name: 'fmt: one message, pool timeout vs relation missing in error field',
      kind: 'different',
      a: log(
        '2024-05-01T10:00:00.140001Z ERROR request{method=GET uri=/orders/8812 version=HTTP/1.1}: shop::orders: failed to load order order_id=8812 error=pool timed out while waiting for an open connection',
      ),
      b: log(
        '2024-05-01T10:00:00.140001Z ERROR request{method=GET uri=/orders/8812 version=HTTP/1.1}: shop::orders: failed to load order order_id=8812 error=error returned from database: relation "order_lines" does not exist',
      ),
    },
    {
      name: 'JSON: upload rejected, other span fields, size and time',
      kind: 'same',
      a: ndjson(
        {
          timestamp: '2024-05-01T10:00:00.101234Z',
          level: 'INFO',
          fields: { message: 'upload started', size: 10485760 },
          target: 'vault::upload',
          span: { bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' },
          spans: [{ bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' }],
        },
        {
          timestamp: '2024-05-01T10:00:01.904812Z',
          level: 'ERROR',
          fields: {
            message: 'upload rejected',
            error: 'service error: SlowDown: Please reduce your request rate.',
            attempts: 3,
          },
          target: 'vault::upload',
          span: { bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' },
          spans: [{ bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' }],
        },
      ),
      b: ndjson(
        {
          timestamp: '2024-05-06T03:12:44.000100Z',
          level: 'INFO',
          fields: { message: 'upload started', size: 733 },
          target: 'vault::upload',
          span: { bucket: 'media-us', key: 'u/17/cv.pdf', name: 'upload' },
          spans: [{ bucket: 'media-us', key: 'u/17/cv.pdf', name: 'upload' }],
        },
        {
          timestamp: '2024-05-06T03:12:44.480000Z',
          level: 'ERROR',
          fields: {
            message: 'upload rejected',
            error: 'service error: SlowDown: Please reduce your request rate.',
            attempts: 5,
          },
          target: 'vault::upload',
          span: { bucket: 'media-us', key: 'u/17/cv.pdf', name: 'upload' },
          spans: [{ bucket: 'media-us', key: 'u/17/cv.pdf', name: 'upload' }],
        },
      ),
    },
    {
      name: 'JSON: upload rejected, SlowDown vs AccessDenied in fields.error',
      kind: 'different',
      a: ndjson({
        timestamp: '2024-05-01T10:00:01.904812Z',
        level: 'ERROR',
        fields: {
          message: 'upload rejected',
          error: 'service error: SlowDown: Please reduce your request rate.',
        },
        target: 'vault::upload',
        span: { bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' },
        spans: [{ bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' }],
      }),
      b: ndjson({
        timestamp: '2024-05-01T10:00:01.904812Z',
        level: 'ERROR',
        fields: { message: 'upload rejected', error: 'service error: AccessDenied: Access Denied' },
        target: 'vault::upload',
        span: { bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' },
        spans: [{ bucket: 'media-eu', key: 'u/8812/avatar.png', name: 'upload' }],
      }),
    },
  ],
};

// ---------------------------------------------------------------- Python

const pjTrace = (root: string, line: number, exc: string) =>
  `Traceback (most recent call last):\n  File "${root}/billing/worker.py", line ${line}, in run\n    receipt = gateway.charge(order)\n  File "${root}/billing/gateway.py", line 88, in charge\n    raise GatewayError(body["error"]["message"])\n${exc}`;

const djangoTrace = (venv: string, viewLine: number, modelLine: number, exc: string) => [
  'Traceback (most recent call last):',
  `  File "${venv}/site-packages/django/core/handlers/exception.py", line 55, in inner`,
  '    response = get_response(request)',
  '               ^^^^^^^^^^^^^^^^^^^^^',
  `  File "${venv}/site-packages/django/core/handlers/base.py", line 197, in _get_response`,
  '    response = wrapped_callback(request, *callback_args, **callback_kwargs)',
  '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
  `  File "/srv/app/orders/views.py", line ${viewLine}, in detail`,
  '    return render(request, "orders/detail.html", {"total": order.total_with_tax()})',
  '                                                           ^^^^^^^^^^^^^^^^^^^^^^',
  `  File "/srv/app/orders/models.py", line ${modelLine}, in total_with_tax`,
  '    return self.subtotal * (1 + self.region.tax_rate)',
  '                                ^^^^^^^^^^^^^^^^^^^^',
  exc,
];

const pythonCloud: PairFormat = {
  format: 'python-json-logger and Django runserver',
  pairs: [
    {
      name: 'python-json-logger exc_info, other checkout, lines and order',
      kind: 'same',
      a: log(
        pyjson({
          asctime: '2024-05-01 10:00:00,101',
          name: 'billing.worker',
          levelname: 'INFO',
          message: 'charging order 8812',
          order_id: 8812,
        }),
        pyjson({
          asctime: '2024-05-01 10:00:00,388',
          name: 'billing.worker',
          levelname: 'ERROR',
          message: 'charge failed for order 8812',
          exc_info: pjTrace('/srv/app', 41, 'billing.gateway.GatewayError: Your card was declined.'),
          order_id: 8812,
        }),
      ),
      b: log(
        pyjson({
          asctime: '2024-05-02 17:45:10,000',
          name: 'billing.worker',
          levelname: 'INFO',
          message: 'charging order 17',
          order_id: 17,
        }),
        pyjson({
          asctime: '2024-05-02 17:45:10,932',
          name: 'billing.worker',
          levelname: 'ERROR',
          message: 'charge failed for order 17',
          exc_info: pjTrace(
            '/opt/billing/releases/20240502',
            44,
            'billing.gateway.GatewayError: Your card was declined.',
          ),
          order_id: 17,
        }),
      ),
    },
    {
      name: 'python-json-logger: one message, GatewayError vs ConnectionError',
      kind: 'different',
      a: log(
        pyjson({
          asctime: '2024-05-01 10:00:00,388',
          name: 'billing.worker',
          levelname: 'ERROR',
          message: 'charge failed for order 8812',
          exc_info: pjTrace('/srv/app', 41, 'billing.gateway.GatewayError: Your card was declined.'),
        }),
      ),
      b: log(
        pyjson({
          asctime: '2024-05-01 10:00:00,388',
          name: 'billing.worker',
          levelname: 'ERROR',
          message: 'charge failed for order 8812',
          exc_info: pjTrace(
            '/srv/app',
            41,
            "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.gateway.example', port=443): Max retries exceeded with url: /v1/charges",
          ),
        }),
      ),
    },
    {
      name: 'Django runserver: Internal Server Error, other order path and venv',
      kind: 'same',
      a: log(
        '[01/May/2024 10:00:00] "GET /static/css/app.css HTTP/1.1" 200 1204',
        'Internal Server Error: /orders/8812/',
        ...djangoTrace(
          '/srv/venv/lib/python3.12',
          31,
          58,
          "AttributeError: 'NoneType' object has no attribute 'tax_rate'",
        ),
        '[01/May/2024 10:00:01] "GET /orders/8812/ HTTP/1.1" 500 84321',
      ),
      b: log(
        '[02/May/2024 18:22:41] "GET /static/css/app.css HTTP/1.1" 304 0',
        'Internal Server Error: /orders/17/',
        ...djangoTrace(
          '/home/dev/.venvs/shop/lib/python3.12',
          33,
          58,
          "AttributeError: 'NoneType' object has no attribute 'tax_rate'",
        ),
        '[02/May/2024 18:22:42] "GET /orders/17/ HTTP/1.1" 500 84002',
      ),
    },
    {
      name: 'Django runserver: AttributeError vs TypeError at one place',
      kind: 'different',
      a: log(
        'Internal Server Error: /orders/8812/',
        ...djangoTrace(
          '/srv/venv/lib/python3.12',
          31,
          58,
          "AttributeError: 'NoneType' object has no attribute 'tax_rate'",
        ),
        '[01/May/2024 10:00:01] "GET /orders/8812/ HTTP/1.1" 500 84321',
      ),
      b: log(
        'Internal Server Error: /orders/8812/',
        ...djangoTrace(
          '/srv/venv/lib/python3.12',
          31,
          58,
          "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        ),
        '[01/May/2024 10:00:01] "GET /orders/8812/ HTTP/1.1" 500 84321',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Ruby

const railsLine = (sev: string, time: string, pid: number, req: string, msg: string) =>
  `${sev[0]}, [${time} #${pid}] ${sev.padStart(5, ' ')} -- : [${req}] ${msg}`;

function railsTemplateError(
  time: string,
  pid: number,
  req: string,
  id: number,
  ms: number,
  attr: string,
  line: number,
) {
  const i = (m: string) => railsLine('INFO', `${time}.100231`, pid, req, m);
  const f = (m: string) => railsLine('FATAL', `${time}.131902`, pid, req, m);
  return log(
    i(`Started GET "/orders/${id}" for 203.0.113.${pid % 200} at 2024-05-01 10:00:00 +0000`),
    i('Processing by OrdersController#show as HTML'),
    i(`  Parameters: {"id"=>"${id}"}`),
    i(
      `  Rendered orders/show.html.erb within layouts/application (Duration: ${ms}.2ms | Allocations: ${1200 + id})`,
    ),
    i(
      `Completed 500 Internal Server Error in ${ms + 9}ms (ActiveRecord: 1.${ms}ms | Allocations: ${5000 + id})`,
    ),
    f('  '),
    f(`ActionView::Template::Error (undefined method \`${attr}' for nil):`),
    f(`    ${line - 1}:   <h1>Order #<%= @order.number %></h1>`),
    f(`    ${line}:   <p class="customer"><%= @order.customer.${attr} %></p>`),
    f(`    ${line + 1}:   <%= render @order.line_items %>`),
    f('  '),
    f(`app/views/orders/show.html.erb:${line}`),
    f("app/controllers/orders_controller.rb:9:in `show'"),
  );
}

const rubyCloud: PairFormat = {
  format: 'lograge, Rails 7 tagged logs, Sidekiq JSON',
  pairs: [
    {
      name: 'lograge key_value error=, other order path and timings',
      kind: 'same',
      a: log(
        'method=GET path=/orders/8811 format=html controller=OrdersController action=show status=200 duration=21.40 view=12.01 db=3.22',
        "method=GET path=/orders/8812 format=html controller=OrdersController action=show status=500 error='NoMethodError: undefined method `name' for nil:NilClass' duration=38.21 view=0.00 db=2.31",
      ),
      b: log(
        'method=GET path=/orders/16 format=html controller=OrdersController action=show status=200 duration=9.80 view=4.44 db=1.02',
        "method=GET path=/orders/17 format=html controller=OrdersController action=show status=500 error='NoMethodError: undefined method `name' for nil:NilClass' duration=112.93 view=0.00 db=40.70",
      ),
    },
    {
      name: 'Rails 7 tagged: ActionView::Template::Error, other request id, order and template line',
      kind: 'same',
      a: railsTemplateError(
        '2024-05-01T10:00:00',
        4411,
        '5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f',
        8812,
        7,
        'name',
        12,
      ),
      b: railsTemplateError(
        '2024-05-03T21:40:19',
        19,
        '0a9b77e2-1111-4c1e-9f00-000000000042',
        17,
        3,
        'name',
        14,
      ),
    },
    {
      name: "Rails 7 tagged: Template::Error, undefined method `name' vs `email'",
      kind: 'different',
      a: railsTemplateError(
        '2024-05-01T10:00:00',
        4411,
        '5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f',
        8812,
        7,
        'name',
        12,
      ),
      b: railsTemplateError(
        '2024-05-01T10:00:00',
        4411,
        '5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f',
        8812,
        7,
        'email',
        12,
      ),
    },
    {
      name: 'Sidekiq JSON: one job, APIConnectionError vs CardError',
      kind: 'different',
      a: ndjson(
        {
          ts: '2024-05-01T10:00:02.312Z',
          pid: 4411,
          tid: '2bq3',
          lvl: 'INFO',
          msg: 'fail',
          ctx: { class: 'InvoiceJob', jid: 'b81e07a3c1d2e3f4a5b6c7d8', elapsed: 2.311 },
        },
        {
          ts: '2024-05-01T10:00:02.313Z',
          pid: 4411,
          tid: '2bq3',
          lvl: 'WARN',
          msg: 'Stripe::APIConnectionError: Unexpected error communicating with Stripe. (Network error: Net::ReadTimeout)',
          ctx: { class: 'InvoiceJob', jid: 'b81e07a3c1d2e3f4a5b6c7d8' },
        },
      ),
      b: ndjson(
        {
          ts: '2024-05-01T10:00:02.312Z',
          pid: 4411,
          tid: '2bq3',
          lvl: 'INFO',
          msg: 'fail',
          ctx: { class: 'InvoiceJob', jid: 'b81e07a3c1d2e3f4a5b6c7d8', elapsed: 2.311 },
        },
        {
          ts: '2024-05-01T10:00:02.313Z',
          pid: 4411,
          tid: '2bq3',
          lvl: 'WARN',
          msg: 'Stripe::CardError: Your card has insufficient funds.',
          ctx: { class: 'InvoiceJob', jid: 'b81e07a3c1d2e3f4a5b6c7d8' },
        },
      ),
    },
  ],
};

// ---------------------------------------------------------------- Elixir Logger

const taskCrash = (t: string, pid: string, row: number, fnHash: string, exc: string) =>
  log(
    `${t} [info] Importer started for feed supplier-eu`,
    `${t} [error] Task ${pid} started from Shop.Importer terminating`,
    exc.replace('{row}', String(row)),
    '    (shop 0.4.1) lib/shop/importer.ex:57: Shop.Importer.parse_row!/1',
    '    (elixir 1.16.2) lib/enum.ex:1700: Enum."-map/2-lists^map/1-1-"/2',
    '    (shop 0.4.1) lib/shop/importer.ex:22: Shop.Importer.run/1',
    '    (elixir 1.16.2) lib/task/supervised.ex:101: Task.Supervised.invoke_mfa/2',
    `Function: #Function<0.${fnHash}/0 in Shop.Importer.start/1>`,
    '    Args: []',
  );

const elixirLogger: PairFormat = {
  format: 'Elixir Logger with metadata',
  pairs: [
    {
      name: 'metadata line: checkout failed, other request id and user',
      kind: 'same',
      a: log(
        '10:00:00.101 request_id=F8a2kQ3x1Yb0AAAB user_id=8812 [info] POST /checkout',
        '10:00:00.140 request_id=F8a2kQ3x1Yb0AAAB user_id=8812 [error] checkout failed: {:error, :insufficient_stock}',
        '10:00:00.141 request_id=F8a2kQ3x1Yb0AAAB user_id=8812 [info] Sent 422 in 39ms',
      ),
      b: log(
        '18:40:12.000 request_id=F8b9zzT0qQAbCDEF user_id=17 [info] POST /checkout',
        '18:40:12.201 request_id=F8b9zzT0qQAbCDEF user_id=17 [error] checkout failed: {:error, :insufficient_stock}',
        '18:40:12.202 request_id=F8b9zzT0qQAbCDEF user_id=17 [info] Sent 422 in 202ms',
      ),
    },
    {
      name: 'metadata line: insufficient_stock vs payment_required',
      kind: 'different',
      a: log(
        '10:00:00.140 request_id=F8a2kQ3x1Yb0AAAB user_id=8812 [error] checkout failed: {:error, :insufficient_stock}',
      ),
      b: log(
        '10:00:00.140 request_id=F8a2kQ3x1Yb0AAAB user_id=8812 [error] checkout failed: {:error, :payment_required}',
      ),
    },
    {
      name: 'Task crash with ** (RuntimeError), other pid, row and fun hash',
      kind: 'same',
      a: taskCrash(
        '10:05:00.001',
        '#PID<0.2104.0>',
        41,
        '93217101',
        '** (RuntimeError) feed returned malformed CSV at row {row}',
      ),
      b: taskCrash(
        '03:17:44.990',
        '#PID<0.988.0>',
        7,
        '11400321',
        '** (RuntimeError) feed returned malformed CSV at row {row}',
      ),
    },
    {
      name: 'Task crash: RuntimeError vs KeyError from one function',
      kind: 'different',
      a: taskCrash(
        '10:05:00.001',
        '#PID<0.2104.0>',
        41,
        '93217101',
        '** (RuntimeError) feed returned malformed CSV at row {row}',
      ),
      b: taskCrash(
        '10:05:00.001',
        '#PID<0.2104.0>',
        41,
        '93217101',
        '** (KeyError) key :sku not found in: %{"name" => "Mug", "price" => "12.00"}',
      ),
    },
  ],
};

// ---------------------------------------------------------------- logstash-logback

const lb = (extra: Record<string, unknown>) => ({
  '@timestamp': '2024-05-01T10:07:00.123+02:00',
  '@version': '1',
  message: 'order sync failed',
  logger_name: 'com.acme.shop.sync.OrderSync',
  thread_name: 'scheduling-1',
  level: 'ERROR',
  level_value: 40000,
  ...extra,
});

const logstashLogback: PairFormat = {
  format: 'logstash-logback-encoder',
  pairs: [
    {
      name: 'caused-by chain, other MDC, thread and line numbers',
      kind: 'same',
      a: ndjson(
        {
          '@timestamp': '2024-05-01T10:06:59.900+02:00',
          '@version': '1',
          message: 'syncing 42 orders',
          logger_name: 'com.acme.shop.sync.OrderSync',
          thread_name: 'scheduling-1',
          level: 'INFO',
          level_value: 20000,
        },
        lb({
          stack_trace:
            'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://erp.internal:8080/api/orders": Read timed out\n\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)\n\tat com.acme.shop.sync.OrderSync.push(OrderSync.java:77)\nCaused by: java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n\t... 12 common frames omitted\n',
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          spanId: '00f067aa0ba902b7',
          tenant: 'eu-7',
        }),
      ),
      b: ndjson(
        {
          '@timestamp': '2024-05-02T03:00:00.001+02:00',
          '@version': '1',
          message: 'syncing 3 orders',
          logger_name: 'com.acme.shop.sync.OrderSync',
          thread_name: 'scheduling-4',
          level: 'INFO',
          level_value: 20000,
        },
        lb({
          '@timestamp': '2024-05-02T03:00:30.055+02:00',
          thread_name: 'scheduling-4',
          stack_trace:
            'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://erp.internal:8080/api/orders": Read timed out\n\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)\n\tat com.acme.shop.sync.OrderSync.push(OrderSync.java:81)\nCaused by: java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n\t... 14 common frames omitted\n',
          traceId: '0af7651916cd43dd8448eb211c80319c',
          spanId: 'b7ad6b7169203331',
          tenant: 'us-2',
        }),
      ),
    },
    {
      name: 'one message, ResourceAccessException vs HttpServerErrorException',
      kind: 'different',
      a: ndjson(
        lb({
          stack_trace:
            'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "http://erp.internal:8080/api/orders": Read timed out\n\tat com.acme.shop.sync.OrderSync.push(OrderSync.java:77)\n',
        }),
      ),
      b: ndjson(
        lb({
          stack_trace:
            'org.springframework.web.client.HttpServerErrorException$InternalServerError: 500 Internal Server Error: [no body]\n\tat com.acme.shop.sync.OrderSync.push(OrderSync.java:77)\n',
        }),
      ),
    },
  ],
};

// ---------------------------------------------------------------- OpenTelemetry

const debugExporter = (o: { t: string; trace: string; pod: string; type: string; msg: string }) =>
  log(
    `${o.t}\tinfo\tLogsExporter\t{"kind": "exporter", "data_type": "logs", "name": "debug", "resource logs": 1, "log records": 1}`,
    `${o.t}\tinfo\tResourceLog #0`,
    'Resource SchemaURL: ',
    'Resource attributes:',
    '     -> service.name: Str(checkout)',
    `     -> k8s.pod.name: Str(${o.pod})`,
    'ScopeLogs #0',
    'ScopeLogs SchemaURL: ',
    'InstrumentationScope com.acme.checkout.pay ',
    'LogRecord #0',
    `ObservedTimestamp: ${o.t.replace('T', ' ').replace('Z', '')} +0000 UTC`,
    `Timestamp: ${o.t.replace('T', ' ').replace('Z', '')} +0000 UTC`,
    'SeverityText: ERROR',
    'SeverityNumber: Error(17)',
    'Body: Str(payment capture failed)',
    'Attributes:',
    `     -> exception.type: Str(${o.type})`,
    `     -> exception.message: Str(${o.msg})`,
    `Trace ID: ${o.trace}`,
    `Span ID: ${o.trace.slice(0, 16)}`,
    'Flags: 1',
    '\t{"kind": "exporter", "data_type": "logs", "name": "debug"}',
  );

const otel: PairFormat = {
  format: 'OpenTelemetry logs',
  pairs: [
    {
      name: 'collector debug exporter: one log record, other pod, trace and time',
      kind: 'same',
      a: debugExporter({
        t: '2024-05-01T10:00:00.123Z',
        trace: '4bf92f3577b34da6a3ce929d0e0e4736',
        pod: 'checkout-6d8bcf9d7c-x2kqp',
        type: 'com.acme.checkout.pay.GatewayException',
        msg: 'gateway answered 502',
      }),
      b: debugExporter({
        t: '2024-05-02T18:44:01.990Z',
        trace: '0af7651916cd43dd8448eb211c80319c',
        pod: 'checkout-7fbbdcfdb-wqpzt',
        type: 'com.acme.checkout.pay.GatewayException',
        msg: 'gateway answered 502',
      }),
    },
    {
      name: 'collector debug exporter: one body, gateway 502 vs capture settled',
      kind: 'different',
      a: debugExporter({
        t: '2024-05-01T10:00:00.123Z',
        trace: '4bf92f3577b34da6a3ce929d0e0e4736',
        pod: 'checkout-6d8bcf9d7c-x2kqp',
        type: 'com.acme.checkout.pay.GatewayException',
        msg: 'gateway answered 502',
      }),
      b: debugExporter({
        t: '2024-05-01T10:00:00.123Z',
        trace: '4bf92f3577b34da6a3ce929d0e0e4736',
        pod: 'checkout-6d8bcf9d7c-x2kqp',
        type: 'java.lang.IllegalStateException',
        msg: 'capture already settled',
      }),
    },
  ],
};

// ---------------------------------------------------------------- Google Cloud Logging

const gcp = (extra: Record<string, unknown>) => ({
  'logging.googleapis.com/trace': 'projects/shop-prod/traces/4bf92f3577b34da6a3ce929d0e0e4736',
  'logging.googleapis.com/spanId': '00f067aa0ba902b7',
  'logging.googleapis.com/trace_sampled': true,
  ...extra,
});

const gcsEntry = (o: { id: string; pod: string; t: string; payload: Record<string, unknown> }) => ({
  insertId: o.id,
  jsonPayload: o.payload,
  resource: {
    type: 'k8s_container',
    labels: {
      project_id: 'shop-prod',
      location: 'europe-west1-b',
      cluster_name: 'prod',
      namespace_name: 'shop',
      pod_name: o.pod,
      container_name: 'web',
    },
  },
  timestamp: o.t,
  severity: 'ERROR',
  labels: { 'k8s-pod/app': 'web', 'compute.googleapis.com/resource_name': 'gke-prod-pool-1-3f1c9a2e-x2kq' },
  logName: 'projects/shop-prod/logs/stderr',
  receiveTimestamp: o.t,
});

const gcpLogging: PairFormat = {
  format: 'Google Cloud Logging',
  pairs: [
    {
      name: 'structured stdout (Cloud Run): Error with stack in message, other trace and order',
      kind: 'same',
      a: ndjson(
        gcp({
          severity: 'INFO',
          message: 'charging order 8812',
          'logging.googleapis.com/labels': { order_id: '8812' },
        }),
        gcp({
          severity: 'ERROR',
          message:
            'Error: payment gateway unreachable\n    at charge (/workspace/src/pay.js:41:11)\n    at async handler (/workspace/src/index.js:18:5)',
          'logging.googleapis.com/labels': { order_id: '8812' },
          'logging.googleapis.com/sourceLocation': { file: 'src/pay.js', line: '41', function: 'charge' },
        }),
      ),
      b: ndjson(
        gcp({
          'logging.googleapis.com/trace': 'projects/shop-prod/traces/0af7651916cd43dd8448eb211c80319c',
          severity: 'INFO',
          message: 'charging order 17',
          'logging.googleapis.com/labels': { order_id: '17' },
        }),
        gcp({
          'logging.googleapis.com/trace': 'projects/shop-prod/traces/0af7651916cd43dd8448eb211c80319c',
          'logging.googleapis.com/spanId': 'b7ad6b7169203331',
          severity: 'ERROR',
          message:
            'Error: payment gateway unreachable\n    at charge (/workspace/src/pay.js:43:11)\n    at async handler (/workspace/src/index.js:18:5)',
          'logging.googleapis.com/labels': { order_id: '17' },
          'logging.googleapis.com/sourceLocation': { file: 'src/pay.js', line: '43', function: 'charge' },
        }),
      ),
    },
    {
      name: 'structured stdout: gateway unreachable vs card declined',
      kind: 'different',
      a: ndjson(
        gcp({
          severity: 'ERROR',
          message: 'Error: payment gateway unreachable\n    at charge (/workspace/src/pay.js:41:11)',
        }),
      ),
      b: ndjson(
        gcp({
          severity: 'ERROR',
          message: 'Error: card declined by issuer\n    at charge (/workspace/src/pay.js:41:11)',
        }),
      ),
    },
    {
      name: 'GCS sink LogEntry jsonPayload, other insertId, pod and time',
      kind: 'same',
      a: ndjson(
        gcsEntry({
          id: '6632f1a0000c4b2a1e5f7d3c',
          pod: 'web-7f9c6d8b5-xk2pq',
          t: '2024-05-01T10:00:00.123456789Z',
          payload: {
            message: 'cache refresh failed: redis: connection pool timeout',
            component: 'catalog',
            attempt: 3,
          },
        }),
      ),
      b: ndjson(
        gcsEntry({
          id: '66340b1f00091d7e2a0b3c4d',
          pod: 'web-7f9c6d8b5-mn8vt',
          t: '2024-05-02T06:31:09.000000001Z',
          payload: {
            message: 'cache refresh failed: redis: connection pool timeout',
            component: 'catalog',
            attempt: 1,
          },
        }),
      ),
    },
    {
      name: 'GCS sink LogEntry: pool timeout vs OOM command not allowed',
      kind: 'different',
      a: ndjson(
        gcsEntry({
          id: '6632f1a0000c4b2a1e5f7d3c',
          pod: 'web-7f9c6d8b5-xk2pq',
          t: '2024-05-01T10:00:00.123456789Z',
          payload: { message: 'cache refresh failed: redis: connection pool timeout', component: 'catalog' },
        }),
      ),
      b: ndjson(
        gcsEntry({
          id: '6632f1a0000c4b2a1e5f7d3c',
          pod: 'web-7f9c6d8b5-xk2pq',
          t: '2024-05-01T10:00:00.123456789Z',
          payload: {
            message: "cache refresh failed: OOM command not allowed when used memory > 'maxmemory'.",
            component: 'catalog',
          },
        }),
      ),
    },
  ],
};

// ---------------------------------------------------------------- CloudWatch / Lambda

const tail = (t: string, stream: string, msg: string) => `${t} 2024/05/01/[$LATEST]${stream} ${msg}`;

const nodeImport = (t: string, mod: string, l: number) =>
  `${t}\tundefined\tERROR\tUncaught Exception \t${JSON.stringify({
    errorType: 'Runtime.ImportModuleError',
    errorMessage: `Error: Cannot find module '${mod}'\nRequire stack:\n- /var/task/index.js\n- /var/runtime/index.mjs`,
    stack: [
      `Runtime.ImportModuleError: Error: Cannot find module '${mod}'`,
      'Require stack:',
      '- /var/task/index.js',
      '- /var/runtime/index.mjs',
      `    at _loadUserApp (file:///var/runtime/index.mjs:${l}:17)`,
      `    at async UserFunction.js.module.exports.load (file:///var/runtime/index.mjs:${l + 32}:21)`,
      `    at async start (file:///var/runtime/index.mjs:${l + 195}:23)`,
      `    at async file:///var/runtime/index.mjs:${l + 201}:1`,
    ],
  })}`;

const cloudwatch: PairFormat = {
  format: 'CloudWatch Logs / Lambda',
  pairs: [
    {
      name: '`aws logs tail`: Python Lambda uncaught KeyError, other stream, request id and time',
      kind: 'same',
      a: log(
        tail(
          '2024-05-01T10:00:00.101000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'START RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Version: $LATEST',
        ),
        tail(
          '2024-05-01T10:00:00.140000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          "[ERROR] KeyError: 'Records'",
        ),
        'Traceback (most recent call last):',
        '  File "/var/task/lambda_function.py", line 9, in lambda_handler',
        "    for record in event['Records']:",
        tail(
          '2024-05-01T10:00:00.141000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'END RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        ),
        tail(
          '2024-05-01T10:00:00.141000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'REPORT RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tDuration: 39.12 ms\tBilled Duration: 40 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB\t',
        ),
      ),
      b: log(
        tail(
          '2024-05-01T23:41:07.000000+00:00',
          '0a9b77e21111c4e19f00000000000042',
          'START RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60 Version: $LATEST',
        ),
        tail(
          '2024-05-01T23:41:07.002000+00:00',
          '0a9b77e21111c4e19f00000000000042',
          "[ERROR] KeyError: 'Records'",
        ),
        'Traceback (most recent call last):',
        '  File "/var/task/lambda_function.py", line 11, in lambda_handler',
        "    for record in event['Records']:",
        tail(
          '2024-05-01T23:41:07.003000+00:00',
          '0a9b77e21111c4e19f00000000000042',
          'END RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60',
        ),
        tail(
          '2024-05-01T23:41:07.003000+00:00',
          '0a9b77e21111c4e19f00000000000042',
          'REPORT RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60\tDuration: 2.01 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t',
        ),
      ),
    },
    {
      name: '`aws logs tail --filter-pattern REPORT`: Status error Runtime.OutOfMemory vs Status timeout',
      kind: 'different',
      a: log(
        tail(
          '2024-05-01T10:00:02.945000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'REPORT RequestId: 0a9b77e2-1111-4c1e-9f00-000000000041\tDuration: 212.40 ms\tBilled Duration: 213 ms\tMemory Size: 512 MB\tMax Memory Used: 301 MB\t',
        ),
        tail(
          '2024-05-01T10:00:05.101000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'REPORT RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tDuration: 2843.12 ms\tBilled Duration: 2844 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\tStatus: error\tError Type: Runtime.OutOfMemory',
        ),
      ),
      b: log(
        tail(
          '2024-05-01T10:00:02.945000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'REPORT RequestId: 0a9b77e2-1111-4c1e-9f00-000000000041\tDuration: 212.40 ms\tBilled Duration: 213 ms\tMemory Size: 512 MB\tMax Memory Used: 301 MB\t',
        ),
        tail(
          '2024-05-01T10:00:05.101000+00:00',
          '8f3e2a1b0c9d4e5f8a7b6c5d4e3f2a1b',
          'REPORT RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 512 MB\tMax Memory Used: 301 MB\tStatus: timeout',
        ),
      ),
    },
    {
      name: 'Node Runtime.ImportModuleError + INIT_REPORT, other time and runtime line numbers',
      kind: 'same',
      a: log(
        'INIT_START Runtime Version: nodejs:20.v22\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:2a1b3c4d5e6f',
        nodeImport('2024-05-01T10:00:00.231Z', 'axios', 1087),
        'INIT_REPORT Init Duration: 231.45 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
      ),
      b: log(
        'INIT_START Runtime Version: nodejs:20.v31\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:9f8e7d6c5b4a',
        nodeImport('2024-05-03T08:12:00.004Z', 'axios', 1132),
        'INIT_REPORT Init Duration: 198.02 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
      ),
    },
    {
      name: "Python Runtime.ImportModuleError: no module 'requests' vs 'psycopg2'",
      kind: 'different',
      a: log(
        "[ERROR] Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named 'requests'",
        'Traceback (most recent call last):',
        'INIT_REPORT Init Duration: 412.55 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
      ),
      b: log(
        "[ERROR] Runtime.ImportModuleError: Unable to import module 'lambda_function': No module named 'psycopg2'",
        'Traceback (most recent call last):',
        'INIT_REPORT Init Duration: 412.55 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
      ),
    },
    {
      name: 'S3 export: Runtime.ExitError after OOM kill, other request id and memory',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.101Z START RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Version: 14',
        '2024-05-01T10:00:02.944Z RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Error: Runtime exited with error: signal: killed',
        'Runtime.ExitError',
        '2024-05-01T10:00:02.945Z END RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        '2024-05-01T10:00:02.945Z REPORT RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tDuration: 2843.12 ms\tBilled Duration: 2844 ms\tMemory Size: 512 MB\tMax Memory Used: 512 MB\t',
      ),
      b: log(
        '2024-05-04T19:20:00.000Z START RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60 Version: 15',
        '2024-05-04T19:20:09.512Z RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60 Error: Runtime exited with error: signal: killed',
        'Runtime.ExitError',
        '2024-05-04T19:20:09.513Z END RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60',
        '2024-05-04T19:20:09.513Z REPORT RequestId: 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60\tDuration: 9411.80 ms\tBilled Duration: 9412 ms\tMemory Size: 1024 MB\tMax Memory Used: 1024 MB\t',
      ),
    },
  ],
};

// ---------------------------------------------------------------- Heroku

const hk = (t: string, src: string, msg: string) => `2024-05-${t}+00:00 ${src}: ${msg}`;

const heroku: PairFormat = {
  format: 'Heroku',
  pairs: [
    {
      name: 'H10 App crashed after crash, other request, client and time',
      kind: 'same',
      a: log(
        hk('01T09:59:58.101234', 'app[web.1]', "Error: Cannot find module '/app/dist/server.js'"),
        hk('01T09:59:58.300000', 'heroku[web.1]', 'Process exited with status 1'),
        hk('01T09:59:58.350000', 'heroku[web.1]', 'State changed from starting to crashed'),
        hk(
          '01T10:00:00.123456',
          'heroku[router]',
          'at=error code=H10 desc="App crashed" method=GET path="/" host=shop-prod.herokuapp.com request_id=5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f fwd="203.0.113.9" dyno= connect= service= status=503 bytes= protocol=https',
        ),
      ),
      b: log(
        hk('02T22:10:01.000001', 'app[web.1]', "Error: Cannot find module '/app/dist/server.js'"),
        hk('02T22:10:01.210000', 'heroku[web.1]', 'Process exited with status 1'),
        hk('02T22:10:01.250000', 'heroku[web.1]', 'State changed from starting to crashed'),
        hk(
          '02T22:10:05.777000',
          'heroku[router]',
          'at=error code=H10 desc="App crashed" method=GET path="/favicon.ico" host=shop-prod.herokuapp.com request_id=0a9b77e2-1111-4c1e-9f00-000000000042 fwd="198.51.100.4" dyno= connect= service= status=503 bytes= protocol=https',
        ),
      ),
    },
    {
      name: 'H10 App crashed vs H14 No web processes running',
      kind: 'different',
      a: log(
        hk(
          '01T10:00:00.123456',
          'heroku[router]',
          'at=error code=H10 desc="App crashed" method=GET path="/" host=shop-prod.herokuapp.com request_id=5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f fwd="203.0.113.9" dyno= connect= service= status=503 bytes= protocol=https',
        ),
      ),
      b: log(
        hk(
          '01T10:00:00.123456',
          'heroku[router]',
          'at=error code=H14 desc="No web processes running" method=GET path="/" host=shop-prod.herokuapp.com request_id=5d1c0f7e-9a1b-4c2d-8e3f-0a1b2c3d4e5f fwd="203.0.113.9" dyno= connect= service= status=503 bytes= protocol=https',
        ),
      ),
    },
    {
      name: 'R10 boot timeout, other dyno and time',
      kind: 'same',
      a: log(
        hk('01T10:00:00.000000', 'heroku[web.1]', 'Starting process with command `node dist/server.js`'),
        hk(
          '01T10:01:00.412000',
          'heroku[web.1]',
          'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
        ),
        hk('01T10:01:00.430000', 'heroku[web.1]', 'Stopping process with SIGKILL'),
        hk('01T10:01:00.600000', 'heroku[web.1]', 'Process exited with status 137'),
        hk('01T10:01:00.650000', 'heroku[web.1]', 'State changed from starting to crashed'),
      ),
      b: log(
        hk('03T04:00:10.000000', 'heroku[web.3]', 'Starting process with command `node dist/server.js`'),
        hk(
          '03T04:01:10.011000',
          'heroku[web.3]',
          'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch',
        ),
        hk('03T04:01:10.020000', 'heroku[web.3]', 'Stopping process with SIGKILL'),
        hk('03T04:01:10.199000', 'heroku[web.3]', 'Process exited with status 137'),
        hk('03T04:01:10.230000', 'heroku[web.3]', 'State changed from starting to crashed'),
      ),
    },
    {
      name: 'R14 memory quota exceeded vs R15 vastly exceeded',
      kind: 'different',
      a: log(
        hk('01T10:00:00.000000', 'heroku[worker.1]', 'Process running mem=612M(119.6%)'),
        hk('01T10:00:00.000000', 'heroku[worker.1]', 'Error R14 (Memory quota exceeded)'),
      ),
      b: log(
        hk('01T10:00:00.000000', 'heroku[worker.1]', 'Process running mem=1100M(214.8%)'),
        hk('01T10:00:00.000000', 'heroku[worker.1]', 'Error R15 (Memory quota vastly exceeded)'),
        hk('01T10:00:00.000000', 'heroku[worker.1]', 'Stopping process with SIGKILL'),
      ),
    },
  ],
};

// ---------------------------------------------------------------- Azure

const fnRun = (t: string, id: string, ms: number, inner: string) =>
  log(
    `[${t}.101Z] Executing 'Functions.ProcessOrder' (Reason='New queue message detected on 'orders'.', Id=${id})`,
    `[${t}.102Z] Trigger Details: MessageId: ${id.split('').reverse().join('')}, DequeueCount: 1, InsertedOn: ${t}.000+00:00`,
    `[${t}.230Z] Processing order message`,
    `[${t}.240Z] Executed 'Functions.ProcessOrder' (Failed, Id=${id}, Duration=${ms}ms)`,
    `[${t}.240Z] System.Private.CoreLib: Exception while executing function: Functions.ProcessOrder. ${inner}`,
  );

const appSvc = (t: string, c: string, last: string) =>
  log(
    `${t}:00.101Z INFO  - Starting container for site`,
    `${t}:00.102Z INFO  - docker run -d --expose=8080 --name ${c} -e WEBSITES_ENABLE_APP_SERVICE_STORAGE=false -e WEBSITES_PORT=8080 -e WEBSITE_SITE_NAME=shop-web -e WEBSITE_AUTH_ENABLED=False -e PORT=8080 shopacr.azurecr.io/shop/web:1.4.2`,
    `${t}:01.500Z INFO  - Initiating warmup request to container ${c} for site shop-web`,
    `${t}:43.900Z ${last.replace('{c}', c)}`,
    `${t}:43.950Z INFO  - Stopping site shop-web because it failed during startup.`,
  );

const azure: PairFormat = {
  format: 'Azure Functions / App Service',
  pairs: [
    {
      name: 'Functions host: execution failed, other invocation id, duration and order',
      kind: 'same',
      a: fnRun(
        '2024-05-01T10:00:00',
        '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        139,
        'Shop.Functions: Order 8812 has no shipping address.',
      ),
      b: fnRun(
        '2024-05-02T13:44:09',
        '77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60',
        2041,
        'Shop.Functions: Order 17 has no shipping address.',
      ),
    },
    {
      name: 'Functions host: no shipping address vs blob container missing',
      kind: 'different',
      a: fnRun(
        '2024-05-01T10:00:00',
        '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        139,
        'Shop.Functions: Order 8812 has no shipping address.',
      ),
      b: fnRun(
        '2024-05-01T10:00:00',
        '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        139,
        'Azure.Storage.Blobs: The specified container does not exist.',
      ),
    },
    {
      name: 'App Service: container exited, other container id and time',
      kind: 'same',
      a: appSvc(
        '2024-05-01T10:00',
        'shop-web_0_ab12cd34',
        'ERROR - Container {c} for site shop-web has exited, failing site start',
      ),
      b: appSvc(
        '2024-05-03T06:12',
        'shop-web_1_9f8e7d6c',
        'ERROR - Container {c} for site shop-web has exited, failing site start',
      ),
    },
    {
      name: "App Service: container exited vs didn't respond to HTTP pings",
      kind: 'different',
      a: appSvc(
        '2024-05-01T10:00',
        'shop-web_0_ab12cd34',
        'ERROR - Container {c} for site shop-web has exited, failing site start',
      ),
      b: appSvc(
        '2024-05-01T10:00',
        'shop-web_0_ab12cd34',
        "ERROR - Container {c} didn't respond to HTTP pings on port: 8080, failing site start. See container logs for debugging.",
      ),
    },
  ],
};

// ---------------------------------------------------------------- Cloudflare Workers

const wt = (o: {
  outcome: string;
  ray: string;
  t: number;
  url: string;
  exc: { name: string; message: string }[];
  cart: number;
  status?: number;
}) =>
  log(
    JSON.stringify(
      {
        outcome: o.outcome,
        scriptName: 'shop-edge',
        diagnosticsChannelEvents: [],
        exceptions: o.exc.map((e) => ({ ...e, timestamp: o.t + 12 })),
        logs: [{ message: ['fetching cart', o.cart], level: 'log', timestamp: o.t + 3 }],
        eventTimestamp: o.t,
        event: {
          request: {
            url: o.url,
            method: 'GET',
            headers: { 'cf-ray': o.ray, 'user-agent': 'Mozilla/5.0', 'x-forwarded-proto': 'https' },
            cf: { colo: o.ray.slice(-3), country: 'DE', asn: 3320 },
          },
          ...(o.status ? { response: { status: o.status } } : {}),
        },
        id: 0,
      },
      null,
      2,
    ),
  );

const wtPretty = (t: string, cart: number, err: string) =>
  log(
    'Successfully created tail, expires at 2024-05-01T16:00:00Z',
    'Connected to shop-edge, waiting for logs...',
    `GET https://shop.example.com/cart/${cart - 1} - Ok @ 5/1/2024, ${t} AM`,
    `  (log) cart loaded ${cart - 1}`,
    `GET https://shop.example.com/cart/${cart} - Exception Thrown @ 5/1/2024, ${t} AM`,
    `  (log) fetching cart ${cart}`,
    `✘ [ERROR]   ${err}`,
    '',
  );

const wrangler: PairFormat = {
  format: 'Cloudflare wrangler tail',
  pairs: [
    {
      name: '--format json: exception outcome, other ray, cart and time',
      kind: 'same',
      a: wt({
        outcome: 'exception',
        ray: '88a1b2c3d4e5f601-FRA',
        t: 1714557600090,
        url: 'https://shop.example.com/cart/8812',
        cart: 8812,
        exc: [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'items')" }],
      }),
      b: wt({
        outcome: 'exception',
        ray: '88f0e1d2c3b4a596-AMS',
        t: 1714640000001,
        url: 'https://shop.example.com/cart/17',
        cart: 17,
        exc: [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'items')" }],
      }),
    },
    {
      name: '--format json: exception outcome vs exceededCpu outcome',
      kind: 'different',
      a: wt({
        outcome: 'exception',
        ray: '88a1b2c3d4e5f601-FRA',
        t: 1714557600090,
        url: 'https://shop.example.com/cart/8812',
        cart: 8812,
        exc: [{ name: 'TypeError', message: "Cannot read properties of undefined (reading 'items')" }],
      }),
      b: wt({
        outcome: 'exceededCpu',
        ray: '88a1b2c3d4e5f601-FRA',
        t: 1714557600090,
        url: 'https://shop.example.com/cart/8812',
        cart: 8812,
        exc: [],
      }),
    },
    {
      name: '--format pretty: TypeError vs RangeError thrown',
      kind: 'different',
      a: wtPretty('10:00:00', 8812, "TypeError: Cannot read properties of undefined (reading 'items')"),
      b: wtPretty('10:00:00', 8812, 'RangeError: Invalid time value'),
    },
  ],
};

// ---------------------------------------------------------------- Next.js / Vercel

const nextErr = (reading: string, chunk: number, col: number, digest: string) =>
  log(
    '  ▲ Next.js 14.2.3',
    '  - Local:        http://localhost:3000',
    '',
    ' ✓ Ready in 412ms',
    ` ⨯ TypeError: Cannot read properties of undefined (reading '${reading}')`,
    `    at ProductGrid (/var/task/.next/server/chunks/${chunk}.js:1:${col})`,
    `    at nj (/var/task/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js:12:46252)`,
    `    at nM (/var/task/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js:12:47572)`,
    '    at nN (/var/task/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js:12:64547) {',
    `  digest: '${digest}'`,
    '}',
  );

const nextjs: PairFormat = {
  format: 'Next.js on Vercel',
  pairs: [
    {
      name: 'server component TypeError with digest, other build chunk, column and digest',
      kind: 'same',
      a: nextErr('map', 884, 4821, '1683205915'),
      b: nextErr('map', 912, 5033, '3302519772'),
    },
    {
      name: "server component TypeError: reading 'map' vs 'price'",
      kind: 'different',
      a: nextErr('map', 884, 4821, '1683205915'),
      b: nextErr('price', 884, 4821, '1683205915'),
    },
  ],
};

// ---------------------------------------------------------------- Celery

const celery: PairFormat = {
  format: 'Celery worker',
  pairs: [
    {
      name: 'task retry line, other task id, worker and countdown',
      kind: 'same',
      a: log(
        '[2024-05-01 10:00:00,001: INFO/MainProcess] Task billing.tasks.charge[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] received',
        "[2024-05-01 10:00:00,402: INFO/ForkPoolWorker-2] Task billing.tasks.charge[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] retry: Retry in 60s: ConnectionError('gateway unreachable')",
      ),
      b: log(
        '[2024-05-02 23:10:11,500: INFO/MainProcess] Task billing.tasks.charge[00aa11bb-22cc-33dd-44ee-55ff66778899] received',
        "[2024-05-02 23:10:12,003: INFO/ForkPoolWorker-7] Task billing.tasks.charge[00aa11bb-22cc-33dd-44ee-55ff66778899] retry: Retry in 480s: ConnectionError('gateway unreachable')",
      ),
    },
    {
      name: 'hard time limit kill vs worker lost (OOM kill)',
      kind: 'different',
      a: log(
        '[2024-05-01 10:00:00,001: INFO/MainProcess] Task reports.tasks.export[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] received',
        '[2024-05-01 10:05:00,004: ERROR/MainProcess] Hard time limit (300s) exceeded for reports.tasks.export[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718]',
        "[2024-05-01 10:05:00,120: ERROR/MainProcess] Process 'ForkPoolWorker-3' pid:4411 exited with 'signal 9 (SIGKILL)'",
      ),
      b: log(
        '[2024-05-01 10:00:00,001: INFO/MainProcess] Task reports.tasks.export[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] received',
        "[2024-05-01 10:05:00,120: ERROR/MainProcess] Process 'ForkPoolWorker-3' pid:4411 exited with 'signal 9 (SIGKILL)'",
        "[2024-05-01 10:05:00,131: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 12.')",
      ),
    },
  ],
};

// ---------------------------------------------------------------- events.k8s.io/v1

const k8sEv = (o: {
  pod: string;
  node: string;
  uid: string;
  count: number;
  t: string;
  reason: string;
  note: string;
}) =>
  JSON.stringify({
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: {
      name: `${o.pod}.17c9a1b2c3d4e5f6`,
      namespace: 'shop',
      uid: o.uid,
      resourceVersion: String(80000 + o.count),
      creationTimestamp: o.t,
    },
    eventTime: null,
    reportingController: 'kubelet',
    reportingInstance: o.node,
    action: '',
    reason: o.reason,
    regarding: {
      kind: 'Pod',
      namespace: 'shop',
      name: o.pod,
      uid: o.uid,
      apiVersion: 'v1',
      resourceVersion: '71234',
      fieldPath: 'spec.containers{web}',
    },
    note: o.note,
    type: 'Warning',
    deprecatedSource: { component: 'kubelet', host: o.node },
    deprecatedFirstTimestamp: o.t,
    deprecatedLastTimestamp: o.t,
    deprecatedCount: o.count,
  });

const k8sEventsV1: PairFormat = {
  format: 'events.k8s.io/v1 JSON',
  pairs: [
    {
      name: 'BackOff, other pod, node, uid and count',
      kind: 'same',
      a: log(
        k8sEv({
          pod: 'web-7f9c6d8b5-xk2pq',
          node: 'ip-10-0-3-7.eu-west-1.compute.internal',
          uid: '4c49a40c-870f-4018-a567-b1c5533197d7',
          count: 37,
          t: '2024-05-01T10:00:00Z',
          reason: 'BackOff',
          note: 'Back-off restarting failed container web in pod web-7f9c6d8b5-xk2pq_shop(4c49a40c-870f-4018-a567-b1c5533197d7)',
        }),
      ),
      b: log(
        k8sEv({
          pod: 'web-7f9c6d8b5-mn8vt',
          node: 'ip-10-0-9-41.eu-west-1.compute.internal',
          uid: 'e71d6110-317e-41a5-a528-4ba3faefadef',
          count: 2,
          t: '2024-05-02T04:11:09Z',
          reason: 'BackOff',
          note: 'Back-off restarting failed container web in pod web-7f9c6d8b5-mn8vt_shop(e71d6110-317e-41a5-a528-4ba3faefadef)',
        }),
      ),
    },
    {
      name: 'Failed: ErrImagePull not found vs unauthorized',
      kind: 'different',
      a: log(
        k8sEv({
          pod: 'web-7f9c6d8b5-xk2pq',
          node: 'ip-10-0-3-7.eu-west-1.compute.internal',
          uid: '4c49a40c-870f-4018-a567-b1c5533197d7',
          count: 3,
          t: '2024-05-01T10:00:00Z',
          reason: 'Failed',
          note: 'Failed to pull image "registry.example.com/shop/web:1.4.2": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/shop/web:1.4.2": failed to resolve reference "registry.example.com/shop/web:1.4.2": registry.example.com/shop/web:1.4.2: not found',
        }),
      ),
      b: log(
        k8sEv({
          pod: 'web-7f9c6d8b5-xk2pq',
          node: 'ip-10-0-3-7.eu-west-1.compute.internal',
          uid: '4c49a40c-870f-4018-a567-b1c5533197d7',
          count: 3,
          t: '2024-05-01T10:00:00Z',
          reason: 'Failed',
          note: 'Failed to pull image "registry.example.com/shop/web:1.4.2": rpc error: code = Unknown desc = failed to pull and unpack image "registry.example.com/shop/web:1.4.2": failed to resolve reference "registry.example.com/shop/web:1.4.2": unexpected status from HEAD request to https://registry.example.com/v2/shop/web/manifests/1.4.2: 401 Unauthorized',
        }),
      ),
    },
  ],
};

export const structuredLoggers: PairFormat = {
  format: 'Go slog, Serilog, .NET JSON, Rust tracing, logstash-logback, Elixir Logger',
  pairs: [
    ...slog.pairs,
    ...serilog.pairs,
    ...dotnetJson.pairs,
    ...tracing.pairs,
    ...logstashLogback.pairs,
    ...elixirLogger.pairs,
  ],
};
export const cloudPlatforms: PairFormat = {
  format: 'CloudWatch and Lambda, Cloud Logging, Azure, Heroku, wrangler, Next.js',
  pairs: [
    ...cloudwatch.pairs,
    ...gcpLogging.pairs,
    ...azure.pairs,
    ...heroku.pairs,
    ...wrangler.pairs,
    ...nextjs.pairs,
  ],
};
export const cloudApps: PairFormat = {
  format: 'python-json-logger, Django, lograge, Rails 7, Celery, OpenTelemetry, events.k8s.io',
  pairs: [...pythonCloud.pairs, ...rubyCloud.pairs, ...celery.pairs, ...otel.pairs, ...k8sEventsV1.pairs],
};
