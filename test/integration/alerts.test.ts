/**
 * Alerts end to end: the local stack as `npm start` runs it (the notifier on
 * the gateway's local schedule), configured with ALERT_RULES aimed at a real
 * HTTP receiver this test runs on 127.0.0.1. Every delivery is counted as the
 * receiver saw it, signatures checked as a receiver would.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '#lib/alerts/signing';
import { type Answer, logForm, request } from '../helpers/http.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const SECRET = 'e2e-webhook-secret-0f1e2d3c4b5a';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** The receiver: /hook and /slack answer 204; /flaky fails each alert's first three tries (503, a reset, a hang). */
class Receiver {
  readonly received: Received[] = [];
  private readonly triesById = new Map<string, number>();
  private readonly hung: ServerResponse[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
        if (req.url === '/flaky') {
          const id = String(req.headers['logsift-alert-id']);
          const tries = (this.triesById.get(id) ?? 0) + 1;
          this.triesById.set(id, tries);
          if (tries === 1) return void res.writeHead(503).end('down for maintenance');
          if (tries === 2) return void req.socket.destroy();
          if (tries === 3) return void this.hung.push(res);
        }
        res.writeHead(204).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string, reportId?: string): Received[] {
    return this.received.filter(
      (r) => r.path === path && (reportId === undefined || r.body.includes(`"reportId":"${reportId}"`)),
    );
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server.closeAllConnections();
    this.server.close();
  }
}

const receiver = new Receiver();
let stack: Stack;

