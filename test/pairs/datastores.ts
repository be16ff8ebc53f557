import { log, ndjson, type PairFormat } from './model.ts';

function mongo(
  s: string,
  c: string,
  id: number,
  ctx: string,
  msg: string,
  attr: Record<string, unknown>,
  t = '2024-05-01T10:00:00.123+00:00',
) {
  return { t: { $date: t }, s, c, id, ctx, msg, attr };
}

export const datastores: PairFormat = {
  format: 'MongoDB / Redis',
  pairs: [
    {
      name: 'MongoDB: one error, other connection, remote and time',
      kind: 'same',
      a: ndjson(
        mongo(
          'E',
          'NETWORK',
          23073,
          'conn8812',
          'Error receiving request from client. Ending connection from remote',
          {
            error: {
              code: 141,
              codeName: 'SSLHandshakeFailed',
              errmsg: 'SSL handshake received but server is started without SSL support',
            },
            remote: '10.0.0.17:55012',
            connectionId: 8812,
          },
        ),
      ),
      b: ndjson(
        mongo(
          'E',
          'NETWORK',
          23073,
          'conn90',
          'Error receiving request from client. Ending connection from remote',
          {
            error: {
              code: 141,
              codeName: 'SSLHandshakeFailed',
              errmsg: 'SSL handshake received but server is started without SSL support',
            },
            remote: '10.0.9.3:41000',
            connectionId: 90,
          },
          '2024-05-04T22:13:01.999+02:00',
        ),
      ),
    },
    {
      name: 'MongoDB: one message, two error codes',
      kind: 'different',
      a: ndjson(
        mongo(
          'E',
          'NETWORK',
          23073,
          'conn8812',
          'Error receiving request from client. Ending connection from remote',
          {
            error: {
              code: 141,
              codeName: 'SSLHandshakeFailed',
              errmsg: 'SSL handshake received but server is started without SSL support',
            },
            remote: '10.0.0.17:55012',
          },
        ),
      ),
      b: ndjson(
        mongo(
          'E',
          'NETWORK',
          23073,
          'conn8812',
          'Error receiving request from client. Ending connection from remote',
          {
            error: { code: 6, codeName: 'HostUnreachable', errmsg: 'Connection reset by peer' },
            remote: '10.0.0.17:55012',
          },
        ),
      ),
    },
    {
      name: 'MongoDB: warning vs error of one log id',
      kind: 'different',
      a: ndjson(
        mongo('W', 'REPL', 21400, 'ReplCoord-3', 'Lost connection to primary', { primary: 'db-1:27017' }),
      ),
      b: ndjson(
        mongo('E', 'REPL', 21400, 'ReplCoord-3', 'Lost connection to primary', { primary: 'db-1:27017' }),
      ),
    },
    {
      name: 'MongoDB: one message from two components',
      kind: 'different',
      a: ndjson(
        mongo('E', 'STORAGE', 22435, 'initandlisten', 'WiredTiger error message', {
          error: 13,
          message: 'Permission denied',
        }),
      ),
      b: ndjson(
        mongo('E', 'REPL', 22435, 'initandlisten', 'WiredTiger error message', {
          error: 13,
          message: 'Permission denied',
        }),
      ),
    },
    {
      name: 'MongoDB: fatal assertion, other context and time',
      kind: 'same',
      a: ndjson(
        mongo('F', 'ASSERT', 23089, 'conn12', 'Fatal assertion', {
          msgid: 40507,
          file: 'src/mongo/db/repl/rs_rollback.cpp',
          line: 1010,
        }),
      ),
      b: ndjson(
        mongo(
          'F',
          'ASSERT',
          23089,
          'conn4431',
          'Fatal assertion',
          { msgid: 40507, file: 'src/mongo/db/repl/rs_rollback.cpp', line: 1010 },
          '2024-06-01T00:00:00.000+00:00',
        ),
      ),
    },
    {
      name: 'Redis: overcommit warning, other pid and time',
      kind: 'same',
      a: log(
        '4411:M 01 May 2024 10:00:00.123 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.',
      ),
      b: log(
        '1:M 17 Jun 2024 23:59:01.001 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.',
      ),
    },
    {
      name: 'Redis: RDB save failed, other pid and temp file',
      kind: 'same',
      a: log(
        '4411:M 01 May 2024 10:01:00.123 # Failed opening the temp RDB file temp-4411.rdb (in server root dir /data) for saving: Permission denied',
      ),
      b: log(
        '93:M 02 May 2024 04:01:00.555 # Failed opening the temp RDB file temp-93.rdb (in server root dir /data) for saving: Permission denied',
      ),
    },
    {
      name: 'Redis: RDB save failed, permission denied vs no space',
      kind: 'different',
      a: log(
        '4411:M 01 May 2024 10:01:00.123 # Failed opening the temp RDB file temp-4411.rdb (in server root dir /data) for saving: Permission denied',
      ),
      b: log(
        '4411:M 01 May 2024 10:01:00.123 # Failed opening the temp RDB file temp-4411.rdb (in server root dir /data) for saving: No space left on device',
      ),
    },
    {
      name: 'Redis: replica lost its master, other pid and address',
      kind: 'same',
      a: log('812:S 01 May 2024 10:02:00.001 # Error condition on socket for SYNC: Connection refused'),
      b: log('17:S 03 May 2024 17:32:10.441 # Error condition on socket for SYNC: Connection refused'),
    },
    {
      name: 'Redis: SYNC refused vs timed out',
      kind: 'different',
      a: log('812:S 01 May 2024 10:02:00.001 # Error condition on socket for SYNC: Connection refused'),
      b: log('812:S 01 May 2024 10:02:00.001 # Error condition on socket for SYNC: Connection timed out'),
    },
  ],
};
