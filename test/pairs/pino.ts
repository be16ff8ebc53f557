import { ndjson, type PairFormat } from './model.ts';

const base = { pid: 4182, hostname: 'checkout-api-6d8bcf9d7c-x2kqp' };

export const pino: PairFormat = {
  format: 'pino',
  pairs: [
    {
      name: 'payment declined, other order and request',
      kind: 'same',
      a: ndjson({
        level: 50,
        time: 1714557601123,
        ...base,
        reqId: 'req-8f1c',
        orderId: 'ord_71829',
        msg: 'payment declined by provider',
      }),
      b: ndjson({
        level: 50,
        time: 1714644012001,
        pid: 77,
        hostname: 'checkout-api-7fbbdcfdb-wqpzt',
        reqId: 'req-02aa',
        orderId: 'ord_11',
        msg: 'payment declined by provider',
      }),
    },
    {
      name: 'uncaught error with stack, other pid and line numbers',
      kind: 'same',
      a: ndjson({
        level: 60,
        time: 1714557601999,
        ...base,
        err: {
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'total')",
          stack:
            "TypeError: Cannot read properties of undefined (reading 'total')\n    at priceCart (/srv/app/dist/cart.js:41:22)\n    at async checkout (/srv/app/dist/routes/checkout.js:18:5)",
        },
        msg: "Cannot read properties of undefined (reading 'total')",
      }),
      b: ndjson({
        level: 60,
        time: 1714600000000,
        pid: 9,
        hostname: 'checkout-api-59c7d8f6b4-lmz8r',
        err: {
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'total')",
          stack:
            "TypeError: Cannot read properties of undefined (reading 'total')\n    at priceCart (/app/dist/cart.js:44:9)\n    at async checkout (/app/dist/routes/checkout.js:18:5)",
        },
        msg: "Cannot read properties of undefined (reading 'total')",
      }),
    },
    {
      name: 'upstream timeout, other duration and user',
      kind: 'same',
      a: ndjson({
        level: 40,
        time: 1714557602000,
        ...base,
        userId: 'u_1902',
        durationMs: 5012,
        msg: 'inventory lookup timed out after 5012 ms',
      }),
      b: ndjson({
        level: 40,
        time: 1714557699000,
        ...base,
        userId: 'u_44',
        durationMs: 30001,
        msg: 'inventory lookup timed out after 30001 ms',
      }),
    },
    {
      name: 'upstream answered 502 vs 503',
      kind: 'different',
      a: ndjson({ level: 50, time: 1714557603000, ...base, msg: 'inventory service answered HTTP 502' }),
      b: ndjson({ level: 50, time: 1714557603000, ...base, msg: 'inventory service answered HTTP 503' }),
    },
    {
      name: 'TypeError vs RangeError at one place',
      kind: 'different',
      a: ndjson({
        level: 50,
        time: 1714557604000,
        ...base,
        err: {
          type: 'TypeError',
          message: 'amount is not a number',
          stack: 'TypeError: amount is not a number\n    at toCents (/srv/app/dist/money.js:12:11)',
        },
        msg: 'amount is not a number',
      }),
      b: ndjson({
        level: 50,
        time: 1714557604000,
        ...base,
        err: {
          type: 'RangeError',
          message: 'amount is out of range',
          stack: 'RangeError: amount is out of range\n    at toCents (/srv/app/dist/money.js:12:11)',
        },
        msg: 'amount is out of range',
      }),
    },
    {
      name: 'one message from two loggers',
      kind: 'different',
      a: ndjson({ level: 50, time: 1714557605000, ...base, name: 'billing', msg: 'queue consumer stopped' }),
      b: ndjson({ level: 50, time: 1714557605000, ...base, name: 'shipping', msg: 'queue consumer stopped' }),
    },
  ],
};
