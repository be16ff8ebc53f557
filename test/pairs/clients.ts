import { log, type PairFormat } from './model.ts';

/**
 * Errors a browser reported, as a front end's error handler posts them: the
 * stack of a bundle whose file names carry the build's content hash (webpack,
 * Parcel, Vite/Rollup, esbuild), whose positions and minified names change with
 * every deploy. The same error after a deploy is one failure; another message,
 * another component or another status code is another.
 */
export const browsers: PairFormat = {
  format: 'browser JavaScript: Chrome, Firefox, Safari',
  pairs: [
    {
      name: 'Chrome, a Vite build deployed again (new hashes, new columns)',
      kind: 'same',
      a: log(
        "2026-12-02T10:14:03.118Z [web] Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
        '    at BasketSummary (https://shop.example.com/assets/index-4f3a2b1c.js:41:18433)',
        '    at renderWithHooks (https://shop.example.com/assets/vendor-9b1e77d0.js:2:76021)',
        '    at updateFunctionComponent (https://shop.example.com/assets/vendor-9b1e77d0.js:2:80114)',
      ),
      b: log(
        "2026-12-05T21:40:51.902Z [web] Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
        '    at BasketSummary (https://shop.example.com/assets/index-a81c03ff.js:41:18502)',
        '    at renderWithHooks (https://shop.example.com/assets/vendor-5c2d91ae.js:2:76388)',
        '    at updateFunctionComponent (https://shop.example.com/assets/vendor-5c2d91ae.js:2:80481)',
      ),
    },
    {
      name: 'Chrome, the same error in another component',
      kind: 'different',
      a: log(
        "2026-12-02T10:14:03.118Z [web] Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
        '    at BasketSummary (https://shop.example.com/assets/index-4f3a2b1c.js:41:18433)',
        '    at renderWithHooks (https://shop.example.com/assets/vendor-9b1e77d0.js:2:76021)',
      ),
      b: log(
        "2026-12-02T10:14:03.118Z [web] Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
        '    at InvoiceTable (https://shop.example.com/assets/index-4f3a2b1c.js:88:1201)',
        '    at renderWithHooks (https://shop.example.com/assets/vendor-9b1e77d0.js:2:76021)',
      ),
    },
    {
      name: 'Create React App chunks (`main.<hash>.chunk.js`), minified names, two deploys',
      kind: 'same',
      a: log(
        '2026-12-02T08:00:12.551Z [web] Uncaught (in promise) Error: Request failed with status code 502',
        '    at tn (https://app.example.com/static/js/main.3e4f5a6b.chunk.js:1:10233)',
        '    at Gr (https://app.example.com/static/js/main.3e4f5a6b.chunk.js:1:12877)',
        '    at XMLHttpRequest.y (https://app.example.com/static/js/2.8c1d2e3f.chunk.js:2:9012)',
      ),
      b: log(
        '2026-12-04T17:31:40.003Z [web] Uncaught (in promise) Error: Request failed with status code 502',
        '    at Qe (https://app.example.com/static/js/main.d40a9b17.chunk.js:1:10301)',
        '    at Ko (https://app.example.com/static/js/main.d40a9b17.chunk.js:1:12945)',
        '    at XMLHttpRequest.v (https://app.example.com/static/js/2.6f0e1c2d.chunk.js:2:9012)',
      ),
    },
    {
      name: 'the request failed with another status',
      kind: 'different',
      a: log(
        '2026-12-02T08:00:12.551Z [web] Uncaught (in promise) Error: Request failed with status code 502',
        '    at tn (https://app.example.com/static/js/main.3e4f5a6b.chunk.js:1:10233)',
        '    at XMLHttpRequest.y (https://app.example.com/static/js/2.8c1d2e3f.chunk.js:2:9012)',
      ),
      b: log(
        '2026-12-02T08:00:12.551Z [web] Uncaught (in promise) Error: Request failed with status code 401',
        '    at tn (https://app.example.com/static/js/main.3e4f5a6b.chunk.js:1:10233)',
        '    at XMLHttpRequest.y (https://app.example.com/static/js/2.8c1d2e3f.chunk.js:2:9012)',
      ),
    },
    {
      name: 'Firefox, Rollup base64 hashes, another CDN host',
      kind: 'same',
      a: log(
        '2026-12-02T10:14:03.118Z [web] error: TypeError: can\'t access property "lines", basket is undefined',
        'BasketSummary@https://shop.example.com/assets/index-BkfNq7Vf.js:41:18433',
        'renderWithHooks@https://shop.example.com/assets/vendor-DFa3b_9x.js:2:76021',
        'performUnitOfWork@https://shop.example.com/assets/vendor-DFa3b_9x.js:2:99120',
      ),
      b: log(
        '2026-12-06T03:02:44.771Z [web] error: TypeError: can\'t access property "lines", basket is undefined',
        'BasketSummary@https://cdn.example.net/assets/index-Cq2WmR4t.js:41:18590',
        'renderWithHooks@https://cdn.example.net/assets/vendor-Ab9kLm2Q.js:2:76021',
        'performUnitOfWork@https://cdn.example.net/assets/vendor-Ab9kLm2Q.js:2:99120',
      ),
    },
    {
      name: 'Firefox, another property',
      kind: 'different',
      a: log(
        '2026-12-02T10:14:03.118Z [web] error: TypeError: can\'t access property "lines", basket is undefined',
        'BasketSummary@https://shop.example.com/assets/index-BkfNq7Vf.js:41:18433',
      ),
      b: log(
        '2026-12-02T10:14:03.118Z [web] error: TypeError: can\'t access property "coupon", basket is undefined',
        'BasketSummary@https://shop.example.com/assets/index-BkfNq7Vf.js:41:18433',
      ),
    },
    {
      name: 'Safari, esbuild chunks, two deploys',
      kind: 'same',
      a: log(
        "2026-12-02T10:14:03.118Z [web] error: TypeError: undefined is not an object (evaluating 'r.items.length')",
        'BasketBadge@https://shop.example.com/js/chunk-5XGQ2JKR.js:3:4410',
        'Y@https://shop.example.com/js/chunk-5XGQ2JKR.js:3:1021',
        'promiseReactionJob@[native code]',
      ),
      b: log(
        "2026-12-03T19:20:00.040Z [web] error: TypeError: undefined is not an object (evaluating 'r.items.length')",
        'BasketBadge@https://shop.example.com/js/chunk-Q7MZ3HB4.js:3:4398',
        'k@https://shop.example.com/js/chunk-Q7MZ3HB4.js:3:1009',
        'promiseReactionJob@[native code]',
      ),
    },
    {
      name: 'Safari, a null where an object was read',
      kind: 'different',
      a: log(
        "2026-12-02T10:14:03.118Z [web] error: TypeError: undefined is not an object (evaluating 'r.items.length')",
        'BasketBadge@https://shop.example.com/js/chunk-5XGQ2JKR.js:3:4410',
      ),
      b: log(
        "2026-12-02T10:14:03.118Z [web] error: TypeError: null is not an object (evaluating 'r.items.length')",
        'BasketBadge@https://shop.example.com/js/chunk-5XGQ2JKR.js:3:4410',
      ),
    },
    {
      name: 'a chunk that failed to load, other build and chunk number',
      kind: 'same',
      a: log(
        '2026-12-02T10:14:03.118Z [web] ChunkLoadError: Loading chunk 4411 failed.',
        '(error: https://shop.example.com/_next/static/chunks/4411-6b1a0c9d2e4f7a81.js)',
        '    at __webpack_require__.f.j (https://shop.example.com/_next/static/chunks/webpack-5c2d91ae4f3b8e02.js:1:3421)',
      ),
      b: log(
        '2026-12-04T12:44:10.500Z [web] ChunkLoadError: Loading chunk 872 failed.',
        '(error: https://shop.example.com/_next/static/chunks/872-0d0d3c4f9a8b7c6d.js)',
        '    at __webpack_require__.f.j (https://shop.example.com/_next/static/chunks/webpack-a1b2c3d4e5f60718.js:1:3421)',
      ),
    },
    {
      name: 'a chunk that failed to load, against a script error',
      kind: 'different',
      a: log(
        '2026-12-02T10:14:03.118Z [web] ChunkLoadError: Loading chunk 4411 failed.',
        '    at __webpack_require__.f.j (https://shop.example.com/_next/static/chunks/webpack-5c2d91ae4f3b8e02.js:1:3421)',
      ),
      b: log(
        '2026-12-02T10:14:03.118Z [web] ReferenceError: gtag is not defined',
        '    at __webpack_require__.f.j (https://shop.example.com/_next/static/chunks/webpack-5c2d91ae4f3b8e02.js:1:3421)',
      ),
    },
  ],
};

