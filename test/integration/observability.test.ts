/**
 * What an operator reads: one JSON log line per answer with the request id and
 * route, and CloudWatch Embedded Metric Format lines for the figures worth
 * charting — from the real handlers behind the running stack.
 */
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

function jsonLines(): Array<Record<string, unknown>> {
  return stack
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        const value = JSON.parse(line) as unknown;
        return value !== null && typeof value === 'object' ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((tick) => setTimeout(tick, 100));
  }
  throw new Error(`not found in the output:\n${stack.output().slice(-2000)}`);
}

describe('logs and metrics', () => {
  it('logs each answer as JSON with its request id, route and status', async () => {
    const answer = await request(stack.url, '/logs', {
      method: 'POST',
      body: 'ERROR observability check 1\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(201);
    const requestId = answer.headers.get('apigw-requestid');
    const line = await eventually(() =>
      jsonLines().find((l) => l['message'] === 'answered' && l['requestId'] === requestId),
    );
    expect(line).toMatchObject({ level: 'INFO', service: 'logsift', route: 'POST /logs', status: 201 });
    expect(typeof line['ms']).toBe('number');
  });

  it('emits LogsIngested and ReportsCreated in Embedded Metric Format', async () => {
    await request(stack.url, '/logs', {
      method: 'POST',
      body: 'ERROR observability check 2\n',
      headers: { 'content-type': 'text/plain' },
    });
    const emf = (name: string) =>
      jsonLines().find((l) => {
        const aws = l['_aws'] as {
          CloudWatchMetrics?: Array<{ Namespace: string; Metrics: Array<{ Name: string }> }>;
        };
        return aws?.CloudWatchMetrics?.some(
          (m) => m.Namespace === 'logsift' && m.Metrics.some((x) => x.Name === name),
        );
      });
    const ingested = await eventually(() => emf('LogsIngested'));
    expect(ingested['route']).toBe('POST /logs');
    expect(ingested['LogsIngested']).toBe(1);
    expect(await eventually(() => emf('ReportsCreated'))).toMatchObject({ ReportsCreated: 1 });
  });

  it('emits Regressions when a closed issue comes back', async () => {
    const form = new FormData();
    form.append('file', new Blob(['ERROR observability check 3\n']), 'bug.log');
    form.append('summary', 'comes back');
    const filed = await request(stack.url, '/issues', { method: 'POST', body: form });
    expect(filed.status).toBe(201);
    await request(stack.url, `/issues/${String(filed.body['issueId'])}`, {
      method: 'PATCH',
      body: JSON.stringify({ new_status: 'closed' }),
      headers: { 'content-type': 'application/json' },
    });
    await request(stack.url, '/logs', {
      method: 'POST',
      body: 'ERROR observability check 3\n',
      headers: { 'content-type': 'text/plain' },
    });
    const line = await eventually(() => jsonLines().find((l) => l['Regressions'] === 1));
    expect(line['route']).toBe('POST /logs');
  });
});
