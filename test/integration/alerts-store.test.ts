/**
 * The alerts adapter against dynalite through the AWS SDK: its conditional
 * writes really conditional, the sparse due index really sparse, the window
 * counter exact under parallel adds.
 */
import { DynamoAlertStore } from '#lib/store/dynamo-alerts';
import type { Delivery } from '#lib/store/ports';
import { startEmulatorsForTest, type TestEmulators } from '../helpers/stack.ts';

let local: TestEmulators;
let store: DynamoAlertStore;

beforeAll(async () => {
  local = await startEmulatorsForTest();
  const table = local.resources.env['ALERTS_TABLE'];
  if (!table) throw new Error('serverless.yml maps no table to ALERTS_TABLE');
  store = new DynamoAlertStore(local.ddb, table);
}, 60_000);
afterAll(() => local?.stop());

const delivery = (id: string, over: Partial<Delivery> = {}): Delivery => ({
  deliveryId: `${id}.ops`,
  alertId: id,
  rule: 'new-errors',
  kind: 'new',
  destination: 'ops',
  reportKey: `key-${id}`,
  reportId: '000000042',
  issueId: '000007',
  type: 'E',
  createdAt: '2026-12-01T10:00:00.000Z',
  state: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('the DynamoDB alerts store', () => {
  it('creates a delivery once, and again only over a void one', async () => {
    expect(await store.create(delivery('al_a'))).toBe(true);
    expect(await store.create(delivery('al_a', { rule: 'other' }))).toBe(false);
    expect((await store.get('al_a.ops'))?.rule).toBe('new-errors');
    await store.settle('al_a.ops', 0, { state: 'void', at: '2026-12-01T10:01:00.000Z' });
    expect(await store.create(delivery('al_a', { rule: 'again' }))).toBe(true);
    expect(await store.get('al_a.ops')).toMatchObject({ rule: 'again', state: 'pending', attempts: 0 });
  });

  it('claims an attempt only while pending, due and unclaimed, and settles only the latest claim', async () => {
    await store.create(delivery('al_b'));
    const now = '2026-12-01T10:00:05.000Z';
    const lease = '2026-12-01T10:00:40.000Z';
    expect(await store.claim('al_b.ops', 0, '2026-12-01T09:59:59.000Z', lease)).toBe(false);
    expect(await store.claim('al_b.ops', 0, now, lease)).toBe(true);
    expect(await store.claim('al_b.ops', 0, now, lease)).toBe(false);
    expect(await store.get('al_b.ops')).toMatchObject({ attempts: 1, nextAttemptAt: lease });
    // The lease is over: a second notifier takes attempt 2; the first one's late outcome is ignored.
    expect(await store.claim('al_b.ops', 1, '2026-12-01T10:00:41.000Z', '2026-12-01T10:01:20.000Z')).toBe(
      true,
    );
    await store.settle('al_b.ops', 1, { state: 'delivered', at: '2026-12-01T10:00:42.000Z' });
    expect((await store.get('al_b.ops'))?.state).toBe('pending');
    await store.settle('al_b.ops', 2, { state: 'delivered', at: '2026-12-01T10:00:43.000Z' });
    expect(await store.get('al_b.ops')).toMatchObject({
      state: 'delivered',
      deliveredAt: '2026-12-01T10:00:43.000Z',
    });
  });

  it('lists due deliveries oldest first, and drops settled ones from the due index', async () => {
    await store.create(
      delivery('al_c', { nextAttemptAt: '2026-12-02T08:00:02.000Z', createdAt: '2026-12-02T08:00:02.000Z' }),
    );
    await store.create(
      delivery('al_d', { nextAttemptAt: '2026-12-02T08:00:01.000Z', createdAt: '2026-12-02T08:00:01.000Z' }),
    );
    await store.create(
      delivery('al_e', { nextAttemptAt: '2026-12-02T09:00:00.000Z', createdAt: '2026-12-02T08:00:03.000Z' }),
    );
    const due = async () =>
      (await store.due('2026-12-02T08:30:00.000Z', 50))
        .map((d) => d.deliveryId)
        .filter((id) => /al_[cde]/.test(id));
    expect(await due()).toEqual(['al_d.ops', 'al_c.ops']);
    await store.settle('al_d.ops', 0, { state: 'muted', at: '2026-12-02T08:00:05.000Z' });
    expect(await due()).toEqual(['al_c.ops']);
    await store.defer('al_c.ops', 0, '2026-12-02T08:45:00.000Z');
    expect(await due()).toEqual([]);
    const recent = (await store.recent(100)).map((d) => d.deliveryId);
    expect(recent.slice(0, 3)).toEqual(['al_e.ops', 'al_c.ops', 'al_d.ops']);
    expect((await store.forReport('key-al_c', 10)).map((d) => d.deliveryId)).toEqual(['al_c.ops']);
  });

  it("keeps a rule's minimum interval per report, open to every destination of the same alert", async () => {
    const take = (alert: string, at: string, notAfter: string) =>
      store.takeGate('spike', 'key-g', alert, at, notAfter);
    expect(await take('al_1', '2026-12-01T10:00:00.000Z', '2026-12-01T09:00:00.000Z')).toBe(true);
    expect(await take('al_1', '2026-12-01T10:00:01.000Z', '2026-12-01T09:00:01.000Z')).toBe(true);
    expect(await take('al_2', '2026-12-01T10:30:00.000Z', '2026-12-01T09:30:00.000Z')).toBe(false);
    expect(await take('al_2', '2026-12-01T11:00:02.000Z', '2026-12-01T10:00:02.000Z')).toBe(true);
  });

  it('counts a window exactly under parallel adds', async () => {
    const totals = await Promise.all(
      Array.from({ length: 50 }, () =>
        store.addToWindow('10#key-w', '2026-12-01T10:00:00.000Z', 3, 1_900_000_000),
      ),
    );
    expect(Math.max(...totals)).toBe(150);
    expect(new Set(totals).size).toBe(50);
  });

  it('keeps a mute per report', async () => {
    expect(await store.getMute('key-m')).toBeNull();
    await store.setMute({
      reportKey: 'key-m',
      issueId: '000009',
      muted: true,
      at: '2026-12-01T10:00:00.000Z',
    });
    expect(await store.getMute('key-m')).toEqual({
      reportKey: 'key-m',
      issueId: '000009',
      muted: true,
      at: '2026-12-01T10:00:00.000Z',
    });
  });
});
