/**
 * A handler that sees its Lambda's end coming answers 503 + Retry-After itself,
 * instead of being killed into a bare 5xx without a retry hint.
 */
import type { Context } from 'aws-lambda';
import { DEADLINE_MARGIN_MS } from '#lib/http/deadline';
import { httpHandler } from '#lib/http/handler';
import { json } from '#lib/http/respond';
import { event } from './event.ts';

const context = (remainingMs: number): Context => {
  const end = Date.now() + remainingMs;
  return { awsRequestId: 'test', getRemainingTimeInMillis: () => Math.max(0, end - Date.now()) } as Context;
};

const slow = (ms: number) =>
  httpHandler(
    async () => {
      await new Promise((done) => setTimeout(done, ms));
      return json(200, { done: true });
    },
    { access: 'open', auth: { read: [], ingest: [], admin: [] } },
  );

describe('the handler deadline', () => {
  it('answers 503 with Retry-After when the work would outlive the invocation', async () => {
    const started = Date.now();
    const reply = await slow(3_000)(event(), context(DEADLINE_MARGIN_MS + 300));
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['Retry-After']).toBe('1');
    expect(JSON.parse(String(reply.body))).toEqual({
      error: { code: 'timeout', message: expect.stringContaining('retry') },
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses at once when no time is left to work in', async () => {
    const reply = await slow(10)(event(), context(DEADLINE_MARGIN_MS - 100));
    expect(reply.statusCode).toBe(503);
  });

  it('lets work that fits answer as usual', async () => {
    const reply = await slow(20)(event(), context(10_000));
    expect(reply.statusCode).toBe(200);
  });

  it('just runs when called without a Lambda context', async () => {
    expect((await slow(20)(event())).statusCode).toBe(200);
  });
});
