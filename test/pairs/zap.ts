import { log, ndjson, type PairFormat } from './model.ts';

export const zap: PairFormat = {
  format: 'zap',
  pairs: [
    {
      name: 'lease renewal failed, other node and caller line',
      kind: 'same',
      a: ndjson({
        level: 'error',
        ts: 1714557600.1234,
        caller: 'lease/renew.go:88',
        msg: 'failed to renew lease',
        node: 'ip-10-0-3-14',
        error: 'context deadline exceeded',
      }),
      b: ndjson({
        level: 'error',
        ts: 1714644000.5,
        caller: 'lease/renew.go:91',
        msg: 'failed to renew lease',
        node: 'ip-10-0-7-201',
        error: 'context deadline exceeded',
      }),
    },
    {
      name: 'stacktrace field, other goroutine addresses',
      kind: 'same',
      a: ndjson({
        level: 'error',
        ts: 1714557601.2,
        caller: 'sync/worker.go:140',
        msg: 'sync batch failed',
        error: 'write tcp 10.0.0.4:51234->10.0.0.9:9042: i/o timeout',
        stacktrace:
          'main.(*Worker).flush\n\t/src/sync/worker.go:140\nmain.(*Worker).Run\n\t/src/sync/worker.go:77',
      }),
      b: ndjson({
        level: 'error',
        ts: 1714557999.9,
        caller: 'sync/worker.go:140',
        msg: 'sync batch failed',
        error: 'write tcp 10.0.0.6:40022->10.0.0.12:9042: i/o timeout',
        stacktrace:
          'main.(*Worker).flush\n\t/build/sync/worker.go:140\nmain.(*Worker).Run\n\t/build/sync/worker.go:79',
      }),
    },
    {
      name: 'rate limited, other tenant and retry delay',
      kind: 'same',
      a: ndjson({
        level: 'warn',
        ts: 1714557602,
        caller: 'api/limit.go:31',
        msg: 'client rate limited, retry in 4s',
        tenant: 'acme',
      }),
      b: ndjson({
        level: 'warn',
        ts: 1714557612,
        caller: 'api/limit.go:31',
        msg: 'client rate limited, retry in 250ms',
        tenant: 'globex',
      }),
    },
    {
      name: 'gRPC Unavailable vs DeadlineExceeded',
      kind: 'different',
      a: ndjson({
        level: 'error',
        ts: 1714557603,
        caller: 'rpc/client.go:55',
        msg: 'call failed',
        error: 'rpc error: code = Unavailable desc = connection error',
      }),
      b: ndjson({
        level: 'error',
        ts: 1714557603,
        caller: 'rpc/client.go:55',
        msg: 'call failed',
        error: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      }),
    },
    {
      name: 'one message, two errors',
      kind: 'different',
      a: ndjson({
        level: 'error',
        ts: 1714557604,
        caller: 'store/put.go:20',
        msg: 'put object failed',
        error: 'access denied',
      }),
      b: ndjson({
        level: 'error',
        ts: 1714557604,
        caller: 'store/put.go:20',
        msg: 'put object failed',
        error: 'bucket not found',
      }),
    },
    {
      name: 'one message from two named loggers',
      kind: 'different',
      a: ndjson({
        level: 'error',
        ts: 1714557605,
        logger: 'scheduler',
        caller: 'run/loop.go:12',
        msg: 'loop stalled',
      }),
      b: ndjson({
        level: 'error',
        ts: 1714557605,
        logger: 'compactor',
        caller: 'run/loop.go:12',
        msg: 'loop stalled',
      }),
    },
    // zap's console encoder (the OpenTelemetry Collector's own log): tab-separated, fields as JSON.
    {
      name: 'console encoder: export dropped, other time, caller line and counts',
      kind: 'same',
      a: log(
        '2026-12-03T09:14:07.512Z\tinfo\tservice/service.go:201\tEverything is ready.',
        '2026-12-03T09:20:11.040Z\terror\tqueue/sender.go:101\tExport dropped.\t{"kind": "exporter", "name": "otlphttp/ledger", "error": "rpc error: code = Unavailable desc = no healthy upstream", "dropped_items": 40}',
      ),
      b: log(
        '2026-12-04T01:02:03.004Z\tinfo\tservice/service.go:201\tEverything is ready.',
        '2026-12-04T01:07:55.918Z\terror\tqueue/sender.go:104\tExport dropped.\t{"kind": "exporter", "name": "otlphttp/ledger", "error": "rpc error: code = Unavailable desc = no healthy upstream", "dropped_items": 7}',
      ),
    },
    {
      name: 'console encoder: export dropped, Unavailable vs Unauthenticated',
      kind: 'different',
      a: log(
        '2026-12-03T09:20:11.040Z\terror\tqueue/sender.go:101\tExport dropped.\t{"kind": "exporter", "name": "otlphttp/ledger", "error": "rpc error: code = Unavailable desc = no healthy upstream", "dropped_items": 40}',
      ),
      b: log(
        '2026-12-03T09:20:11.040Z\terror\tqueue/sender.go:101\tExport dropped.\t{"kind": "exporter", "name": "otlphttp/ledger", "error": "rpc error: code = Unauthenticated desc = token expired", "dropped_items": 40}',
      ),
    },
    {
      name: 'one failure written by the console and by the JSON encoder',
      kind: 'same',
      a: log(
        '2026-12-03T09:20:11.040Z\terror\tlease/renew.go:88\tfailed to renew lease\t{"node": "ip-10-0-3-14", "error": "context deadline exceeded"}',
      ),
      b: ndjson({
        level: 'error',
        ts: 1733217611.04,
        caller: 'lease/renew.go:91',
        msg: 'failed to renew lease',
        node: 'ip-10-0-7-201',
        error: 'context deadline exceeded',
      }),
    },
    {
      name: "console encoder's stack under its line and the JSON encoder's stacktrace field",
      kind: 'same',
      a: log(
        '2026-12-03T09:20:11.040Z\terror\tsync/pull.go:88\tpull failed\t{"repo": "billing", "error": "unexpected EOF"}',
        'github.com/acme/ledger/sync.(*Puller).Pull',
        '\t/home/bob/ledger/sync/pull.go:88',
        'main.main',
        '\t/home/bob/ledger/main.go:20',
      ),
      b: ndjson({
        level: 'error',
        ts: 1733217611.04,
        caller: 'sync/pull.go:91',
        msg: 'pull failed',
        repo: 'orders',
        error: 'unexpected EOF',
        stacktrace:
          'github.com/acme/ledger/sync.(*Puller).Pull\n\t/srv/ledger/sync/pull.go:91\nmain.main\n\t/srv/ledger/main.go:20',
      }),
    },
    {
      name: 'console encoder: one message, stacks through two functions',
      kind: 'different',
      a: log(
        '2026-12-03T09:20:11.040Z\terror\tsync/pull.go:88\tpull failed\t{"error": "unexpected EOF"}',
        'github.com/acme/ledger/sync.(*Puller).Pull',
        '\t/home/bob/ledger/sync/pull.go:88',
        'main.main',
        '\t/home/bob/ledger/main.go:20',
      ),
      b: log(
        '2026-12-03T09:20:11.040Z\terror\tsync/pull.go:88\tpull failed\t{"error": "unexpected EOF"}',
        'github.com/acme/ledger/sync.(*Puller).Resume',
        '\t/home/bob/ledger/sync/resume.go:14',
        'main.main',
        '\t/home/bob/ledger/main.go:20',
      ),
    },
    {
      name: 'console encoder: one message from two named loggers',
      kind: 'different',
      a: log('1.7332176110e+09\terror\tscheduler\trun/loop.go:12\tloop stalled'),
      b: log('1.7332176110e+09\terror\tcompactor\trun/loop.go:12\tloop stalled'),
    },
  ],
};
