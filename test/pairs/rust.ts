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
    {
      name: 'panic with backtrace from two builds (symbol hashes differ)',
      kind: 'same',
      a: log(
        "thread 'main' panicked at src/store/wal.rs:212:30:",
        'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: core::result::unwrap_failed',
        '   2: relay::store::wal::Wal::append::h3f9a1c2b4d5e6f70',
        '   3: relay::store::flush::{{closure}}::h0a1b2c3d4e5f6071',
      ),
      b: log(
        "thread 'tokio-runtime-worker' panicked at src/store/wal.rs:214:30:",
        'called `Result::unwrap()` on an `Err` value: Os { code: 28, kind: StorageFull, message: "No space left on device" }',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: core::result::unwrap_failed',
        '   2: relay::store::wal::Wal::append::h9e8d7c6b5a493827',
        '   3: relay::store::flush::{{closure}}::h7766554433221100',
      ),
    },
    {
      name: 'one panic message, two functions in the backtrace',
      kind: 'different',
      a: log(
        "thread 'main' panicked at src/store/wal.rs:212:30:",
        'called `Result::unwrap()` on an `Err` value: UnexpectedEof',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: relay::store::wal::Wal::append::h3f9a1c2b4d5e6f70',
      ),
      b: log(
        "thread 'main' panicked at src/store/wal.rs:212:30:",
        'called `Result::unwrap()` on an `Err` value: UnexpectedEof',
        'stack backtrace:',
        '   0: rust_begin_unwind',
        '   1: relay::store::wal::Wal::replay::h3f9a1c2b4d5e6f70',
      ),
    },
  ],
};
