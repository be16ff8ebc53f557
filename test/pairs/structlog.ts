import { ndjson, type PairFormat } from './model.ts';

export const structlog: PairFormat = {
  format: 'structlog',
  pairs: [
    {
      name: 'refund failed, other refund id and user',
      kind: 'same',
      a: ndjson({
        event: 'refund failed',
        level: 'error',
        logger: 'payments.refunds',
        refund_id: 'rf_8812',
        user: 'alice',
        timestamp: '2024-05-01T10:00:00.000001Z',
      }),
      b: ndjson({
        event: 'refund failed',
        level: 'error',
        logger: 'payments.refunds',
        refund_id: 'rf_10',
        user: 'bob',
        timestamp: '2024-05-04T00:00:00.5Z',
      }),
    },
    {
      name: 'exception field, other paths and line numbers',
      kind: 'same',
      a: ndjson({
        event: 'task crashed',
        level: 'error',
        logger: 'jobs',
        exception:
          'Traceback (most recent call last):\n  File "/srv/app/jobs/export.py", line 51, in run\n    rows = fetch(batch)\nKeyError: \'customer_id\'',
      }),
      b: ndjson({
        event: 'task crashed',
        level: 'error',
        logger: 'jobs',
        exception:
          'Traceback (most recent call last):\n  File "/opt/venv/app/jobs/export.py", line 53, in run\n    rows = fetch(batch)\nKeyError: \'customer_id\'',
      }),
    },
    {
      name: 'cache miss storm, other percentage',
      kind: 'same',
      a: ndjson({ event: 'cache hit ratio dropped to 12%', level: 'warning', logger: 'cache' }),
      b: ndjson({ event: 'cache hit ratio dropped to 3%', level: 'warning', logger: 'cache' }),
    },
    {
      name: 'one event from two loggers',
      kind: 'different',
      a: ndjson({ event: 'webhook delivery failed', level: 'error', logger: 'integrations.slack' }),
      b: ndjson({ event: 'webhook delivery failed', level: 'error', logger: 'integrations.github' }),
    },
    {
      name: 'KeyError vs TypeError in one task',
      kind: 'different',
      a: ndjson({
        event: 'task crashed',
        level: 'error',
        logger: 'jobs',
        exception:
          'Traceback (most recent call last):\n  File "/srv/app/jobs/export.py", line 51, in run\n    rows = fetch(batch)\nKeyError: \'customer_id\'',
      }),
      b: ndjson({
        event: 'task crashed',
        level: 'error',
        logger: 'jobs',
        exception:
          'Traceback (most recent call last):\n  File "/srv/app/jobs/export.py", line 51, in run\n    rows = fetch(batch)\nTypeError: \'NoneType\' object is not iterable',
      }),
    },
    {
      name: 'status 401 vs 403 from a partner API',
      kind: 'different',
      a: ndjson({
        event: 'partner api rejected request with status 401',
        level: 'error',
        logger: 'partners',
      }),
      b: ndjson({
        event: 'partner api rejected request with status 403',
        level: 'error',
        logger: 'partners',
      }),
    },
  ],
};
