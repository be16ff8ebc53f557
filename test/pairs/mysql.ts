import { log, type PairFormat } from './model.ts';

export const mysql: PairFormat = {
  format: 'MySQL',
  pairs: [
    {
      name: 'replica SQL error, other thread and position',
      kind: 'same',
      a: log(
        "2024-05-01T10:00:00.123456Z 12 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS' at source log binlog.000042, end_log_pos 81234; Error 'Duplicate entry '42' for key 'PRIMARY'' on query.",
      ),
      b: log(
        "2024-05-04T03:10:09.000001Z 7 [ERROR] [MY-010584] [Repl] Replica SQL for channel '': Worker 3 failed executing transaction 'ANONYMOUS' at source log binlog.000108, end_log_pos 99; Error 'Duplicate entry '9001' for key 'PRIMARY'' on query.",
      ),
    },
    {
      name: 'aborted connection, other id, user and host',
      kind: 'same',
      a: log(
        "2024-05-01T10:01:00.000000Z 8812 [Warning] [MY-010055] [Server] IP address '10.0.0.5' could not be resolved: Name or service not known",
      ),
      b: log(
        "2024-05-01T19:01:00.000000Z 17 [Warning] [MY-010055] [Server] IP address '10.0.8.99' could not be resolved: Name or service not known",
      ),
    },
    {
      name: 'client error 1045, other user',
      kind: 'same',
      a: log("ERROR 1045 (28000): Access denied for user 'report'@'10.0.0.7' (using password: YES)"),
      b: log("ERROR 1045 (28000): Access denied for user 'etl'@'10.0.3.1' (using password: YES)"),
    },
    {
      name: 'MY-010584 vs MY-013360 from one subsystem',
      kind: 'different',
      a: log(
        '2024-05-01T10:03:00.000000Z 12 [ERROR] [MY-010584] [Repl] Replica SQL: worker failed executing transaction',
      ),
      b: log(
        '2024-05-01T10:03:00.000000Z 12 [ERROR] [MY-013360] [Repl] Replica SQL: worker failed executing transaction',
      ),
    },
    {
      name: 'client error 1045 vs 2003',
      kind: 'different',
      a: log("ERROR 1045 (28000): Access denied for user 'report'@'10.0.0.7'"),
      b: log("ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.0.7:3306' (111)"),
    },
    {
      name: 'one message from Server vs InnoDB',
      kind: 'different',
      a: log(
        '2024-05-01T10:05:00.000000Z 0 [ERROR] [MY-012592] [InnoDB] Operating system error number 28 in a file operation.',
      ),
      b: log(
        '2024-05-01T10:05:00.000000Z 0 [ERROR] [MY-012592] [InnoDB] Operating system error number 13 in a file operation.',
      ),
    },
  ],
};