const IIS_FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

const CLOUDFRONT_FIELDS =
  '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end';

/** One CloudFront request line, tab-separated, with what differs between requests given. */
function cloudfront(r: {
  at: string;
  pop: string;
  client: string;
  path: string;
  status: number;
  id: string;
  seconds: string;
  detail: string;
}): string {
  const [date, time] = r.at.split(' ');
  return [
    date,
    time,
    r.pop,
    '612',
    r.client,
    'GET',
    'd3f1a9b2c4e5f6.cloudfront.net',
    r.path,
    String(r.status),
    '-',
    'Mozilla/5.0',
    '-',
    '-',
    r.status >= 500 ? 'Error' : 'Miss',
    r.id,
    'shop.example.com',
    'https',
    '188',
    r.seconds,
    '-',
    'TLSv1.3',
    'TLS_AES_128_GCM_SHA256',
    r.status >= 500 ? 'Error' : 'Miss',
    'HTTP/2.0',
    '-',
    '-',
    '50122',
    r.seconds,
    r.detail,
    'text/html',
    '915',
    '-',
    '-',
  ].join('\t');
}

/**
 * W3C extended logs, whose `#Fields:` directive names the columns: IIS's
 * (space-separated; the sub-status and the Windows error say why a 500 was
 * one) and CloudFront's standard logs (tab-separated; its detailed result
 * type says why the origin failed). Only a 5xx is a failure.
 */
