/**
 * The local gateway on its own, with handlers written for the test: how it
 * routes, what event a handler gets, and that no failed invocation — a throw,
 * a bad answer, a timeout, a full queue — ever becomes a success.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createGateway, type GatewayRoute, type LambdaHandler } from '../../scripts/gateway.ts';

interface Call {
  event: APIGatewayProxyEventV2;
  context: Context;
}

async function withGateway(
  routes: GatewayRoute[],
  handlers: Record<string, LambdaHandler>,
  run: (base: string) => Promise<void>,
  options: { concurrency?: number; queueTimeoutMs?: number } = {},
): Promise<void> {
  const server = createGateway({ routes, handlers, log: () => {}, ...options });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await run(base);
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

const route = (name: string, method: string, path: string, timeoutSeconds = 5): GatewayRoute => ({
  name,
  method,
  path,
  timeoutSeconds,
});

const ok =
  (calls: Call[], name = 'ok'): LambdaHandler =>
  async (event, context) => {
    calls.push({ event, context });
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    };
  };

describe('the local gateway', () => {
  it('routes to the most specific path, a method route before the catch-all', async () => {
    const calls: Call[] = [];
    const routes = [
      route('logId', 'GET', '/logs/{logId}'),
      route('extract', 'GET', '/logs/extracted/{reportId}'),
      route('upload', 'POST', '/logs/uploads'),
      route('any', '*', '/{proxy+}'),
    ];
    const handlers = {
      logId: ok(calls, 'logId'),
      extract: ok(calls, 'extract'),
      upload: ok(calls, 'upload'),
      any: ok(calls, 'any'),
    };
    await withGateway(routes, handlers, async (base) => {
      const name = async (method: string, path: string) =>
        ((await (await fetch(`${base}${path}`, { method })).json()) as { name: string }).name;
      expect(await name('GET', '/logs/000000001')).toBe('logId');
      expect(await name('GET', '/logs/extracted/000000001')).toBe('extract');
      expect(await name('POST', '/logs/uploads')).toBe('upload');
      expect(await name('DELETE', '/logs/000000001')).toBe('any');
      expect(await name('GET', '/a/b/c')).toBe('any');
    });
    const logId = calls.find((c) => c.event.routeKey === 'GET /logs/{logId}');
    expect(logId?.event.pathParameters).toEqual({ logId: '000000001' });
    expect(calls.find((c) => c.event.routeKey === 'ANY /{proxy+}')?.event.pathParameters).toEqual({
      proxy: 'logs/000000001',
    });
  });

  it('builds payload 2.0 events: joined repeats, cookies, query, base64 for bytes that are not text', async () => {
    const calls: Call[] = [];
    await withGateway([route('ok', 'POST', '/logs')], { ok: ok(calls) }, async (base) => {
      await new Promise<void>((done, fail) => {
        const req = httpRequest(`${base}/logs?a=1&b=2&a=3`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain', 'X-Tag': ['one', 'two'], Cookie: 'k1=v1; k2=v2' },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', done);
        });
        req.on('error', fail);
        req.end('ERROR plain text\n');
      });
      await fetch(`${base}/logs`, {
        method: 'POST',
        body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]),
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
      });
      await fetch(`${base}/logs`, {
        method: 'POST',
        body: Buffer.from([0x0a, 0x03, 0xff, 0xfe, 0x00]),
        headers: { 'content-type': 'application/x-protobuf' },
      });
    });
    const [text, gzip, proto] = calls.map((c) => c.event);
    expect(text?.version).toBe('2.0');
    expect(text?.rawPath).toBe('/logs');
    expect(text?.rawQueryString).toBe('a=1&b=2&a=3');
    expect(text?.queryStringParameters).toEqual({ a: '1,3', b: '2' });
    expect(text?.headers['x-tag']).toBe('one,two');
    expect(text?.headers['cookie']).toBeUndefined();
    expect(text?.cookies).toEqual(['k1=v1', 'k2=v2']);
    expect(text?.isBase64Encoded).toBe(false);
    expect(text?.body).toBe('ERROR plain text\n');
    expect(text?.requestContext.http.method).toBe('POST');
    expect(gzip?.isBase64Encoded).toBe(true);
    expect(Buffer.from(gzip?.body ?? '', 'base64')).toEqual(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]));
    expect(proto?.isBase64Encoded).toBe(true);
    expect(Buffer.from(proto?.body ?? '', 'base64')).toEqual(Buffer.from([0x0a, 0x03, 0xff, 0xfe, 0x00]));
  });

  it('gives the handler a context whose remaining time counts down from the function timeout', async () => {
    const calls: Call[] = [];
    await withGateway([route('ok', 'GET', '/', 7)], { ok: ok(calls) }, async (base) => {
      await fetch(`${base}/`);
    });
    const remaining = calls[0]!.context.getRemainingTimeInMillis();
    expect(remaining).toBeGreaterThan(5_000);
    expect(remaining).toBeLessThanOrEqual(7_000);
  });

  it.each([
    ['throws', async () => Promise.reject(new Error('boom at /srv/secret/path.ts:12')), 500],
    ['answers without a status', async () => ({ errorMessage: 'x', errorType: 'Error' }), 502],
    ['answers a string', async () => 'hello', 502],
  ] as Array<[string, LambdaHandler, number]>)(
    'never answers 2xx when the handler %s',
    async (_, handler, status) => {
      await withGateway([route('bad', 'GET', '/')], { bad: handler }, async (base) => {
        const answer = await fetch(`${base}/`);
        const text = await answer.text();
        expect(answer.status).toBe(status);
        expect(JSON.parse(text)).toEqual({
          error: { code: expect.any(String), message: expect.any(String) },
        });
        expect(text).not.toMatch(/boom|secret|errorMessage|\.ts/);
      });
    },
  );

  it('answers 503 + Retry-After, not a success, when the handler outlives its timeout', async () => {
    const slow: LambdaHandler = () =>
      new Promise((done) => setTimeout(() => done({ statusCode: 200, body: 'late' }), 3_000));
    await withGateway([route('slow', 'GET', '/', 1)], { slow }, async (base) => {
      const answer = await fetch(`${base}/`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('1');
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('timeout');
    });
  });

  it('queues past its concurrency and answers 503 + Retry-After when the queue wait runs out', async () => {
    let running = 0;
    let most = 0;
    const held: LambdaHandler = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 300));
      running--;
      return { statusCode: 200, body: 'ok' };
    };
    await withGateway(
      [route('held', 'GET', '/')],
      { held },
      async (base) => {
        const statuses = await Promise.all(
          Array.from({ length: 8 }, () => fetch(`${base}/`).then((r) => r.status)),
        );
        expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
        expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
        expect(statuses).toContain(503);
      },
      { concurrency: 2, queueTimeoutMs: 400 },
    );
    expect(most).toBe(2);
  });
});
