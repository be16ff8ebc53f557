/**
 * JSON logs written for Datadog: its reserved `status` as the level, its
 * standard attributes `logger.name`, `error.kind`, `error.message` and
 * `error.stack`, trace ids injected by its tracers (`dd.trace_id`).
 */
import { ndjson, type PairFormat } from './model.ts';

const record = (fields: Record<string, unknown>, trace: string) => ({
  date: '2026-12-01T10:00:00.000Z',
  host: 'i-0a1b2c3d',
  service: 'checkout',
  dd: { trace_id: trace, span_id: `${trace}7` },
  ...fields,
});

const declined = (order: number, trace: string, line: number) =>
  record(
    {
      status: 'error',
      message: `order ${order} not charged`,
      logger: { name: 'checkout.payments', thread_name: 'worker-3' },
      error: {
        kind: 'CardDeclined',
        message: `card declined for order ${order}`,
        stack: `Traceback (most recent call last):\n  File "/app/checkout/payments.py", line ${line}, in charge\n    gateway.capture(order)\n  File "/app/checkout/gateway.py", line 88, in capture\n    raise CardDeclined(order)\ncheckout.gateway.CardDeclined: card declined for order ${order}`,
      },
    },
    trace,
  );

export const datadog: PairFormat = {
  format: 'Datadog JSON',
  pairs: [
    {
      name: 'the same decline for two orders, traces and a moved line',
      kind: 'same',
      a: ndjson(
        record({ status: 'info', message: 'charging order 4410' }, '1129'),
        declined(4410, '1129', 41),
      ),
      b: ndjson(declined(90127, '88012', 44)),
    },
    {
      name: 'a decline against a gateway timeout in the same place',
      kind: 'different',
      a: ndjson(declined(4410, '1129', 41)),
      b: ndjson(
        record(
          {
            status: 'error',
            message: 'order 4410 not charged',
            logger: { name: 'checkout.payments' },
            error: { kind: 'GatewayTimeout', message: 'gateway did not answer in 10s' },
          },
          '1129',
        ),
      ),
    },
    {
      name: 'critical without a stack: the same disk, other hosts',
      kind: 'same',
      a: ndjson(record({ status: 'critical', message: 'volume /data is read-only', host: 'db-1' }, '1')),
      b: ndjson(record({ status: 'critical', message: 'volume /data is read-only', host: 'db-7' }, '2')),
    },
    {
      name: 'one message from two loggers',
      kind: 'different',
      a: ndjson(
        record({ status: 'error', message: 'lock not acquired', logger: { name: 'jobs.nightly' } }, '3'),
      ),
      b: ndjson(
        record({ status: 'error', message: 'lock not acquired', logger: { name: 'jobs.hourly' } }, '3'),
      ),
    },
    {
      name: 'warnings of one cache for two keys',
      kind: 'same',
      a: ndjson(
        record(
          { status: 'warn', message: 'cache miss storm on key user:8812', logger: { name: 'cache' } },
          '5',
        ),
      ),
      b: ndjson(
        record(
          { status: 'warn', message: 'cache miss storm on key user:17', logger: { name: 'cache' } },
          '6',
        ),
      ),
    },
    {
      name: 'a warning against an error of the same words',
      kind: 'different',
      a: ndjson(
        record({ status: 'warn', message: 'replica lag above threshold', logger: { name: 'db' } }, '5'),
      ),
      b: ndjson(
        record({ status: 'error', message: 'replica lag above threshold', logger: { name: 'db' } }, '5'),
      ),
    },
  ],
};
