import { log, type PairFormat } from './model.ts';

export const rust: PairFormat = {
  format: 'Rust',
  pairs: [
    {
      name: 'panic (Rust >= 1.73), other thread and column',
      kind: 'same',
      a: log(
        "thread 'tokio-runtime-worker' panicked at src/ingest/parse.rs:88:14:",
        'called `Option::unwrap()` on a `None` value',
        'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      ),
      b: log(
        "thread 'main' panicked at src/ingest/parse.rs:91:9:",
        'called `Option::unwrap()` on a `None` value',
        'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
      ),
    },
    {
      name: 'tracing error, other peer and time',
      kind: 'same',
      a: log(
        '2024-05-01T10:01:00.123456Z ERROR relay::conn: peer 10.0.0.4:7000 closed the connection unexpectedly',
      ),
      b: log(
        '2024-05-02T00:00:01.000001Z ERROR relay::conn: peer 10.0.7.77:7000 closed the connection unexpectedly',
      ),
    },
    {
      name: 'env_logger warn, other retry count',
      kind: 'same',
      a: log('[2024-05-01T10:02:00Z WARN  relay::backoff] upstream busy, retry 3 of 10'),
      b: log('[2024-05-01T10:02:07Z WARN  relay::backoff] upstream busy, retry 8 of 10'),
    },
    {
      name: 'two panics at one place (message on the next line)',
      kind: 'different',
      a: log(
        "thread 'main' panicked at src/ingest/parse.rs:88:14:",
        'called `Option::unwrap()` on a `None` value',
      ),
      b: log(
        "thread 'main' panicked at src/ingest/parse.rs:88:14:",
        'index out of bounds: the len is 3 but the index is 7',
      ),
    },
    {
      name: 'one message from two modules',
      kind: 'different',
      a: log('2024-05-01T10:04:00.000000Z ERROR relay::conn: handshake failed'),
      b: log('2024-05-01T10:04:00.000000Z ERROR relay::admin: handshake failed'),
    },
    {
      name: 'io error kinds: permission denied vs not found',
      kind: 'different',
      a: log('Error: Os { code: 13, kind: PermissionDenied, message: "Permission denied" }'),
      b: log('Error: Os { code: 2, kind: NotFound, message: "No such file or directory" }'),
    },
  ],
};
