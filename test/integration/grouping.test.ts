/**
 * Grouping end to end: logs of one failure share a report however their ids,
 * timestamps and addresses differ; another exception type or other frames
 * make another report.
 */
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

interface Ingested {
  logId: string;
  reportId: string | null;
  type: string | null;
  new: boolean;
}

async function ingest(log: string): Promise<Ingested> {
  const form = new FormData();
  form.append('file', new Blob([log]), 'app.log');
  const response = await fetch(`${stack.url}/logs`, {
    method: 'POST',
    body: form,
    headers: { accept: 'application/json' },
  });
  expect(response.status === 200 || response.status === 201).toBe(true);
  return (await response.json()) as Ingested;
}

const javaLog = (o: {
  ts: string;
  thread: number;
  user: string;
  order: string;
  exception?: string;
  frame?: string;
}) => `
${o.ts} INFO  [main] c.e.shop.Server - listening on 0.0.0.0:8080
${o.ts} INFO  [http-nio-${o.thread}] c.e.shop.Api - GET /orders/${o.order} user=${o.user}
${o.ts} ERROR [http-nio-${o.thread}] c.e.shop.Api - request failed for order ${o.order}
${o.exception ?? 'java.lang.IllegalStateException'}: order ${o.order} is locked by ${o.user}
\tat com.example.shop.OrderService.${o.frame ?? 'lock'}(OrderService.java:${100 + (o.thread % 7)})
\tat com.example.shop.Api.handle(Api.java:57)
\tat org.eclipse.jetty.server.Handler.run(Handler.java:1234)
Caused by: java.sql.SQLTimeoutException: lock wait timeout after ${o.thread}ms on row 0x${(o.thread * 7919).toString(16)}
\tat com.example.db.Pool.acquire(Pool.java:88)
\t... 3 more
${o.ts} INFO  [main] c.e.shop.Server - request done
`;

const pythonLog = (o: {
  ts: string;
  pid: number;
  path: string;
  error?: string;
}) => `${o.ts} worker[${o.pid}] INFO processing ${o.path}
Traceback (most recent call last):
  File "/home/deploy${o.pid}/app/worker.py", line ${40 + (o.pid % 5)}, in run
    result = handle(job)
  File "/home/deploy${o.pid}/app/jobs.py", line 12, in handle
    return open(path).read()
${o.error ?? 'FileNotFoundError'}: [Errno 2] No such file or directory: '${o.path}'
${o.ts} worker[${o.pid}] INFO exiting
`;

describe('grouping', () => {
  it('puts two JVM crashes that differ only in ids, users, thread ids and timestamps in one report', async () => {
    const a = await ingest(
      javaLog({ ts: '2026-11-28 10:00:01,123', thread: 7, user: 'alice', order: 'A-1001' }),
    );
    const b = await ingest(
      javaLog({ ts: '2026-12-02T23:59:59.999Z', thread: 42, user: 'bob', order: 'Z-9' }),
    );
    expect(a).toMatchObject({ type: 'C', new: true });
    expect(b).toMatchObject({ type: 'C', new: false, reportId: a.reportId });
  });

  it('gives another exception type or other frames their own report', async () => {
    const base = { ts: '2026-11-28 10:00:01,123', thread: 3, user: 'carol', order: 'B-7' };
    const first = await ingest(javaLog({ ...base, exception: 'java.lang.UnsupportedOperationException' }));
    const otherType = await ingest(javaLog({ ...base, exception: 'java.lang.NullPointerException' }));
    const otherFrame = await ingest(
      javaLog({ ...base, exception: 'java.lang.UnsupportedOperationException', frame: 'unlock' }),
    );
    expect(new Set([first.reportId, otherType.reportId, otherFrame.reportId]).size).toBe(3);
  });

  it('groups Python tracebacks across temp paths and pids, and splits them by exception', async () => {
    const a = await ingest(
      pythonLog({ ts: '2026-11-28 08:00:00', pid: 311, path: '/tmp/tmpab12cd/job.json' }),
    );
    const b = await ingest(
      pythonLog({ ts: '2026-11-29 09:30:00', pid: 9876, path: '/tmp/tmpzz99yy/job.json' }),
    );
    const c = await ingest(
      pythonLog({ ts: '2026-11-29 09:30:00', pid: 9876, path: '/tmp/x/job.json', error: 'PermissionError' }),
    );
    expect(b.reportId).toBe(a.reportId);
    expect(c.reportId).not.toBe(a.reportId);
    expect(a.type).toBe('C');
  });

  it('keeps a different meaningful word apart: refused is not reset', async () => {
    const refused = await ingest('2026-11-28 10:00:00 ERROR upstream 10.0.0.7:5432 connection refused\n');
    const refusedAgain = await ingest(
      '2026-11-30 11:11:11 ERROR upstream 192.168.3.9:6543 connection refused\n',
    );
    const reset = await ingest('2026-11-28 10:00:00 ERROR upstream 10.0.0.7:5432 connection reset\n');
    expect(refusedAgain.reportId).toBe(refused.reportId);
    expect(reset.reportId).not.toBe(refused.reportId);
  });

  it('shows the normalised signature beside the raw extract', async () => {
    const { reportId } = await ingest('2026-11-28 10:00:00 ERROR job 4711 failed for user=dave after 30s\n');
    const response = await fetch(`${stack.url}/logs/extracted/${reportId}?format=json`);
    const report = (await response.json()) as { extract: string; signature: string; fingerprint: string };
    expect(report.extract).toContain('job 4711 failed for user=dave');
    expect(report.signature).not.toContain('4711');
    expect(report.signature).not.toContain('dave');
    expect(report.signature).toContain('failed');
    expect(report.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const page = await (
      await fetch(`${stack.url}/logs/extracted/${reportId}`, { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain('job 4711 failed');
    expect(page).toContain(report.fingerprint);
  });
});
