/**
 * The in-memory adapters keep the conditions of the DynamoDB and S3 ones
 * (lib/store/dynamo-*.ts, s3-*.ts): these are the rules the service tests
 * rely on, checked on the fakes themselves.
 */
import { Unavailable } from '#lib/errors';
import { StorageError } from '#lib/store/errors';
import { harness } from './helpers.ts';

const T0 = '2026-12-01T08:00:00.000Z';
const T1 = '2026-12-01T08:05:00.000Z';
const T2 = '2026-12-01T08:10:00.000Z';

describe('in-memory upload states', () => {
  it('claims a pending upload once, and a processing one only after its lease', async () => {
    const { states } = harness();
    await states.create('000000001', T0);
    expect(await states.claim('000000001', 'a', T0, T1)).toBe(true);
    expect(await states.claim('000000001', 'b', T0, T2)).toBe(false);
    expect(await states.claim('000000001', 'b', T1, T2)).toBe(false); // the lease holds to its last instant
    expect(await states.claim('000000001', 'b', '2026-12-01T08:05:00.001Z', T2)).toBe(true);
    expect(await states.get('000000001')).toEqual({
      logId: '000000001',
      phase: 'processing',
      createdAt: T0,
      leaseUntil: T2,
    });
  });

  it('finishes and releases only for the token that holds the claim', async () => {
    const { states } = harness();
    await states.create('000000001', T0);
    await states.claim('000000001', 'a', T0, T1);
    await states.claim('000000001', 'b', T2, '2026-12-01T08:15:00.000Z');

    await states.release('000000001', 'a');
    expect((await states.get('000000001'))?.phase).toBe('processing');
    expect(await states.finish('000000001', 'a', 'done', 201, { from: 'a' })).toBe(false);
    expect(await states.finish('000000001', 'b', 'done', 201, { from: 'b' })).toBe(true);
    expect(await states.get('000000001')).toMatchObject({ phase: 'done', status: 201, body: { from: 'b' } });
    expect(await states.claim('000000001', 'c', '2027-01-01T00:00:00.000Z', '2027-01-01T00:05:00.000Z')).toBe(
      false,
    );
  });

  it('refuses to create an upload twice and to claim one never created', async () => {
    const { states } = harness();
    await states.create('000000001', T0);
    await expect(states.create('000000001', T1)).rejects.toBeInstanceOf(StorageError);
    expect(await states.claim('000000002', 'a', T0, T1)).toBe(false);
  });
});

describe('in-memory upload objects', () => {
  it('takes a PUT to its URL until the URL expires', async () => {
    const h = harness();
    const url = await h.objects.putUrl('000000001', 60);
    h.objects.receive(url, Buffer.from('ERROR x\n'));
    expect(await h.objects.size('000000001')).toBe(8);
    h.clock.advance(61_000);
    expect(() => h.objects.receive(url, Buffer.from('later'))).toThrow('expired');
    expect(await h.objects.size('000000002')).toBeNull();
    await expect(h.objects.open('000000002')).rejects.toBeInstanceOf(Unavailable);
  });
});

describe('in-memory idempotency records', () => {
  it('completes only for the request that claimed, and releases only a pending claim', async () => {
    const { stores } = harness();
    const store = stores.idempotency;
    const answer = { statusCode: 201, headers: {}, body: '{}', isBase64Encoded: false };
    expect(await store.claim('k', 'h1', 1000, 86_400, 60)).toBe(true);
    await expect(store.complete('k', 'h2', answer)).rejects.toBeInstanceOf(StorageError);
    await store.complete('k', 'h1', answer);
    await store.release('k', 'h1');
    expect(await store.get('k', 1001)).toEqual({
      state: 'done',
      requestHash: 'h1',
      expiresAt: 87_400,
      answer,
    });
    expect(await store.get('k', 87_401)).toBeNull();
  });
});

describe('fault injection', () => {
  it('fails the chosen call, as many times as asked, then lets calls through', async () => {
    const h = harness();
    h.faults.failNext('logs.get', { skip: 1, times: 2 });
    await expect(h.stores.logs.get('000000001')).resolves.toBeNull();
    await expect(h.stores.logs.get('000000001')).rejects.toThrow('storage operation failed: logs.get');
    await expect(h.stores.logs.get('000000001')).rejects.toBeInstanceOf(Unavailable);
    await expect(h.stores.logs.get('000000001')).resolves.toBeNull();
    expect(h.faults.calls('logs.get')).toBe(4);
  });

  it('keeps an outage up until healed', async () => {
    const h = harness();
    h.faults.outage('ids.reserve');
    for (let i = 0; i < 3; i++) await expect(h.stores.ids.nextLogId()).rejects.toBeInstanceOf(StorageError);
    h.faults.heal('ids.reserve');
    // A failed call reserved nothing: no id is skipped.
    expect(await h.stores.ids.nextLogId()).toBe('000000001');
  });
});
