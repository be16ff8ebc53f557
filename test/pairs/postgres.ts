import { log, type PairFormat } from './model.ts';

export const postgres: PairFormat = {
  format: 'Postgres',
  pairs: [
    {
      name: 'unique violation, other key value and pid',
      kind: 'same',
      a: log(
        '2024-05-01 10:00:00.123 UTC [4411] app@shop ERROR:  duplicate key value violates unique constraint "users_email_key"',
        '2024-05-01 10:00:00.123 UTC [4411] app@shop DETAIL:  Key (email)=(alice@example.com) already exists.',
      ),
      b: log(
        '2024-05-03 01:12:44.901 UTC [77] app@shop ERROR:  duplicate key value violates unique constraint "users_email_key"',
        '2024-05-03 01:12:44.901 UTC [77] app@shop DETAIL:  Key (email)=(bob@example.org) already exists.',
      ),
    },
    {
      name: 'deadlock, other process ids and transactions',
      kind: 'same',
      a: log(
        '2024-05-01 10:01:00.000 UTC [4411] ERROR:  deadlock detected',
        '2024-05-01 10:01:00.000 UTC [4411] DETAIL:  Process 4411 waits for ShareLock on transaction 918273; blocked by process 4420.',
      ),
      b: log(
        '2024-05-02 11:01:00.000 UTC [90] ERROR:  deadlock detected',
        '2024-05-02 11:01:00.000 UTC [90] DETAIL:  Process 90 waits for ShareLock on transaction 12; blocked by process 91.',
      ),
    },
    {
      name: 'too many connections, other client address',
      kind: 'same',
      a: log('2024-05-01 10:02:00.000 UTC [5120] FATAL:  sorry, too many clients already'),
      b: log('2024-05-09 17:45:00.000 UTC [6] FATAL:  sorry, too many clients already'),
    },
    {
      name: 'unique violation on two constraints',
      kind: 'different',
      a: log(
        '2024-05-01 10:03:00.000 UTC [4411] ERROR:  duplicate key value violates unique constraint "users_email_key"',
      ),
      b: log(
        '2024-05-01 10:03:00.000 UTC [4411] ERROR:  duplicate key value violates unique constraint "orders_pkey"',
      ),
    },
    {
      name: 'SQLSTATE 40P01 vs 40001 (log_error_verbosity = verbose)',
      kind: 'different',
      a: log(
        '2024-05-01 10:04:00.000 UTC [4411] ERROR:  40P01: could not serialize access due to concurrent update',
      ),
      b: log(
        '2024-05-01 10:04:00.000 UTC [4411] ERROR:  40001: could not serialize access due to concurrent update',
      ),
    },
    {
      name: 'relation does not exist, two relations',
      kind: 'different',
      a: log('2024-05-01 10:05:00.000 UTC [4411] ERROR:  relation "invoices" does not exist at character 15'),
      b: log('2024-05-01 10:05:00.000 UTC [4411] ERROR:  relation "payments" does not exist at character 15'),
    },
  ],
};
