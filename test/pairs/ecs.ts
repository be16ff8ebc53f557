import { ndjson, type PairFormat } from './model.ts';

const ecs = (extra: Record<string, unknown>) => ({
  '@timestamp': '2024-05-01T10:00:00.000Z',
  'ecs.version': '8.10.0',
  'service.name': 'search',
  ...extra,
});

export const ecsFormat: PairFormat = {
  format: 'ECS',
  pairs: [
    {
      name: 'index write blocked, other host and trace',
      kind: 'same',
      a: ndjson(
        ecs({
          'log.level': 'error',
          message: 'index write blocked: disk usage over flood stage',
          'host.name': 'search-data-0',
          'trace.id': '4bf92f3577b34da6a3ce929d0e0e4736',
        }),
      ),
      b: ndjson(
        ecs({
          '@timestamp': '2024-05-09T01:00:00.000Z',
          'log.level': 'error',
          message: 'index write blocked: disk usage over flood stage',
          'host.name': 'search-data-7',
          'trace.id': '00f067aa0ba902b7a3ce929d0e0e4736',
        }),
      ),
    },
    {
      name: 'error.type and stack, other line numbers',
      kind: 'same',
      a: ndjson(
        ecs({
          'log.level': 'error',
          message: 'query failed',
          'error.type': 'java.lang.IllegalStateException',
          'error.message': 'reader closed',
          'error.stack_trace':
            'java.lang.IllegalStateException: reader closed\n\tat org.example.search.Reader.next(Reader.java:120)\n\tat org.example.search.Query.run(Query.java:64)',
        }),
      ),
      b: ndjson(
        ecs({
          'log.level': 'error',
          message: 'query failed',
          'error.type': 'java.lang.IllegalStateException',
          'error.message': 'reader closed',
          'error.stack_trace':
            'java.lang.IllegalStateException: reader closed\n\tat org.example.search.Reader.next(Reader.java:122)\n\tat org.example.search.Query.run(Query.java:66)',
        }),
      ),
    },
    {
      name: 'slow query, other took and user',
      kind: 'same',
      a: ndjson(ecs({ 'log.level': 'warn', message: 'slow query took 2.4s', 'user.name': 'svc-report' })),
      b: ndjson(ecs({ 'log.level': 'warn', message: 'slow query took 840ms', 'user.name': 'svc-etl' })),
    },
    {
      name: 'one message, two error types',
      kind: 'different',
      a: ndjson(
        ecs({
          'log.level': 'error',
          message: 'query failed',
          'error.type': 'java.lang.IllegalStateException',
          'error.message': 'reader closed',
        }),
      ),
      b: ndjson(
        ecs({
          'log.level': 'error',
          message: 'query failed',
          'error.type': 'java.util.concurrent.TimeoutException',
          'error.message': 'reader closed',
        }),
      ),
    },
    {
      name: 'one message from two loggers',
      kind: 'different',
      a: ndjson(
        ecs({
          'log.level': 'error',
          'log.logger': 'org.example.search.Indexer',
          message: 'bulk request rejected',
        }),
      ),
      b: ndjson(
        ecs({
          'log.level': 'error',
          'log.logger': 'org.example.search.Snapshotter',
          message: 'bulk request rejected',
        }),
      ),
    },
    {
      name: 'HTTP 429 vs 413 from the cluster',
      kind: 'different',
      a: ndjson(ecs({ 'log.level': 'error', message: 'bulk request rejected with HTTP 429' })),
      b: ndjson(ecs({ 'log.level': 'error', message: 'bulk request rejected with HTTP 413' })),
    },
  ],
};
