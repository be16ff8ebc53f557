import { ndjson, type PairFormat } from './model.ts';

export const winston: PairFormat = {
  format: 'winston',
  pairs: [
    {
      name: 'database unreachable, other host and time',
      kind: 'same',
      a: ndjson({
        level: 'error',
        message: 'could not reach database at 10.0.4.17:5432',
        service: 'orders',
        timestamp: '2024-05-01T10:00:00.120Z',
      }),
      b: ndjson({
        level: 'error',
        message: 'could not reach database at 10.0.9.3:5432',
        service: 'orders',
        timestamp: '2024-05-03T22:14:09.004Z',
      }),
    },
    {
      name: 'error with stack, other checkout path and columns',
      kind: 'same',
      a: ndjson({
        level: 'error',
        message: "ENOENT: no such file or directory, open '/srv/uploads/7731/avatar.png'",
        stack:
          "Error: ENOENT: no such file or directory, open '/srv/uploads/7731/avatar.png'\n    at Object.openSync (node:fs:573:18)\n    at readAvatar (/srv/app/src/avatar.js:22:17)",
        timestamp: '2024-05-01T10:01:00.000Z',
      }),
      b: ndjson({
        level: 'error',
        message: "ENOENT: no such file or directory, open '/srv/uploads/18/avatar.png'",
        stack:
          "Error: ENOENT: no such file or directory, open '/srv/uploads/18/avatar.png'\n    at Object.openSync (node:fs:581:3)\n    at readAvatar (/home/deploy/app/src/avatar.js:22:17)",
        timestamp: '2024-05-02T08:00:00.000Z',
      }),
    },
    {
      name: 'slow request warning, other route id and duration',
      kind: 'same',
      a: ndjson({
        level: 'warn',
        message: 'slow response for /api/orders/9912 took 2315ms',
        timestamp: '2024-05-01T10:02:00.000Z',
      }),
      b: ndjson({
        level: 'warn',
        message: 'slow response for /api/orders/17 took 12044ms',
        timestamp: '2024-05-01T11:02:00.000Z',
      }),
    },
    {
      name: 'ENOSPC vs EACCES on write',
      kind: 'different',
      a: ndjson({ level: 'error', message: 'write failed: ENOSPC', timestamp: '2024-05-01T10:03:00.000Z' }),
      b: ndjson({ level: 'error', message: 'write failed: EACCES', timestamp: '2024-05-01T10:03:00.000Z' }),
    },
    {
      name: 'ECONNREFUSED vs ECONNRESET',
      kind: 'different',
      a: ndjson({
        level: 'error',
        message: 'redis connection lost: connect ECONNREFUSED 10.0.0.5:6379',
        timestamp: '2024-05-01T10:04:00.000Z',
      }),
      b: ndjson({
        level: 'error',
        message: 'redis connection lost: read ECONNRESET 10.0.0.5:6379',
        timestamp: '2024-05-01T10:04:00.000Z',
      }),
    },
    {
      name: 'account suspended vs account expired',
      kind: 'different',
      a: ndjson({
        level: 'warn',
        message: 'login rejected: account suspended',
        timestamp: '2024-05-01T10:05:00.000Z',
      }),
      b: ndjson({
        level: 'warn',
        message: 'login rejected: account expired',
        timestamp: '2024-05-01T10:05:00.000Z',
      }),
    },
  ],
};
