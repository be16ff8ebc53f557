import { log, type PairFormat } from './model.ts';

export const logfmt: PairFormat = {
  format: 'logfmt',
  pairs: [
    {
      name: 'slog: cannot open journal, other path id and time',
      kind: 'same',
      a: log(
        'time=2024-05-01T10:00:00.120Z level=ERROR msg="cannot open journal" path=/var/lib/ingest/j-4411 err="permission denied"',
      ),
      b: log(
        'time=2024-05-02T19:44:10.009Z level=ERROR msg="cannot open journal" path=/var/lib/ingest/j-17 err="permission denied"',
      ),
    },
    {
      name: 'a transaction id of letters only, and another with digits',
      kind: 'same',
      a: log('ts=2024-05-01T10:00:00Z level=error msg="ledger refused the posting" txn_id=bcafe'),
      b: log('ts=2024-05-01T10:00:04Z level=error msg="ledger refused the posting" txn_id=9f3a2'),
    },
    {
      name: 'one posting refused: by the ledger vs by the fraud check',
      kind: 'different',
      a: log('ts=2024-05-01T10:00:00Z level=error msg="ledger refused the posting" txn_id=bcafe'),
      b: log('ts=2024-05-01T10:00:00Z level=error msg="fraud check refused the posting" txn_id=bcafe'),
    },
    {
      name: 'logrus text: user not found, other user',
      kind: 'same',
      a: log('time="2024-05-01T10:01:00Z" level=warning msg="user 42 not found" request_id=7a1c'),
      b: log('time="2024-05-01T10:07:31Z" level=warning msg="user 97 not found" request_id=e02b'),
    },
    {
      name: 'Heroku router: H12 timeout, other request and dyno',
      kind: 'same',
      a: log(
        'at=error code=H12 desc="Request timeout" method=GET path="/reports?from=2024-04-01" host=shop.example.com request_id=5d1c0f7e fwd="203.0.113.9" dyno=web.3 connect=1ms service=30000ms status=503 bytes=0',
      ),
      b: log(
        'at=error code=H12 desc="Request timeout" method=GET path="/reports?from=2024-01-01" host=shop.example.com request_id=0a9b77e2 fwd="198.51.100.4" dyno=web.1 connect=0ms service=30001ms status=503 bytes=0',
      ),
    },
    {
      name: 'slog: cannot open journal vs token expired',
      kind: 'different',
      a: log('time=2024-05-01T10:03:00Z level=error msg="cannot open journal"'),
      b: log('time=2024-05-01T10:03:00Z level=error msg="token expired"'),
    },
    {
      name: 'Heroku router: H12 vs H13',
      kind: 'different',
      a: log(
        'at=error code=H12 desc="Request timeout" method=POST path="/checkout" host=shop.example.com dyno=web.2 status=503',
      ),
      b: log(
        'at=error code=H13 desc="Connection closed without response" method=POST path="/checkout" host=shop.example.com dyno=web.2 status=503',
      ),
    },
    {
      name: 'Docker daemon: one message, two errors',
      kind: 'different',
      a: log(
        'time="2024-05-01T10:05:00.000000000Z" level=error msg="Handler for POST /containers/create returned error: No such image: web:latest"',
      ),
      b: log(
        'time="2024-05-01T10:05:00.000000000Z" level=error msg="Handler for POST /containers/create returned error: Conflict. The container name is already in use"',
      ),
    },
  ],
};
