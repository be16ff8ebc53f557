import { log, type PairFormat } from './model.ts';

export const node: PairFormat = {
  format: 'Node',
  pairs: [
    {
      name: 'uncaught TypeError, other checkout and bundle hash',
      kind: 'same',
      a: log(
        '/srv/app/dist/server.3f9a1c.js:2',
        "TypeError: Cannot read properties of null (reading 'id')",
        '    at renderOrder (/srv/app/dist/server.3f9a1c.js:2:18812)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
        '',
        'Node.js v20.12.2',
      ),
      b: log(
        '/home/ci/build/dist/server.b81e07.js:2',
        "TypeError: Cannot read properties of null (reading 'id')",
        '    at renderOrder (/home/ci/build/dist/server.b81e07.js:2:18840)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
        '',
        'Node.js v20.12.2',
      ),
    },
    {
      name: 'unhandled rejection ECONNREFUSED, other address',
      kind: 'same',
      a: log(
        'Error: connect ECONNREFUSED 10.0.0.5:6379',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)',
      ),
      b: log(
        'Error: connect ECONNREFUSED 127.0.0.1:6380',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)',
      ),
    },
    {
      name: 'axios status 404, other url id',
      kind: 'same',
      a: log(
        '[2024-05-01T10:02:00.000Z] ERROR: sync failed: AxiosError: Request failed with status code 404 (GET /v1/users/8812)',
      ),
      b: log(
        '[2024-05-02T10:02:00.000Z] ERROR: sync failed: AxiosError: Request failed with status code 404 (GET /v1/users/15)',
      ),
    },
    {
      name: 'axios status 404 vs 500',
      kind: 'different',
      a: log(
        '[2024-05-01T10:03:00.000Z] ERROR: sync failed: AxiosError: Request failed with status code 404',
      ),
      b: log(
        '[2024-05-01T10:03:00.000Z] ERROR: sync failed: AxiosError: Request failed with status code 500',
      ),
    },
    {
      name: 'ECONNREFUSED vs ETIMEDOUT',
      kind: 'different',
      a: log(
        'Error: connect ECONNREFUSED 10.0.0.5:6379',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)',
      ),
      b: log(
        'Error: connect ETIMEDOUT 10.0.0.5:6379',
        '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16)',
      ),
    },
    {
      name: 'heap out of memory vs maximum call stack',
      kind: 'different',
      a: log('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'),
      b: log('FATAL ERROR: invalid table size Allocation failed - JavaScript heap out of memory'),
    },
  ],
};