export const w3c: PairFormat = {
  format: 'W3C extended logs: IIS, CloudFront',
  pairs: [
    {
      name: 'IIS, a 500.19 on two days from two clients, among successes',
      kind: 'same',
      a: log(
        '#Software: Microsoft Internet Information Services 10.0',
        '#Version: 1.0',
        '#Date: 2026-12-02 10:00:00',
        IIS_FIELDS,
        '2026-12-02 10:00:01 10.0.4.12 GET /store/basket id=4411 443 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 31',
        '2026-12-02 10:00:02 10.0.4.12 POST /store/checkout - 443 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) https://shop.example.com/store/basket 500 19 5 1203',
      ),
      b: log(
        '#Software: Microsoft Internet Information Services 10.0',
        '#Version: 1.0',
        '#Date: 2026-12-03 00:00:00',
        IIS_FIELDS,
        '2026-12-03 07:41:55 10.0.4.13 POST /store/checkout - 443 jdoe 192.0.2.44 Mozilla/5.0+(iPhone) https://shop.example.com/store/basket 500 19 5 988',
        '2026-12-03 07:41:56 10.0.4.13 GET /store/basket id=77 443 jdoe 192.0.2.44 Mozilla/5.0+(iPhone) - 200 0 0 15',
      ),
    },
    {
      name: 'IIS, another sub-status of 500',
      kind: 'different',
      a: log(
        IIS_FIELDS,
        '2026-12-02 10:00:02 10.0.4.12 POST /store/checkout - 443 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) - 500 19 5 1203',
      ),
      b: log(
        IIS_FIELDS,
        '2026-12-02 10:00:02 10.0.4.12 POST /store/checkout - 443 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) - 500 0 0 1203',
      ),
    },
    {
      name: 'IIS, an app pool that stopped: 503.2 for two ids of one route',
      kind: 'same',
      a: log(
        IIS_FIELDS,
        '2026-12-02 10:00:02 10.0.4.12 GET /api/orders/8812 - 443 - 203.0.113.9 okhttp/4.12.0 - 503 2 64 40',
      ),
      b: log(
        IIS_FIELDS,
        '2026-12-04 23:10:11 10.0.4.19 GET /api/orders/101 - 443 - 198.51.100.23 okhttp/4.12.0 - 503 2 64 12',
      ),
    },
    {
      name: 'IIS, a path named error.aspx served fine is no failure, a 502 is',
      kind: 'different',
      a: log(
        IIS_FIELDS,
        '2026-12-02 10:00:02 10.0.4.12 GET /api/orders/8812 - 443 - 203.0.113.9 okhttp/4.12.0 - 502 3 12002 30001',
        '2026-12-02 10:00:03 10.0.4.12 GET /error.aspx aspxerrorpath=/api 443 - 203.0.113.9 okhttp/4.12.0 - 200 0 0 4',
      ),
      b: log(
        IIS_FIELDS,
        '2026-12-02 10:00:02 10.0.4.12 GET /api/orders/8812 - 443 - 203.0.113.9 okhttp/4.12.0 - 503 2 64 40',
      ),
    },
    {
      name: 'CloudFront, the origin refused connections at two edges',
      kind: 'same',
      a: log(
        '#Version: 1.0',
        CLOUDFRONT_FIELDS,
        cloudfront({
          at: '2026-12-02 10:00:01',
          pop: 'FRA56-P3',
          client: '203.0.113.9',
          path: '/api/basket/4411',
          status: 200,
          id: 'AbC1dEf2GhI3jKl4==',
          seconds: '0.081',
          detail: 'Miss',
        }),
        cloudfront({
          at: '2026-12-02 10:00:02',
          pop: 'FRA56-P3',
          client: '203.0.113.9',
          path: '/api/basket/4412',
          status: 502,
          id: 'XyZ9wVu8TsR7qPo6==',
          seconds: '10.002',
          detail: 'OriginConnectError',
        }),
      ),
      b: log(
        '#Version: 1.0',
        CLOUDFRONT_FIELDS,
        cloudfront({
          at: '2026-12-03 18:30:44',
          pop: 'IAD89-C1',
          client: '198.51.100.7',
          path: '/api/basket/77',
          status: 502,
          id: 'QqQ9wVu8TsR7mNb5==',
          seconds: '10.001',
          detail: 'OriginConnectError',
        }),
      ),
    },
    {
      name: 'CloudFront, a connection refused against a read that timed out',
      kind: 'different',
      a: log(
        CLOUDFRONT_FIELDS,
        cloudfront({
          at: '2026-12-02 10:00:02',
          pop: 'FRA56-P3',
          client: '203.0.113.9',
          path: '/api/basket/4412',
          status: 502,
          id: 'XyZ9wVu8TsR7qPo6==',
          seconds: '10.002',
          detail: 'OriginConnectError',
        }),
      ),
      b: log(
        CLOUDFRONT_FIELDS,
        cloudfront({
          at: '2026-12-02 10:00:02',
          pop: 'FRA56-P3',
          client: '203.0.113.9',
          path: '/api/basket/4412',
          status: 504,
          id: 'XyZ9wVu8TsR7qPo6==',
          seconds: '30.002',
          detail: 'OriginReadError',
        }),
      ),
    },
  ],
};
