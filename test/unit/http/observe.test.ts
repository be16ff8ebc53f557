/**
 * A request's log lines and metrics carry its own keys: the local gateway
 * serves many requests at once in one process, and a key of one must never
 * land on another's lines.
 */
import type { Context } from 'aws-lambda';
import { Unavailable } from '#lib/errors';
import { httpHandler } from '#lib/http/handler';
import { json } from '#lib/http/respond';
import { event } from './event.ts';

const open = { access: 'open' as const, auth: { read: [], ingest: [], admin: [] } };
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The JSON lines written to stdout and stderr while `work` runs. */
async function linesOf(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }),
  );
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const context = (id: string) => ({ awsRequestId: id, functionName: `fn-${id}` }) as Context;
const at = (routeKey: string) => ({ ...event(), routeKey });

describe("a request's observer", () => {
  it('keeps each of two interleaved requests on its own lines and metrics', async () => {
    // The first answers after the second: each awaits while the other runs.
    const handler = httpHandler(async (req) => {
      await pause(req.path === '/slow' ? 60 : 10);
      if (req.path === '/slow') throw new Unavailable('table gone');
      return json(200, { ok: true });
    }, open);
    const lines = await linesOf(() =>
      Promise.all([
        handler({ ...at('GET /slow'), rawPath: '/slow' }, context('a')),
        handler({ ...at('GET /fast'), rawPath: '/fast' }, context('b')),
      ]),
    );
    const answered = lines.filter((l) => l['message'] === 'answered');
    expect(answered.map((l) => [l['requestId'], l['route'], l['function'], l['status']])).toEqual([
      ['b', 'GET /fast', 'fn-b', 200],
      ['a', 'GET /slow', 'fn-a', 503],
    ]);
    // The storage failure is logged and counted as the slow request's.
    const failed = lines.find((l) => l['message'] === 'storage failed');
    expect([failed?.['requestId'], failed?.['route']]).toEqual(['a', 'GET /slow']);
    // Its metrics (the failure, and the 5xx answer) are dimensioned by its route; the fast one made none.
    const metrics = lines.filter((l) => '_aws' in l);
    const named = (m: Record<string, unknown>) =>
      ['StorageFailures', 'ServerErrors', 'LogsIngested'].filter((name) => name in m);
    expect(metrics.map((m) => [m['route'], ...named(m)])).toEqual([
      ['GET /slow', 'StorageFailures'],
      ['GET /slow', 'ServerErrors'],
    ]);
  });
});
