import { log, ndjson, type PairFormat } from './model.ts';

export const lambda: PairFormat = {
  format: 'AWS Lambda',
  pairs: [
    {
      name: 'Node runtime error line, other request id and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:00:00.123Z\t3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading \'Records\')","stack":["TypeError: Cannot read properties of undefined (reading \'Records\')","    at Runtime.handler (file:///var/task/index.mjs:4:22)"]}',
      ),
      b: log(
        '2024-05-02T08:41:17.900Z\t0a9b77e2-1111-4c1e-9f00-000000000042\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading \'Records\')","stack":["TypeError: Cannot read properties of undefined (reading \'Records\')","    at Runtime.handler (file:///var/task/index.mjs:4:22)"]}',
      ),
    },
    {
      name: 'timeout report, other request id and duration',
      kind: 'same',
      a: log(
        '2024-05-01T10:01:00.000Z 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Task timed out after 30.03 seconds',
      ),
      b: log(
        '2024-05-01T12:01:00.000Z 77aa0011-8b1d-4c1e-9f00-5a1b2c3d4e60 Task timed out after 6.01 seconds',
      ),
    },
    {
      name: 'JSON log format error record, other request id',
      kind: 'same',
      a: ndjson({
        timestamp: '2024-05-01T10:02:00.000Z',
        level: 'ERROR',
        requestId: '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        message: 'order 8812 rejected: inventory service returned 409',
      }),
      b: ndjson({
        timestamp: '2024-05-01T10:09:00.000Z',
        level: 'ERROR',
        requestId: '0a9b77e2-1111-4c1e-9f00-000000000042',
        message: 'order 17 rejected: inventory service returned 409',
      }),
    },
    {
      name: 'TypeError vs ReferenceError from one handler',
      kind: 'different',
      a: log(
        '2024-05-01T10:03:00.000Z\t3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"event.body is undefined"}',
      ),
      b: log(
        '2024-05-01T10:03:00.000Z\t3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f\tERROR\tInvoke Error \t{"errorType":"ReferenceError","errorMessage":"event.body is undefined"}',
      ),
    },
    {
      name: 'Runtime.ExitError: signal killed vs exit status 1',
      kind: 'different',
      a: log(
        'RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Error: Runtime exited with error: signal: killed Runtime.ExitError',
      ),
      b: log(
        'RequestId: 3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f Error: Runtime exited with error: exit status 1 Runtime.ExitError',
      ),
    },
    {
      name: 'JSON log: returned 409 vs 404',
      kind: 'different',
      a: ndjson({
        timestamp: '2024-05-01T10:05:00.000Z',
        level: 'ERROR',
        requestId: '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        message: 'order rejected: inventory service returned status 409',
      }),
      b: ndjson({
        timestamp: '2024-05-01T10:05:00.000Z',
        level: 'ERROR',
        requestId: '3f1c9a2e-8b1d-4c1e-9f00-5a1b2c3d4e5f',
        message: 'order rejected: inventory service returned status 404',
      }),
    },
  ],
};
