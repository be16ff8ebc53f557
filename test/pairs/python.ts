import { log, type PairFormat } from './model.ts';

export const python: PairFormat = {
  format: 'Python',
  pairs: [
    {
      name: 'traceback, other checkout path and line numbers',
      kind: 'same',
      a: log(
        '2024-05-01 10:00:00,123 ERROR [payments.refunds] refund rf_8812 failed',
        'Traceback (most recent call last):',
        '  File "/srv/app/payments/refunds.py", line 88, in issue',
        '    gateway.refund(charge_id, amount)',
        '  File "/srv/app/payments/gateway.py", line 41, in refund',
        '    raise GatewayError(f"declined: {code}")',
        'payments.gateway.GatewayError: declined: insufficient_funds',
      ),
      b: log(
        '2024-05-06 08:14:09,002 ERROR [payments.refunds] refund rf_17 failed',
        'Traceback (most recent call last):',
        '  File "/home/deploy/releases/42/payments/refunds.py", line 90, in issue',
        '    gateway.refund(charge_id, amount)',
        '  File "/home/deploy/releases/42/payments/gateway.py", line 41, in refund',
        '    raise GatewayError(f"declined: {code}")',
        'payments.gateway.GatewayError: declined: insufficient_funds',
      ),
    },
    {
      name: 'logging default format, other user',
      kind: 'same',
      a: log('ERROR:accounts.sync:could not sync mailbox for user alice: IMAP login refused'),
      b: log('ERROR:accounts.sync:could not sync mailbox for user bob: IMAP login refused'),
    },
    {
      name: 'gunicorn worker timeout, other pid',
      kind: 'same',
      a: log('[2024-05-01 10:02:00 +0000] [4411] [CRITICAL] WORKER TIMEOUT (pid:4420)'),
      b: log('[2024-05-02 23:00:59 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:12)'),
    },
    {
      name: 'KeyError vs ValueError at one place',
      kind: 'different',
      a: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/export.py", line 12, in run',
        '    row = rows[key]',
        "KeyError: 'customer_id'",
      ),
      b: log(
        'Traceback (most recent call last):',
        '  File "/srv/app/export.py", line 12, in run',
        '    row = rows[key]',
        "ValueError: 'customer_id'",
      ),
    },
    {
      name: 'ERROR [payments.refunds] vs ERROR [payments.charges]',
      kind: 'different',
      a: log('2024-05-01 10:04:00,000 ERROR [payments.refunds] provider unavailable'),
      b: log('2024-05-01 10:04:00,000 ERROR [payments.charges] provider unavailable'),
    },
    {
      name: 'requests HTTPError 404 vs 500',
      kind: 'different',
      a: log(
        '2024-05-01 10:05:00,000 ERROR sync: requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/v2/contacts/8812',
      ),
      b: log(
        '2024-05-01 10:05:00,000 ERROR sync: requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://api.example.com/v2/contacts/8812',
      ),
    },
  ],
};