beforeAll(async () => {
  await receiver.start();
  const rules = {
    destinations: {
      hook: { type: 'webhook', url: `${receiver.url}/hook`, secret: SECRET },
      flaky: { type: 'webhook', url: `${receiver.url}/flaky`, secret: SECRET },
      chat: { type: 'slack', url: `${receiver.url}/slack` },
    },
    rules: [
      { name: 'new-errors', on: 'new', types: ['C', 'E'], to: ['hook', 'flaky'] },
      { name: 'came-back', on: 'regression', to: ['hook', 'chat'] },
      { name: 'spike', on: 'surge', windowMinutes: 10, floor: 100, multiple: 3, to: ['hook'] },
    ],
  };
  stack = await startStack({
    env: {
      ALERT_RULES: JSON.stringify(rules),
      PUBLIC_URL: 'https://logsift.example.test',
      ALERT_TIMEOUT_MS: '1000',
      ALERT_RETRY_BASE_MS: '150',
      LOGSIFT_LOCAL_SCHEDULE_MS: '100',
    },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
}, 30_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `check` holds (or fails with what it last saw), then a while longer, so that a late duplicate shows. */
async function eventually<T>(what: () => T, check: (value: T) => boolean, settleMs = 1_500): Promise<T> {
  const deadline = Date.now() + 20_000;
  while (!check(what())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last seen: ${JSON.stringify(what())}`);
    await sleep(100);
  }
  await sleep(settleMs);
  return what();
}

const post = (path: string, body: string | FormData, headers: Record<string, string> = {}) =>
  request(stack.url, path, { method: 'POST', body, headers });

function parsed(r: Received): Record<string, unknown> & { report: Record<string, unknown> } {
  return JSON.parse(r.body);
}

async function fileBug(log: string, summary: string): Promise<Answer> {
  const filed = await post('/issues', logForm(log, { summary }));
  expect(filed.status).toBe(201);
  return filed;
}

describe('alerts', () => {
  it('sends a new failure once, signed, with its report, links and alert id', async () => {
    const ingested = await post(
      '/logs',
      logForm('INFO boot\nERROR ledger vault sealed: cannot post entries\n'),
    );
    expect(ingested.status).toBe(201);
    const reportId = String(ingested.body['reportId']);

    const hooks = await eventually(
      () => receiver.at('/hook', reportId),
      (seen) => seen.length >= 1,
    );
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    const header = String(hook!.headers['logsift-signature']);
    expect(verifySignature(SECRET, header, hook!.body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('not-the-secret-at-all', header, hook!.body, Math.floor(Date.now() / 1000))).toBe(
      false,
    );
    const body = parsed(hook!);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^al_[0-9a-f]{32}$/),
      rule: 'new-errors',
      kind: 'new',
      report: {
        reportId,
        issueId: ingested.body['issueId'],
        type: 'E',
        occurrences: 1,
        title: expect.stringContaining('ledger vault sealed'),
      },
      links: {
        report: `https://logsift.example.test/logs/extracted/${reportId}`,
        issue: `https://logsift.example.test/issues/${ingested.body['issueId']}`,
      },
    });
    expect(hook!.headers['logsift-alert-id']).toBe(body['id']);
  }, 30_000);

  it('carries no secret the failure line held: the payload is built from the scrubbed report', async () => {
    // Digit-free where the format allows, so the title's own masking of numbers cannot hide a leak.
    const secrets = [
      'correct-horse-battery-staple',
      'AKIAQWERTYUIOPASDFGH',
      'opsBotSessionTokenXyzzyPlugh',
      '4012888888881881',
    ];
    const line =
      `ERROR vault unlock failed password=${secrets[0]} key=${secrets[1]} ` +
      `Authorization: Bearer ${secrets[2]} card ${secrets[3]}`;
    const ingested = await post('/logs', logForm(`INFO boot\n${line}\n`));
    expect(ingested.status).toBe(201);
    const reportId = String(ingested.body['reportId']);
    const hooks = await eventually(
      () => receiver.at('/hook', reportId),
      (seen) => seen.length >= 1,
    );
    expect(String(parsed(hooks[0]!).report['title'])).toContain('vault unlock failed password=<redacted>');
    for (const secret of secrets) expect(hooks[0]!.body).not.toContain(secret);
  });

  it('retries a receiver that is down (503, a reset, a hang) and delivers on the fourth try, once', async () => {
    const ingested = await post('/logs', logForm('ERROR courier manifest rejected by depot\n'));
    const reportId = String(ingested.body['reportId']);
    const tries = await eventually(
      () => receiver.at('/flaky', reportId),
      (seen) => seen.length >= 4,
      2_500,
    );
    expect(tries).toHaveLength(4);
    expect(new Set(tries.map((t) => parsed(t)['id'])).size).toBe(1);
    // Backoff: each retry waits longer than the one before (the hang costs the 1 s timeout).
    const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
    expect(gaps.every((gap) => gap >= 70)).toBe(true);
    // The hanging and failing tries held up nothing else: the other destination had it at once.
    expect(receiver.at('/hook', reportId)[0]!.at).toBeLessThan(tries[3]!.at);

    const issueId = String(ingested.body['issueId']);
    const listed = await request(stack.url, `/alerts?issueId=${issueId}`);
    expect(listed.status).toBe(200);
    const items = listed.body['items'] as Record<string, unknown>[];
    expect(items.map((d) => [d['destination'], d['state'], d['attempts']]).sort()).toEqual([
      ['flaky', 'delivered', 4],
      ['hook', 'delivered', 1],
    ]);
    // Destinations by name only: no receiver URL, no secret.
    expect(listed.text).not.toContain(receiver.url);
    expect(listed.text).not.toContain(SECRET);
  }, 40_000);

  it('sends one surge alert for 500 occurrences in a burst, not 500', async () => {
    const line = JSON.stringify({ level: 'error', message: 'tariff engine overloaded, request shed' });
    const batch = `${Array.from({ length: 10 }, () => line).join('\n')}\n`;
    const answers: Answer[] = [];
    for (let round = 0; round < 5; round++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () => post('/logs', batch, { 'content-type': 'application/x-ndjson' })),
        )),
      );
    }
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const reportId = String((answers[0]!.body['reports'] as Record<string, unknown>[])[0]!['reportId']);
    const report = await request(stack.url, `/logs/extracted/${reportId}`);
    expect(report.body['occurrences']).toBe(500);

    const hooks = await eventually(
      () => receiver.at('/hook', reportId),
      (seen) => seen.some((r) => parsed(r)['kind'] === 'surge'),
      2_500,
    );
    const surges = hooks.filter((r) => parsed(r)['kind'] === 'surge');
    expect(surges).toHaveLength(1);
    expect(parsed(surges[0]!)).toMatchObject({
      rule: 'spike',
      surge: { minutes: 10, count: expect.any(Number) },
    });
    expect((parsed(surges[0]!)['surge'] as { count: number }).count).toBeGreaterThanOrEqual(100);
    expect(hooks.filter((r) => parsed(r)['kind'] === 'new')).toHaveLength(1);
  }, 60_000);

  it('sends one regression alert when a closed issue comes back, to the webhook and to Slack', async () => {
    const log = 'WARNING replica lag above budget on standby\n';
    const filed = await fileBug(log, 'standby replica falls behind');
    const issueId = String(filed.body['issueId']);
    const reportId = String(filed.body['reportId']);
    const closed = await request(stack.url, `/issues/${issueId}`, {
      method: 'PATCH',
      body: JSON.stringify({ new_status: 'closed' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(closed.body['status']).toBe('Closed');
    // A warning matches no new-report rule: nothing was sent for it yet.
    expect(receiver.at('/hook', reportId)).toHaveLength(0);

    expect((await post('/logs', logForm(log))).status).toBe(200);
    expect((await post('/logs', logForm(log))).status).toBe(200);
    const hooks = await eventually(
      () => receiver.at('/hook', reportId),
      (seen) => seen.length >= 1,
    );
    expect(hooks.map((r) => [parsed(r)['kind'], parsed(r)['report']['status']])).toEqual([
      ['regression', 'Open'],
    ]);

    const slack = receiver.received.filter((r) => r.path === '/slack' && r.body.includes(reportId));
    expect(slack).toHaveLength(1);
    const message = JSON.parse(slack[0]!.body);
    expect(message.text).toContain('Regression');
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: expect.stringContaining('replica lag') },
    });
    expect(JSON.stringify(message.blocks)).toContain(
      `<https://logsift.example.test/logs/extracted/${reportId}|report ${reportId}>`,
    );
    expect(slack[0]!.headers['logsift-signature']).toBeUndefined();

    const page = await request(stack.url, `/issues/${issueId}`, { headers: { accept: 'text/html' } });
    expect(page.text).toContain('came-back');
    expect(page.text).toContain('delivered');
    expect(page.text).not.toContain(receiver.url);
  }, 40_000);

  it('sends nothing for a muted issue, and records why', async () => {
    const log = 'WARNING thumbnail cache evicting hot entries\n';
    const filed = await fileBug(log, 'thumbnail cache too small');
    const issueId = String(filed.body['issueId']);
    const reportId = String(filed.body['reportId']);
    const muted = await post(`/issues/${issueId}/mute`, JSON.stringify({ muted: 'true' }), {
      'content-type': 'application/json',
    });
    expect([muted.status, muted.body['muted']]).toEqual([200, true]);
    await request(stack.url, `/issues/${issueId}`, {
      method: 'PATCH',
      body: JSON.stringify({ new_status: 'closed' }),
      headers: { 'content-type': 'application/json' },
    });
    const back = await post('/logs', logForm(log));
    expect(back.status).toBe(200);

    const states = async () =>
      (
        (await request(stack.url, `/alerts?issueId=${issueId}`)).body['items'] as Record<string, unknown>[]
      ).map((d) => d['state']);
    let seen = await states();
    for (let i = 0; i < 100 && !(seen.length === 2 && seen.every((s) => s === 'muted')); i++) {
      await sleep(100);
      seen = await states();
    }
    // One regression, to both of its rule's destinations: recorded as muted, sent to neither.
    expect(seen).toEqual(['muted', 'muted']);
    await sleep(1_000);
    expect(receiver.received.filter((r) => r.body.includes(reportId))).toEqual([]);

    const page = await request(stack.url, `/issues/${issueId}`, { headers: { accept: 'text/html' } });
    expect(page.text).toContain('Unmute alerts');
    // A browser's form post comes back to the issue.
    const unmute = await request(stack.url, `/issues/${issueId}/mute`, {
      method: 'POST',
      body: 'muted=false',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect([unmute.status, unmute.headers.get('location')]).toEqual([303, `/issues/${issueId}`]);
  }, 40_000);

  it('refuses a malformed mute in the error shape', async () => {
    const bad = await post('/issues/000001/mute', JSON.stringify({ muted: 'perhaps' }), {
      'content-type': 'application/json',
    });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'invalid_muted']);
    const unknown = await post('/issues/999999/mute', JSON.stringify({ muted: 'true' }), {
      'content-type': 'application/json',
    });
    expect(unknown.status).toBe(404);
    expect((await request(stack.url, '/alerts?issueId=12')).status).toBe(400);
  });

  it('lists recent deliveries at /alerts, as a page and as JSON', async () => {
    const listed = await request(stack.url, '/alerts');
    expect(listed.status).toBe(200);
    const items = listed.body['items'] as Record<string, unknown>[];
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((d) => d['createdAt'])).toEqual([...items.map((d) => d['createdAt'])].sort().reverse());
    const page = await request(stack.url, '/alerts', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<h1>Alerts</h1>');
    expect(page.text).not.toContain(SECRET);
  });
});

