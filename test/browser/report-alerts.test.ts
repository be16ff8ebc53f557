/**
 * A report's alerts in a browser, script disabled: the stack runs with an
 * alert rule aimed at a real receiver on 127.0.0.1, the report page lists
 * the delivery, and its Mute button (a plain form post) mutes the issue and
 * comes back to the report page, which then offers to unmute.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withBrowser } from '../helpers/browser.ts';

let receiver: Server;
const received: string[] = [];
let hookUrl = '';

// Registered before withBrowser's, so the receiver listens before the stack reads its address.
beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  receiver?.closeAllConnections();
  receiver?.close();
});

const ui = withBrowser(() => ({
  env: {
    ALERT_RULES: JSON.stringify({
      destinations: { ops: { type: 'webhook', url: hookUrl, secret: 'browser-test-secret-5a4b3c2d1e' } },
      rules: [{ name: 'new-errors', on: 'new', types: ['C', 'E'], to: ['ops'] }],
    }),
    LOGSIFT_LOCAL_SCHEDULE_MS: '100',
  },
}));
const { step, visit, navigate } = ui;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("a report's alerts in a browser", () => {
  let reportId = '';

  beforeAll(async () => {
    const response = await fetch(`${ui.stack.url}/logs`, {
      method: 'POST',
      body: 'INFO start\nERROR invoice batch 77 rejected: ledger period closed\n',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(201);
    reportId = ((await response.json()) as { reportId: string }).reportId;
    // Delivered once the notifier has settled it, which follows the receiver's answer.
    const delivered = async () => {
      const answer = await fetch(`${ui.stack.url}/logs/extracted/${reportId}?format=json`);
      const { alerts } = (await answer.json()) as { alerts: { recent: Array<{ state: string }> } };
      return alerts.recent.some((d) => d.state === 'delivered');
    };
    for (let i = 0; i < 200 && !(await delivered()); i++) await sleep(100);
  }, 30_000);

  step('lists the delivery on the report page: when, rule, destination, delivered', async () => {
    expect(received.filter((body) => body.includes(`"reportId":"${reportId}"`))).toHaveLength(1);
    await visit(`/logs/extracted/${reportId}`);
    const rows = await ui.page.locator('section#alerts tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/just now/);
    expect(rows[0]).toMatch(/new-errors \(new report\)/);
    expect(rows[0]).toMatch(/ops/);
    expect(rows[0]).toMatch(/delivered/);
    expect(await ui.page.locator('#mute-form button').innerText()).toBe('Mute alerts');
  });

  step('mutes the issue with the button and comes back to the report, which offers to unmute', async () => {
    await visit(`/logs/extracted/${reportId}`);
    await navigate('#mute-form button[type=submit]');
    expect(new URL(ui.page.url()).pathname).toBe(`/logs/extracted/${reportId}`);
    expect(await ui.page.locator('#muted-state').innerText()).toBe('Muted:');
    expect(await ui.page.locator('#mute-form button').innerText()).toBe('Unmute alerts');
    await navigate('#mute-form button[type=submit]');
    expect(await ui.page.locator('#muted-state').count()).toBe(0);
  });
});
