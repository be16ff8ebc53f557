/**
 * The Elasticsearch-compatible root `/es` against the running stack, with
 * Elastic's own clients: `@elastic/elasticsearch` 8 (which checks
 * `X-Elastic-Product` on every 2xx) and Debian's python3-elasticsearch 7.17
 * (whose product check reads the root first). Each client must report
 * success; each failure document counts on its own report, a stack making it
 * C, two documents of one failure that differ in user, host, ids and time on
 * one report; the archived log is the bulk body byte for byte. `GET /` stays
 * the report list, and the Elasticsearch APIs logsift does not serve answer
 * 404 naming the setting that turns them off.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@elastic/elasticsearch';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const run = promisify(execFile);
const stack = withStack();

interface ListedReport {
  reportId: string;
  type: string;
  occurrences: number;
  extract: string;
}

async function reportsWith(text: string): Promise<ListedReport[]> {
  const answer = await request(stack.url, '/?format=json&limit=200');
  return (answer.body['reports'] as ListedReport[]).filter((r) => r.extract.includes(text));
}

/** The one report whose extract contains `text` (fails the test when there are several or none). */
async function reportWith(text: string): Promise<ListedReport> {
  const found = await reportsWith(text);
  expect({ text, found: found.length }).toEqual({ text, found: 1 });
  return found[0]!;
}

async function archived(logId: string): Promise<Buffer> {
  const raw = await fetch(`${stack.url}/logs/${logId}`);
  expect(raw.status).toBe(200);
  return Buffer.from(await raw.arrayBuffer());
}

/** The log id logsift gave a bulk request, from an item's `_id` (`<logId>-<n>` when the client chose none). */
const logIdOf = (id: string) => /^(\d{9})-\d+$/.exec(id)?.[1];

class LedgerSealedError extends Error {
  override name = 'LedgerSealedError';
}

function sealLedger(): never {
  throw new LedgerSealedError('ledger is sealed for writes');
}

/** An ECS failure record with a real stack, thrown from one place whoever the user. */
function failure(user: string, host: string, traceId: string, at: Date) {
  try {
    sealLedger();
  } catch (error) {
    const e = error as Error;
    return {
      '@timestamp': at.toISOString(),
      log: { level: 'error', logger: 'ledger.writer' },
      message: 'writing the ledger entry failed',
      error: { type: e.name, message: e.message, stack_trace: e.stack },
      user: { name: user },
      host: { name: host },
      trace: { id: traceId },
    };
  }
}

