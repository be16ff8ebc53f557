import { Busy, Unprocessable } from '#lib/errors';
import {
  callerOf,
  IDEMPOTENCY_LEASE_SECONDS,
  IDEMPOTENCY_TTL_SECONDS,
  idempotent,
  requestHash,
} from '#lib/service/idempotency';
import type { StoredAnswer } from '#lib/store/ports';
import { type Harness, harness } from './helpers.ts';

const hashOf = (body: string) => requestHash('POST', '/logs', 'text/plain', [Buffer.from(body)]);
const caller = callerOf(null);

function answer(statusCode: number, body: string): StoredAnswer {
  return { statusCode, headers: { 'Content-Type': 'application/json' }, body, isBase64Encoded: false };
}

/** A piece of work that counts its runs, answering `statusCode`. */
function work(statusCode = 201) {
  let runs = 0;
  return jest.fn(async (): Promise<StoredAnswer> => {
    runs += 1;
    return answer(statusCode, JSON.stringify({ run: runs }));
  });
}

function send(h: Harness, key: string, body: string, run: () => Promise<StoredAnswer>) {
  return idempotent(h.stores.idempotency, 'logs', caller, key, hashOf(body), h.clock.now(), run);
}

describe('Idempotency-Key', () => {
  it('runs the first request once and replays its answer to a retry', async () => {
    const h = harness();
    const run = work();
    const first = await send(h, 'k1', 'body', run);
    h.clock.advance(5_000);
    const retry = await send(h, 'k1', 'body', run);

    expect(run).toHaveBeenCalledTimes(1);
    expect(first).toEqual(answer(201, '{"run":1}'));
    expect(retry).toEqual({ ...first, headers: { ...first.headers, 'Idempotent-Replayed': 'true' } });
  });

  it('answers busy to a retry while the first request is still running', async () => {
    const h = harness();
    let started!: () => void;
    let finish!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const first = send(h, 'k1', 'body', async () => {
      started();
      await slow;
      return answer(201, 'first');
    });
    await running;
    await expect(send(h, 'k1', 'body', work())).rejects.toMatchObject({
      constructor: Busy,
      code: 'idempotency_in_progress',
    });
    finish();
    expect((await first).body).toBe('first');
    expect((await send(h, 'k1', 'body', work())).body).toBe('first');
  });

  it('refuses the key reused with another request', async () => {
    const h = harness();
    await send(h, 'k1', 'body', work());
    const other = work();
    await expect(send(h, 'k1', 'another body', other)).rejects.toMatchObject({
      constructor: Unprocessable,
      code: 'idempotency_key_reused',
    });
    expect(other).not.toHaveBeenCalled();
  });

  it('keeps keys apart by caller and by scope', async () => {
    const h = harness();
    const hash = hashOf('body');
    const run = work();
    await idempotent(h.stores.idempotency, 'logs', callerOf('token-a'), 'k1', hash, h.clock.now(), run);
    await idempotent(h.stores.idempotency, 'logs', callerOf('token-b'), 'k1', hash, h.clock.now(), run);
    await idempotent(h.stores.idempotency, 'issues', callerOf('token-a'), 'k1', hash, h.clock.now(), run);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('takes over a claim whose lease ran out (its request died), and not before', async () => {
    const h = harness();
    await expect(
      send(h, 'k1', 'body', async () => {
        throw new Error('the container was stopped mid-request');
      }),
    ).rejects.toThrow('stopped');

    h.clock.advance((IDEMPOTENCY_LEASE_SECONDS - 1) * 1000);
    await expect(send(h, 'k1', 'body', work())).rejects.toBeInstanceOf(Busy);

    h.clock.advance(2_000);
    const run = work();
    expect((await send(h, 'k1', 'body', run)).statusCode).toBe(201);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never lets another request take over a lapsed claim', async () => {
    const h = harness();
    await expect(send(h, 'k1', 'body', () => Promise.reject(new Error('died')))).rejects.toThrow('died');
    h.clock.advance((IDEMPOTENCY_LEASE_SECONDS + 1) * 1000);
    await expect(send(h, 'k1', 'another body', work())).rejects.toBeInstanceOf(Unprocessable);
  });

  it('frees the key for any request once it has expired', async () => {
    const h = harness();
    await send(h, 'k1', 'body', work());
    h.clock.advance((IDEMPOTENCY_TTL_SECONDS + 1) * 1000);
    const run = work(200);
    expect((await send(h, 'k1', 'another body', run)).statusCode).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives the claim up after a 5xx, so the retry runs afresh and its answer is the one kept', async () => {
    const h = harness();
    const failing = work(503);
    expect((await send(h, 'k1', 'body', failing)).statusCode).toBe(503);
    const run = work(201);
    expect((await send(h, 'k1', 'body', run)).statusCode).toBe(201);
    expect((await send(h, 'k1', 'body', work(500))).statusCode).toBe(201);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('answers the real answer when storing it fails; a retry waits out the lease, then runs again', async () => {
    const h = harness();
    h.faults.failNext('idempotency.complete');
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const first = await send(h, 'k1', 'body', work());
    error.mockRestore();
    expect(first.statusCode).toBe(201);

    await expect(send(h, 'k1', 'body', work())).rejects.toBeInstanceOf(Busy);
    h.clock.advance((IDEMPOTENCY_LEASE_SECONDS + 1) * 1000);
    const run = work();
    await send(h, 'k1', 'body', run);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
