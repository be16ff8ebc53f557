import { log, type PairFormat } from './model.ts';

function chained(
  home: string,
  first: [string, number, string],
  link: string,
  last: [string, number, string, string],
): string {
  return log(
    'Traceback (most recent call last):',
    `  File "${home}/shop/cache.py", line ${first[1]}, in ${first[2]}`,
    '    return self._store[key]',
    first[0],
    '',
    link,
    '',
    'Traceback (most recent call last):',
    `  File "${home}/shop/views.py", line ${last[1]}, in ${last[2]}`,
    '    price = cache.get(sku)',
    `  File "${home}/shop/cache.py", line ${last[3]}, in get`,
    '    raise LookupError(f"no price for {key}")',
    last[0],
  );
}

const DURING = 'During handling of the above exception, another exception occurred:';
const CAUSE = 'The above exception was the direct cause of the following exception:';

export const pythonChains: PairFormat = {
  format: 'Python chains/Celery',
  pairs: [
    {
      name: "'during handling' chain, other checkout, lines and sku",
      kind: 'same',
      a: chained('/home/alice/src', ["KeyError: 'sku-8812'", 30, 'lookup'], DURING, [
        'LookupError: no price for sku-8812',
        52,
        'product',
        '33',
      ]),
      b: chained('/srv/app', ["KeyError: 'sku-90'", 31, 'lookup'], DURING, [
        'LookupError: no price for sku-90',
        55,
        'product',
        '34',
      ]),
    },
    {
      name: 'one final exception, two original exceptions',
      kind: 'different',
      a: chained('/srv/app', ["KeyError: 'sku'", 30, 'lookup'], DURING, [
        'LookupError: no price',
        52,
        'product',
        '33',
      ]),
      b: chained('/srv/app', ['TypeError: string indices must be integers', 30, 'lookup'], DURING, [
        'LookupError: no price',
        52,
        'product',
        '33',
      ]),
    },
    {
      name: "'direct cause' chain, other lines",
      kind: 'same',
      a: chained('/srv/app', ["KeyError: 'sku'", 30, 'lookup'], CAUSE, [
        'LookupError: no price',
        52,
        'product',
        '33',
      ]),
      b: chained('/srv/app', ["KeyError: 'sku'", 36, 'lookup'], CAUSE, [
        'LookupError: no price',
        58,
        'product',
        '39',
      ]),
    },
    {
      name: 'asyncio task exception never retrieved, other task name and address',
      kind: 'same',
      a: log(
        '2024-05-01 10:00:00,100 ERROR asyncio: Task exception was never retrieved',
        "future: <Task finished name='Task-12' coro=<poll_feed() done, defined at /srv/app/feeds.py:40> exception=ConnectionResetError(104, 'Connection reset by peer')>",
        'Traceback (most recent call last):',
        '  File "/srv/app/feeds.py", line 47, in poll_feed',
        '    data = await reader.read(65536)',
        '  File "/usr/lib/python3.12/asyncio/streams.py", line 730, in read',
        '    await self._wait_for_data("read")',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
      b: log(
        '2024-05-03 04:12:09,999 ERROR asyncio: Task exception was never retrieved',
        "future: <Task finished name='Task-3071' coro=<poll_feed() done, defined at /srv/app/feeds.py:40> exception=ConnectionResetError(104, 'Connection reset by peer')>",
        'Traceback (most recent call last):',
        '  File "/srv/app/feeds.py", line 47, in poll_feed',
        '    data = await reader.read(65536)',
        '  File "/usr/local/lib/python3.11/asyncio/streams.py", line 711, in read',
        '    await self._wait_for_data("read")',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    },
    {
      name: 'asyncio: reset vs refused in one task',
      kind: 'different',
      a: log(
        '2024-05-01 10:00:00,100 ERROR asyncio: Task exception was never retrieved',
        'Traceback (most recent call last):',
        '  File "/srv/app/feeds.py", line 47, in poll_feed',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
      b: log(
        '2024-05-01 10:00:00,100 ERROR asyncio: Task exception was never retrieved',
        'Traceback (most recent call last):',
        '  File "/srv/app/feeds.py", line 47, in poll_feed',
        'ConnectionRefusedError: [Errno 111] Connect call failed',
      ),
    },
    {
      name: 'Django internal server error, other path id and pids',
      kind: 'same',
      a: log(
        'ERROR 2024-05-01 10:01:00,412 log 4411 140234117 Internal Server Error: /orders/8812/invoice/',
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/django/core/handlers/exception.py", line 55, in inner',
        '    response = get_response(request)',
        '  File "/srv/app/orders/views.py", line 88, in invoice',
        '    return render(request, "invoice.html", {"total": order.total()})',
        '  File "/srv/app/orders/models.py", line 41, in total',
        '    return sum(line.amount for line in self.lines) / self.count',
        'ZeroDivisionError: division by zero',
      ),
      b: log(
        'ERROR 2024-05-02 13:44:10,001 log 19 139887001 Internal Server Error: /orders/90/invoice/',
        'Traceback (most recent call last):',
        '  File "/opt/venv/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner',
        '    response = get_response(request)',
        '  File "/srv/app/orders/views.py", line 90, in invoice',
        '    return render(request, "invoice.html", {"total": order.total()})',
        '  File "/srv/app/orders/models.py", line 41, in total',
        '    return sum(line.amount for line in self.lines) / self.count',
        'ZeroDivisionError: division by zero',
      ),
    },
    {
      name: 'Celery task failure, other worker and task id',
      kind: 'same',
      a: log(
        "[2024-05-01 10:02:00,001: ERROR/ForkPoolWorker-3] Task billing.tasks.charge[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] raised unexpected: ConnectionError('gateway unreachable')",
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task',
        '    R = retval = fun(*args, **kwargs)',
        '  File "/srv/app/billing/tasks.py", line 22, in charge',
        '    gateway.charge(order_id)',
        'ConnectionError: gateway unreachable',
      ),
      b: log(
        "[2024-05-02 00:00:12,345: ERROR/ForkPoolWorker-16] Task billing.tasks.charge[00aa11bb-22cc-33dd-44ee-55ff66778899] raised unexpected: ConnectionError('gateway unreachable')",
        'Traceback (most recent call last):',
        '  File "/srv/venv/lib/python3.12/site-packages/celery/app/trace.py", line 453, in trace_task',
        '    R = retval = fun(*args, **kwargs)',
        '  File "/srv/app/billing/tasks.py", line 22, in charge',
        '    gateway.charge(order_id)',
        'ConnectionError: gateway unreachable',
      ),
    },
    {
      name: 'Celery: one error from two tasks (one line)',
      kind: 'different',
      a: log(
        "[2024-05-01 10:03:00,001: ERROR/ForkPoolWorker-3] Task billing.tasks.charge[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] raised unexpected: ConnectionError('gateway unreachable')",
      ),
      b: log(
        "[2024-05-01 10:03:00,001: ERROR/ForkPoolWorker-3] Task billing.tasks.refund[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] raised unexpected: ConnectionError('gateway unreachable')",
      ),
    },
    {
      name: 'Celery: one task failure line, other worker and id',
      kind: 'same',
      a: log(
        "[2024-05-01 10:03:00,001: ERROR/ForkPoolWorker-3] Task billing.tasks.charge[6f1c2b3a-9d8e-4f70-a1b2-c3d4e5f60718] raised unexpected: ConnectionError('gateway unreachable')",
      ),
      b: log(
        "[2024-05-05 19:33:01,777: ERROR/ForkPoolWorker-12] Task billing.tasks.charge[ab12cd34-ef56-7890-ab12-cd34ef567890] raised unexpected: ConnectionError('gateway unreachable')",
      ),
    },
    {
      name: 'Django: one error at two views',
      kind: 'different',
      a: log(
        'ERROR 2024-05-01 10:01:00,412 log 4411 140234117 Internal Server Error: /orders/8812/invoice/',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 88, in invoice',
        'ZeroDivisionError: division by zero',
      ),
      b: log(
        'ERROR 2024-05-01 10:01:00,412 log 4411 140234117 Internal Server Error: /orders/8812/receipt/',
        'Traceback (most recent call last):',
        '  File "/srv/app/orders/views.py", line 120, in receipt',
        'ZeroDivisionError: division by zero',
      ),
    },
  ],
};
