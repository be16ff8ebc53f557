/**
 * The triggers and the notifier over the in-memory stores, on a hand-moved
 * clock, with a receiver function in place of the network: what is raised,
 * when each attempt is made, and what each delivery ends as.
 */
import { loadAlertConfig } from '#lib/alerts/config';
import { Notifier } from '#lib/alerts/notifier';
import { verifySignature } from '#lib/alerts/signing';
import { AlertTriggers } from '#lib/alerts/trigger';
import { changeStatus, fileBugWithLog } from '#lib/service/issues';
import { MemoryAlertStore } from '#lib/store/memory/alerts';
import {
  crashLog,
  diskLog,
  extracted,
  type Harness,
  harness,
  ingest,
  MAX_EXTRACT_BYTES,
} from '../service/helpers.ts';

const SECRET = 'unit-webhook-secret-0123456789';

function setup(rules: unknown[], answers: number[] = []) {
  const h: Harness = harness();
  const config = loadAlertConfig({
    ALERT_RULES: JSON.stringify({
      destinations: { hook: { type: 'webhook', url: 'https://receiver.example/hook', secret: SECRET } },
      rules,
    }),
    ALERT_MAX_ATTEMPTS: '3',
    ALERT_RETRY_BASE_MS: '1000',
  });
  const alerts = new MemoryAlertStore();
  h.stores.alerts = new AlertTriggers(alerts, config);
  const sent: { body: string; signature: string }[] = [];
  const notifier = new Notifier({
    alerts,
    reports: h.stores.reports,
    config,
    clock: h.clock.now,
    random: () => 1,
    fetch: async (_url, init) => {
      const headers = init.headers as Record<string, string>;
      sent.push({ body: String(init.body), signature: headers['Logsift-Signature']! });
      return new Response(null, { status: answers.shift() ?? 204 });
    },
  });
  return { h, alerts, notifier, sent };
}

const deliveries = (alerts: MemoryAlertStore) => [...alerts.deliveries.values()];

describe('the notifier', () => {
  it('sends a new report once, signed, and nothing on later runs', async () => {
    const { h, alerts, notifier, sent } = setup([{ name: 'crashes', on: 'new', types: ['C'], to: ['hook'] }]);
    await ingest(h, crashLog(10));
    await ingest(h, crashLog(11));
    await ingest(h, diskLog(91));
    expect(deliveries(alerts).map((d) => [d.rule, d.kind, d.state])).toEqual([['crashes', 'new', 'pending']]);

    await notifier.runDue();
    await notifier.runDue();
    expect(sent).toHaveLength(1);
    const now = Math.floor(h.clock.now().getTime() / 1000);
    expect(verifySignature(SECRET, sent[0]!.signature, sent[0]!.body, now)).toBe(true);
    expect(JSON.parse(sent[0]!.body).report.occurrences).toBe(2);
    expect(deliveries(alerts)[0]).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('retries after an exponential delay, and marks the delivery failing after the last attempt', async () => {
    const { h, alerts, notifier, sent } = setup([{ name: 'all', on: 'new', to: ['hook'] }], [500, 503, 502]);
    await ingest(h, diskLog(80));
    await notifier.runDue();
    expect(deliveries(alerts)[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 500' });
    // random() = 1: the full ceiling, 1 s after the first failure, 2 s after the second.
    h.clock.advance(999);
    await notifier.runDue();
    expect(sent).toHaveLength(1);
    h.clock.advance(1);
    await notifier.runDue();
    expect(sent).toHaveLength(2);
    h.clock.advance(1_999);
    await notifier.runDue();
    expect(sent).toHaveLength(2);
    h.clock.advance(1);
    await notifier.runDue();
    expect(sent).toHaveLength(3);
    expect(deliveries(alerts)[0]).toMatchObject({ state: 'failing', attempts: 3, lastError: 'HTTP 502' });
    h.clock.advance(3_600_000);
    await notifier.runDue();
    expect(sent).toHaveLength(3);
  });

  it('alerts on a regression once per minimum interval', async () => {
    const { h, alerts, notifier, sent } = setup([
      { name: 'back', on: 'regression', to: ['hook'], minIntervalMinutes: 60 },
    ]);
    const { bytes, extraction } = extracted(diskLog(95));
    const filed = await fileBugWithLog(
      h.stores,
      bytes,
      extraction,
      'disk fills up',
      h.clock.now(),
      MAX_EXTRACT_BYTES,
    );
    const cycle = async () => {
      await changeStatus(h.stores, filed.report.issueId, 'Closed', h.clock.now());
      h.clock.advance(1_000);
      await ingest(h, diskLog(96));
      await ingest(h, diskLog(97));
      await notifier.runDue();
    };
    await cycle();
    expect(sent.map((s) => JSON.parse(s.body).kind)).toEqual(['regression']);
    h.clock.advance(10 * 60_000);
    await cycle();
    expect(sent).toHaveLength(1);
    expect(deliveries(alerts).map((d) => d.state)).toEqual(['delivered', 'throttled']);
    h.clock.advance(61 * 60_000);
    await cycle();
    expect(sent).toHaveLength(2);
  });

  it('raises a surge once per window, when the window crosses the floor', async () => {
    const { h, alerts, notifier, sent } = setup(
      [{ name: 'spike', on: 'surge', floor: 5, multiple: 2, windowMinutes: 10, minIntervalMinutes: 0 }].map(
        (rule) => ({ ...rule, to: ['hook'] }),
      ),
    );
    for (let i = 0; i < 12; i++) await ingest(h, diskLog(i));
    await notifier.runDue();
    expect(sent.map((s) => JSON.parse(s.body).surge.count)).toEqual([5]);
    // The next window: 12 in the last one, so the threshold is now twice the trailing rate.
    h.clock.advance(10 * 60_000);
    for (let i = 0; i < 12; i++) await ingest(h, diskLog(i));
    await notifier.runDue();
    expect(deliveries(alerts)).toHaveLength(1);
    for (let i = 0; i < 12; i++) await ingest(h, diskLog(i));
    await notifier.runDue();
    expect(sent.map((s) => JSON.parse(s.body).surge.count)).toEqual([5, 24]);
  });

  it('voids a trigger whose report change never happened, after the grace period', async () => {
    const { h, alerts, notifier, sent } = setup([{ name: 'all', on: 'new', to: ['hook'] }]);
    const result = await ingest(h, crashLog(3));
    await h.stores.alerts!.creating({ ...result.report!, reportKey: 'never-created', reportId: '000000999' });
    await notifier.runDue();
    const phantom = () => deliveries(alerts).find((d) => d.reportKey === 'never-created')!;
    expect(phantom().state).toBe('pending');
    h.clock.advance(61_000);
    await notifier.runDue();
    expect(phantom().state).toBe('void');
    expect(sent).toHaveLength(1);
  });

  it('records the alert of a muted issue as muted and sends nothing', async () => {
    const { h, alerts, notifier, sent } = setup([{ name: 'all', on: 'new', to: ['hook'] }]);
    const result = await ingest(h, crashLog(4));
    await alerts.setMute({
      reportKey: result.report!.reportKey,
      issueId: result.report!.issueId,
      muted: true,
      at: '',
    });
    await notifier.runDue();
    expect(sent).toEqual([]);
    expect(deliveries(alerts)[0]!.state).toBe('muted');
  });
});
