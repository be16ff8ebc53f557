import { ndjson, type PairFormat } from './model.ts';

export const logrus: PairFormat = {
  format: 'logrus',
  pairs: [
    {
      name: 'image pull failed, other image tag and time',
      kind: 'same',
      a: ndjson({
        level: 'error',
        msg: 'failed to pull image registry.example.com/web:1.4.2',
        time: '2024-05-01T10:00:00Z',
        component: 'puller',
      }),
      b: ndjson({
        level: 'error',
        msg: 'failed to pull image registry.example.com/web:2.0.0-rc1',
        time: '2024-05-02T03:00:00Z',
        component: 'puller',
      }),
    },
    {
      name: 'user not found, other user id',
      kind: 'same',
      a: ndjson({
        level: 'warning',
        msg: 'user 42 not found',
        time: '2024-05-01T10:01:00Z',
        request_id: 'a81f',
      }),
      b: ndjson({
        level: 'warning',
        msg: 'user 97 not found',
        time: '2024-05-01T10:09:00Z',
        request_id: '0c3d',
      }),
    },
    {
      name: 'queue depth warning, other count',
      kind: 'same',
      a: ndjson({
        level: 'warning',
        msg: 'queue backlog is 15230 messages',
        time: '2024-05-01T10:02:00Z',
        queue: 'emails',
      }),
      b: ndjson({
        level: 'warning',
        msg: 'queue backlog is 811 messages',
        time: '2024-05-01T10:12:00Z',
        queue: 'emails',
      }),
    },
    {
      name: 'host unreachable vs host unknown',
      kind: 'different',
      a: ndjson({ level: 'error', msg: 'probe failed: host unreachable', time: '2024-05-01T10:03:00Z' }),
      b: ndjson({ level: 'error', msg: 'probe failed: host unknown', time: '2024-05-01T10:03:00Z' }),
    },
    {
      name: 'token expired vs token revoked',
      kind: 'different',
      a: ndjson({ level: 'error', msg: 'auth failed', error: 'token expired', time: '2024-05-01T10:04:00Z' }),
      b: ndjson({ level: 'error', msg: 'auth failed', error: 'token revoked', time: '2024-05-01T10:04:00Z' }),
    },
    {
      name: 'exit status 2 vs 137',
      kind: 'different',
      a: ndjson({ level: 'error', msg: 'hook failed: exit status 2', time: '2024-05-01T10:05:00Z' }),
      b: ndjson({ level: 'error', msg: 'hook failed: exit status 137', time: '2024-05-01T10:05:00Z' }),
    },
  ],
};
