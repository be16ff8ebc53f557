/**
 * The tags panel and the lists' service/environment filters against the
 * running stack: one failure sent as OTLP/HTTP JSON, Elasticsearch bulk and
 * NDJSON records from several services, environments and hosts is one report
 * whose tags count them; the lists filter by service and environment, page by
 * page, in JSON and HTML.
 */
import { type Answer, request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

const MESSAGE = (order: number) => `charge for order ${order} refused by the card network`;

function post(path: string, body: string, contentType: string): Promise<Answer> {
  return request(stack.url, path, { method: 'POST', body, headers: { 'content-type': contentType } });
}

/** OTLP/HTTP JSON: one resource (a service instance), its scope the logger. */
function otlp(resource: Record<string, string>, records: Array<{ severity: string; text: string }>) {
  return JSON.stringify({
    resourceLogs: [
      {
        resource: {
          attributes: Object.entries(resource).map(([key, value]) => ({
            key,
            value: { stringValue: value },
          })),
        },
        scopeLogs: [
          {
            scope: { name: 'billing.charges' },
            logRecords: records.map(({ severity, text }, i) => ({
              timeUnixNano: `${1764583200000000000n + BigInt(i) * 1000000n}`,
              severityNumber: severity === 'ERROR' ? 17 : 13,
              severityText: severity,
              body: { stringValue: text },
              attributes: [{ key: 'order.id', value: { intValue: String(700 + i) } }],
            })),
          },
        ],
      },
    ],
  });
}

/** Elasticsearch bulk: an ECS document per `create` action. */
function bulk(docs: Array<Record<string, string>>) {
  return `${docs.flatMap((doc) => [JSON.stringify({ create: { _index: 'logs-app' } }), JSON.stringify(doc)]).join('\n')}\n`;
}

const ecs = (service: string, environment: string, host: string, message: string) => ({
  '@timestamp': '2026-12-01T10:00:00.000Z',
  'log.level': 'error',
  'log.logger': 'billing.charges',
  message,
  'service.name': service,
  'service.environment': environment,
  'host.name': host,
});

interface Tagged {
  reportId: string;
  issueId: string;
  title: string;
  tags: Record<string, Array<{ value: string; count: number }>>;
  tagsOther: Record<string, number>;
}

async function reportsWhere(query: string): Promise<Tagged[]> {
  const answer = await request(stack.url, `/?format=json&limit=200${query}`);
  expect(answer.status).toBe(200);
  return answer.body['reports'] as Tagged[];
}

let charge: Tagged;

describe('the tags of one failure sent by three kinds of shipper', () => {
  beforeAll(async () => {
    const sent = [
      await post(
        '/v1/logs',
        otlp(
          { 'service.name': 'billing', 'deployment.environment.name': 'production', 'host.name': 'pay-1' },
          [
            { severity: 'ERROR', text: MESSAGE(1) },
            { severity: 'ERROR', text: MESSAGE(2) },
          ],
        ),
        'application/json',
      ),
      await post(
        '/_bulk',
        bulk([
          ecs('billing', 'production', 'pay-2', MESSAGE(3)),
          ecs('billing', 'production', 'pay-2', MESSAGE(4)),
          ecs('checkout', 'staging', 'pay-3', MESSAGE(5)),
        ]),
        'application/x-ndjson',
      ),
      await post(
        '/logs',
        `${JSON.stringify({ level: 'error', logger: 'billing.charges', msg: MESSAGE(6), service: 'billing', env: 'staging', hostname: 'pay-1' })}\n`,
        'application/x-ndjson',
      ),
    ];
    expect(sent.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(sent[1]!.body['errors']).toBe(false);
    const found = (await reportsWhere('')).filter((r) => r.title.includes('refused by the card network'));
    expect(found).toHaveLength(1);
    charge = found[0]!;
  }, 60_000);

  it('is one report whose tags count each service, environment, host and logger', () => {
    expect(charge.tags).toEqual({
      service: [
        { value: 'billing', count: 5 },
        { value: 'checkout', count: 1 },
      ],
      environment: [
        { value: 'production', count: 4 },
        { value: 'staging', count: 2 },
      ],
      host: [
        { value: 'pay-1', count: 3 },
        { value: 'pay-2', count: 2 },
        { value: 'pay-3', count: 1 },
      ],
      logger: [{ value: 'billing.charges', count: 6 }],
    });
    expect(charge.tagsOther).toEqual({ service: 0, environment: 0, host: 0, logger: 0 });
  });

  it('answers the same tags on the report and the issue, and shows them on the report page', async () => {
    const report = await request(stack.url, `/logs/extracted/${charge.reportId}`);
    expect(report.body['tags']).toEqual(charge.tags);
    const issue = await request(stack.url, `/issues/${charge.issueId}`);
    expect(issue.body['tags']).toEqual(charge.tags);
    const page = await request(stack.url, `/logs/extracted/${charge.reportId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('<h2 id="tags-h">Tags</h2>');
    expect(page.text).toContain('<a href="/?service=checkout">checkout</a> <span class="num">1</span>');
    expect(page.text).toContain('<span>pay-2</span> <span class="num">2</span>');
  });
});

describe('lists filtered by service and environment', () => {
  beforeAll(async () => {
    // Five different failures of the ledger service, in production, staging, production, ….
    const lines = ['export', 'import', 'close', 'reopen', 'audit'].map((step, i) =>
      JSON.stringify({
        level: 'warn',
        logger: 'ledger.jobs',
        msg: `ledger ${step} step skipped: period locked`,
        service: 'ledger',
        env: i % 2 === 0 ? 'production' : 'staging',
        hostname: 'batch-1',
      }),
    );
    const answer = await post('/logs', `${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(answer.body['reports']).toHaveLength(5);
  }, 60_000);

  it('lists only the reports seen with a service, an environment, or both', async () => {
    const ledger = await reportsWhere('&service=ledger');
    expect(ledger).toHaveLength(5);
    expect(ledger.every((r) => r.tags['service']![0]!.value === 'ledger')).toBe(true);
    expect((await reportsWhere('&service=checkout')).map((r) => r.reportId)).toEqual([charge.reportId]);
    expect(await reportsWhere('&environment=staging')).toHaveLength(3);
    expect(await reportsWhere('&service=ledger&environment=production')).toHaveLength(3);
    expect(await reportsWhere('&service=nobody')).toEqual([]);
    const answer = await request(stack.url, '/?format=json&service=ledger');
    expect(answer.body['total']).toBeNull();
  });

  it('pages a filtered list to its end, by nextCursor and by the Link header', async () => {
    const seen: string[] = [];
    let path: string | null = '/?format=json&service=ledger&limit=2';
    let pages = 0;
    while (path) {
      const answer = await request(stack.url, path);
      expect(answer.status).toBe(200);
      seen.push(...(answer.body['reports'] as Tagged[]).map((r) => r.reportId));
      const link = answer.headers.get('link');
      const cursor = answer.body['nextCursor'] as string | null;
      expect(link !== null).toBe(cursor !== null);
      if (link) expect(link).toContain('service=ledger');
      path = link ? /^<([^>]+)>/.exec(link)![1]! : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toEqual((await reportsWhere('&service=ledger')).map((r) => r.reportId));
  });

  it('refuses a cursor of another filter, and a value too long, with a 400', async () => {
    const first = await request(stack.url, '/?format=json&service=ledger&limit=2');
    const cursor = first.body['nextCursor'] as string;
    const other = await request(stack.url, `/?format=json&service=billing&limit=2&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.body.error?.code).toBe('invalid_cursor');
    const long = await request(stack.url, `/?format=json&environment=${'e'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.error).toEqual({
      code: 'invalid_query',
      message: '"environment" is longer than 100 characters',
    });
  });

  it('filters the issue list the same way', async () => {
    const filed = await request(stack.url, '/issues', {
      method: 'POST',
      body: new URLSearchParams({ reportId: charge.reportId, summary: 'Card network refuses charges' }),
    });
    expect(filed.status).toBe(201);
    const issues = async (query: string) =>
      ((await request(stack.url, `/issues?format=json${query}`)).body['issues'] as Tagged[]).map(
        (i) => i.issueId,
      );
    expect(await issues('&service=checkout')).toEqual([charge.issueId]);
    expect(await issues('&service=ledger')).toEqual([]);
    const html = await request(stack.url, '/issues?service=checkout', { headers: { accept: 'text/html' } });
    expect(html.text).toContain('<input id="f-service" type="text" name="service" value="checkout"');
  });
});
