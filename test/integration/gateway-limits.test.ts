/**
 * What the gateway answers itself, against the running local stack over raw
 * sockets (so the requests can be as broken as a client can make them): each
 * answer in the service's error shape, with the status a client can act on,
 * and nothing stored.
 */
import { connect } from 'node:net';
import { request } from '../helpers/http.ts';
import { withStack } from '../helpers/stack.ts';

const stack = withStack();

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

/** Writes `head` (+ `body`) to a fresh connection; the answer, however the server ends it. */
function raw(head: string, body: Buffer | string = '', waitMs = 30_000): Promise<RawAnswer> {
  const { port } = new URL(stack.url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${waitMs} ms`));
    }, waitMs);
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const lines = text.slice(0, split).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      let payload = text.slice(split + 4);
      const length = Number(headers['content-length'] ?? payload.length);
      payload = payload.slice(0, length);
      resolve({ status: Number(lines[0]?.split(' ')[1]), headers, body: payload, ms: Date.now() - started });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, split))?.[1];
      if (split >= 0 && length !== undefined && text.length - split - 4 >= Number(length)) {
        socket.destroy();
        finish();
      }
    });
    socket.on('close', () => {
      if (chunks.length > 0) finish();
    });
    socket.on('error', (error) => {
      if (chunks.length > 0) finish();
      else reject(error);
    });
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

function errorOf(answer: RawAnswer): { code: string; message: string } {
  const parsed = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(Object.keys(parsed)).toEqual(['error']);
  return parsed.error;
}

async function reportCount(): Promise<number> {
  return ((await request(stack.url, '/?format=json')).body['total'] as number) ?? 0;
}

describe('answers the gateway gives itself', () => {
  it('refuses a body over the API limit with a 413 pointing to presigned uploads, before reading it', async () => {
    const before = await reportCount();
    const size = 10 * 1024 * 1024 + 1;
    const answer = await raw(
      `POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${size}\r\n\r\n`,
      'ERROR too big\n',
    );
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const error = errorOf(answer);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain('POST /logs/uploads');
    expect(await reportCount()).toBe(before);
  });

  it('refuses a log over MAX_LOG_BYTES with a 413 pointing to presigned uploads', async () => {
    const log = Buffer.alloc(4 * 1024 * 1024 + 10, 'ERROR x\n');
    const answer = await request(stack.url, '/logs', {
      method: 'POST',
      body: log,
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toContain('POST /logs/uploads');
  });

  it('answers headers over 10 KB with a 431', async () => {
    const answer = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(12 * 1024)}\r\n\r\n`);
    expect(answer.status).toBe(431);
    expect(errorOf(answer).code).toBe('headers_too_large');
  });

  it.each([
    ['Content-Length with Transfer-Encoding', 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n'],
    ['two different Content-Lengths', 'Content-Length: 5\r\nContent-Length: 7\r\n'],
    ['a Content-Length that is no number', 'Content-Length: five\r\n'],
  ])('answers %s with a 400', async (_, lengths) => {
    const answer = await raw(
      `POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n${lengths}\r\n`,
      'ERROR\n',
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('bad_request');
  });

  it('answers a body that stops arriving with a 408 within a bounded time', async () => {
    const before = await reportCount();
    const answer = await raw(
      'POST /logs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n',
      'ERROR only part of the body\n',
    );
    expect(answer.status).toBe(408);
    expect(errorOf(answer).code).toBe('request_timeout');
    expect(answer.ms).toBeLessThan(15_000);
    expect(await reportCount()).toBe(before);
  }, 30_000);
});