describe("a report's alerts on its page and in its JSON", () => {
  it('shows the deliveries and the mute state, and its mute form comes back to the report', async () => {
    const ingested = await post('/logs', logForm('INFO boot\nERROR tally ledger drifted from the journal\n'));
    expect(ingested.status).toBe(201);
    const reportId = String(ingested.body['reportId']);
    const issueId = String(ingested.body['issueId']);
    type Alerts = { muted: boolean; recent: Array<Record<string, unknown>>; links: Record<string, string> };
    const alertsOf = async () =>
      (await request(stack.url, `/logs/extracted/${reportId}`)).body['alerts'] as Alerts;

    let alerts = await alertsOf();
    for (let i = 0; i < 200 && !alerts.recent.some((d) => d['state'] === 'delivered'); i++) {
      await sleep(100);
      alerts = await alertsOf();
    }
    expect(alerts.muted).toBe(false);
    expect(alerts.links).toEqual({ all: `/alerts?issueId=${issueId}`, mute: `/issues/${issueId}/mute` });
    const hook = alerts.recent.find((d) => d['destination'] === 'hook');
    expect(hook).toMatchObject({ rule: 'new-errors', kind: 'new', state: 'delivered', reportId });
    expect(receiver.at('/hook', reportId)).toHaveLength(1);

    const page = await request(stack.url, `/logs/extracted/${reportId}`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('<h2 id="alerts-h">Alerts</h2>');
    expect(page.text).toContain('new-errors <span class="muted small">(new report)</span>');
    expect(page.text).toContain('<strong>delivered</strong>');
    expect(page.text).toContain('Mute alerts');

    const mute = await request(stack.url, `/issues/${issueId}/mute`, {
      method: 'POST',
      body: 'muted=true&back=report',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect([mute.status, mute.headers.get('location')]).toEqual([303, `/logs/extracted/${reportId}`]);
    expect((await alertsOf()).muted).toBe(true);
    const muted = await request(stack.url, `/logs/extracted/${reportId}`, {
      headers: { accept: 'text/html' },
    });
    expect(muted.text).toContain('Unmute alerts');
  }, 40_000);
});