describe('the Elasticsearch-compatible root', () => {
  it('answers the handshake with the product header, and leaves GET / the report list', async () => {
    const root = await fetch(`${stack.url}/es`);
    expect(root.status).toBe(200);
    expect(root.headers.get('x-elastic-product')).toBe('Elasticsearch');
    const info = (await root.json()) as { version: { number: string }; tagline: string };
    expect(info.version.number).toMatch(/^8\.\d+\.\d+$/);
    expect(info.tagline).toBe('You Know, for Search');
    // Logstash's health check asks HEAD of the root with a trailing slash.
    const head = await fetch(`${stack.url}/es/`, { method: 'HEAD' });
    expect([head.status, head.headers.get('x-elastic-product')]).toEqual([200, 'Elasticsearch']);
    const license = await request(stack.url, '/es/_license');
    expect(license.body).toMatchObject({ license: { status: 'active', issuer: 'logsift' } });

    const list = await request(stack.url, '/');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body['reports'])).toBe(true);
    expect(list.headers.get('x-elastic-product')).toBeNull();
    const page = await fetch(`${stack.url}/`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses template, ILM and health calls with a 404 naming the setting that turns them off', async () => {
    const template = await request(stack.url, '/es/_index_template/filebeat-8.17.0', {
      method: 'PUT',
      body: JSON.stringify({ index_patterns: ['filebeat-*'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(template.status).toBe(404);
    expect(template.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(template.body.error?.message).toContain('setup.template.enabled: false');
    const ilm = await request(stack.url, '/es/_ilm/policy/logstash-policy');
    expect([ilm.status, ilm.body.error?.message]).toEqual([
      404,
      expect.stringContaining('ilm_enabled => false'),
    ]);
    const health = await request(stack.url, '/es/_cluster/health');
    expect([health.status, health.body.error?.message]).toEqual([
      404,
      expect.stringContaining('healthcheck.enabled: false'),
    ]);
    // A known path with another method is a 405, as everywhere else.
    const wrong = await request(stack.url, '/es/_bulk');
    expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('@elastic/elasticsearch 8', () => {
  const sent: string[] = [];
  let client: Client;
  beforeAll(() => {
    client = new Client({ node: `${stack.url}/es` });
    // The bodies exactly as the client put them on the wire.
    client.diagnostic.on('response', (_error, result) => {
      const params = result?.meta.request.params;
      if (params?.path.endsWith('/_bulk') && typeof params.body === 'string') sent.push(params.body);
    });
  });
  afterAll(() => client?.close());

  it('passes its product check: info() resolves with the version', async () => {
    const info = await client.info();
    expect(info.version.number).toMatch(/^8\./);
    expect(info.cluster_name).toBe('logsift');
  });

  it('bulk(): no failed item, the failure counted, the body archived as sent', async () => {
    const now = new Date();
    const answer = await client.bulk({
      operations: [
        { index: { _index: 'payments' } },
        {
          '@timestamp': now.toISOString(),
          log: { level: 'error' },
          message: 'card vault unreachable (tcp 10.4.2.9:8443)',
        },
        { create: { _index: 'payments' } },
        { '@timestamp': now.toISOString(), log: { level: 'info' }, message: 'payment 8812 captured' },
      ],
    });
    expect(answer.errors).toBe(false);
    expect(answer.items.map((item) => Object.values(item)[0]!.status)).toEqual([201, 201]);
    const report = await reportWith('card vault unreachable');
    expect([report.type, report.occurrences]).toEqual(['E', 1]);
    const logId = logIdOf(String(answer.items[0]!.index!._id));
    expect(logId).toBeDefined();
    expect((await archived(logId!)).toString('utf8')).toBe(sent.at(-1));
  });

  it('helpers.bulk: every document successful, one crash of two users counted twice on one C report', async () => {
    const now = Date.now();
    const documents = [
      failure('alice', 'web-2', '4bf92f3577b34da6a3ce929d0e0e4736', new Date(now)),
      {
        '@timestamp': new Date(now).toISOString(),
        log: { level: 'info' },
        message: 'ledger entry 77 written',
      },
      failure('bob', 'web-7', '00f067aa0ba902b7a1c4e2f3d5b6c7d8', new Date(now + 93_000)),
      {
        '@timestamp': new Date(now).toISOString(),
        log: { level: 'warn', logger: 'ledger.compactor' },
        message: 'ledger compaction skipped: segment busy',
      },
    ];
    const ids: string[] = [];
    const stats = await client.helpers.bulk({
      datasource: documents,
      onDocument: () => ({ create: { _index: 'ledger' } }),
      onSuccess: ({ result }) => ids.push(String(Object.values(result)[0]!._id)),
      onDrop: (dropped) => {
        throw new Error(`dropped: ${JSON.stringify(dropped)}`);
      },
    });
    expect([stats.total, stats.successful, stats.failed, stats.aborted]).toEqual([4, 4, 0, false]);
    const crash = await reportWith('ledger is sealed for writes');
    expect([crash.type, crash.occurrences]).toEqual(['C', 2]);
    const warning = await reportWith('compaction skipped');
    expect([warning.type, warning.occurrences]).toEqual(['W', 1]);
    expect(await reportsWith('ledger entry 77')).toEqual([]);
    const logId = logIdOf(ids[0]!);
    expect(logId).toBeDefined();
    expect((await archived(logId!)).toString('utf8')).toBe(sent.at(-1));
  });
});

const PYTHON = '/usr/bin/python3';
const hasPythonClient = existsSync('/usr/lib/python3/dist-packages/elasticsearch/__init__.py');

describe("Debian's python3-elasticsearch 7.17", () => {
  it('passes its product check and helpers.bulk reports every record indexed; the crash counts twice on one C report', async () => {
    if (!hasPythonClient) {
      throw new Error(
        'python3-elasticsearch is not installed: apt-get install python3-elasticsearch (.ci/run does)',
      );
    }
    const { stdout } = await run(
      PYTHON,
      [join(__dirname, 'clients/es_py_bulk.py'), `${stack.url}/es`, 'quota'],
      { timeout: 60_000 },
    );
    const out = JSON.parse(stdout) as {
      info: { version: { number: string } };
      success: number;
      errors: unknown[];
      sent: Array<{
        body: string;
        answer: { errors: boolean; items: Array<Record<string, { _id: string }>> };
      }>;
    };
    expect(out.info.version.number).toMatch(/^8\./);
    expect([out.success, out.errors]).toEqual([4, []]);
    const crash = await reportWith('quota ledger is sealed');
    expect([crash.type, crash.occurrences]).toEqual(['C', 2]);
    expect((await reportWith('quota sweep is')).type).toBe('W');
    expect(await reportsWith('quota reserved for carol')).toEqual([]);
    expect(out.sent).toHaveLength(1);
    const [only] = out.sent;
    const logId = logIdOf(Object.values(only!.answer.items[0]!)[0]!._id);
    expect(logId).toBeDefined();
    expect((await archived(logId!)).equals(Buffer.from(only!.body, 'base64'))).toBe(true);
  }, 90_000);
});

describe('with bearer tokens configured', () => {
  const TOKEN = 'es-ingest-token-0123456789';
  const guarded = withStack({ env: { INGEST_TOKENS: TOKEN } });

  it("the JS client's `auth: { bearer }` is let in, none is refused 401 with the product header", async () => {
    const client = new Client({ node: `${guarded.url}/es`, auth: { bearer: TOKEN } });
    const anonymous = new Client({ node: `${guarded.url}/es`, maxRetries: 0 });
    try {
      expect((await anonymous.info()).version.number).toMatch(/^8\./);
      const operations = [
        { create: { _index: 'guarded' } },
        { log: { level: 'error' }, message: 'token vault handshake refused' },
      ];
      const refused = await anonymous.bulk({ operations }).then(
        () => null,
        (error: { meta?: { statusCode?: number; headers?: Record<string, string> } }) => error.meta,
      );
      expect([refused?.statusCode, refused?.headers?.['x-elastic-product']]).toEqual([401, 'Elasticsearch']);
      expect((await client.bulk({ operations })).errors).toBe(false);
      const found = (await request(guarded.url, '/?format=json')).body['reports'] as ListedReport[];
      expect(
        found.filter((r) => r.extract.includes('token vault handshake')).map((r) => r.occurrences),
      ).toEqual([1]);
    } finally {
      await client.close();
      await anonymous.close();
    }
  });

  it("the Python client's `headers=` carries the token through helpers.bulk", async () => {
    if (!hasPythonClient) throw new Error('python3-elasticsearch is not installed');
    const { stdout } = await run(
      PYTHON,
      [join(__dirname, 'clients/es_py_bulk.py'), `${guarded.url}/es`, 'quota', TOKEN],
      { timeout: 60_000 },
    );
    expect((JSON.parse(stdout) as { success: number }).success).toBe(4);
  }, 90_000);
});
