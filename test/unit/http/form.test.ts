import { HttpError } from '#lib/http/errors';
import { canonicalParts, readForm } from '#lib/http/form';
import { readLogBody } from '#lib/http/log-body';
import { decodeEvent } from '#lib/http/request';
import { event, multipart } from './event.ts';

const limits = { maxFileBytes: 1024, maxFieldChars: 64 };

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
  return 200;
}

describe('readForm', () => {
  it('reads a file part and text fields from real multipart bytes', async () => {
    const { body, contentType } = await multipart({
      summary: 'New builds are toast',
      file: { filename: 'app.log', data: 'ERROR boom\n' },
    });
    const form = await readForm(
      decodeEvent(event({ method: 'POST', headers: { 'content-type': contentType }, body })),
      limits,
    );
    expect(form.fields['summary']).toBe('New builds are toast');
    expect(form.file?.filename).toBe('app.log');
    expect(form.file?.data.toString()).toBe('ERROR boom\n');
  });

  it('keeps the file bytes exactly, NUL bytes and invalid UTF-8 included', async () => {
    const data = Buffer.from([0x45, 0x00, 0xff, 0xfe, 0x0a, 0xc3, 0x28]);
    const { body, contentType } = await multipart({ file: { filename: 'bin.log', data } });
    const form = await readForm(
      decodeEvent(event({ method: 'POST', headers: { 'content-type': contentType }, body })),
      limits,
    );
    expect(form.file?.data.equals(data)).toBe(true);
  });

  it('reads url-encoded and JSON bodies', async () => {
    const urlEncoded = decodeEvent(
      event({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'new_status=closed',
        base64: false,
      }),
    );
    expect((await readForm(urlEncoded, limits)).fields['new_status']).toBe('closed');
    const jsonBody = decodeEvent(
      event({ headers: { 'content-type': 'application/json' }, body: '{"new_status":"open"}' }),
    );
    expect((await readForm(jsonBody, limits)).fields['new_status']).toBe('open');
  });

  it('answers 413 for a file over the limit', async () => {
    const { body, contentType } = await multipart({ file: { filename: 'big.log', data: 'x'.repeat(2000) } });
    expect(
      await statusOf(
        readForm(decodeEvent(event({ headers: { 'content-type': contentType }, body })), limits),
      ),
    ).toBe(413);
  });

  it('answers 400 for a field over the limit', async () => {
    const { body, contentType } = await multipart({ summary: 's'.repeat(100) });
    expect(
      await statusOf(
        readForm(decodeEvent(event({ headers: { 'content-type': contentType }, body })), limits),
      ),
    ).toBe(400);
  });

  it('answers 400 for multipart without a boundary or with garbage', async () => {
    const noBoundary = event({ headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
    expect(await statusOf(readForm(decodeEvent(noBoundary), limits))).toBe(400);
    const garbage = event({
      headers: { 'content-type': 'multipart/form-data; boundary=abc' },
      body: 'not a multipart body at all',
    });
    expect(await statusOf(readForm(decodeEvent(garbage), limits))).toBe(400);
  });

  it('answers 400 for a form cut off inside its file part, or between parts', async () => {
    const cut = (body: string) =>
      decodeEvent(event({ headers: { 'content-type': 'multipart/form-data; boundary=x' }, body }));
    const part = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.log"\r\n\r\nERROR boom';
    for (const body of [
      part,
      `${part}\r\n`,
      `${part}\r\n--x\r\n`,
      '--x\r\nContent-Disposition: form-data; name="summary"\r\n\r\nhi',
    ]) {
      expect(await statusOf(readForm(cut(body), limits))).toBe(400);
      // the idempotency comparison reads the same bytes, and takes them as they are
      expect((await canonicalParts(cut(body))).length).toBeGreaterThan(0);
    }
  });

  it('answers 400 for malformed JSON and JSON of the wrong shape', async () => {
    for (const body of ['{', '[1,2]', 'null', '{"new_status": 3}', '"open"']) {
      const req = decodeEvent(event({ headers: { 'content-type': 'application/json' }, body }));
      expect(await statusOf(readForm(req, limits))).toBe(400);
    }
  });

  it('answers 415 for other media types and for none', async () => {
    expect(
      await statusOf(
        readForm(decodeEvent(event({ headers: { 'content-type': 'image/png' }, body: 'x' })), limits),
      ),
    ).toBe(415);
    expect(await statusOf(readForm(decodeEvent(event({ body: 'x' })), limits))).toBe(415);
  });

  it('refuses a second file', async () => {
    const form = new FormData();
    form.append('file', new Blob(['a']), 'a.log');
    form.append('file', new Blob(['b']), 'b.log');
    const response = new Response(form);
    const body = Buffer.from(await response.arrayBuffer());
    const req = decodeEvent(
      event({ headers: { 'content-type': response.headers.get('content-type')! }, body }),
    );
    expect(await statusOf(readForm(req, limits))).toBe(400);
  });
});

describe('readLogBody', () => {
  it('takes the file part of a form, or a raw text body', async () => {
    const { body, contentType } = await multipart({ file: { filename: 'a.log', data: 'ERROR x\n' } });
    expect(
      (
        await readLogBody(decodeEvent(event({ headers: { 'content-type': contentType }, body })), 100)
      ).toString(),
    ).toBe('ERROR x\n');
    const raw = decodeEvent(event({ headers: { 'content-type': 'text/plain' }, body: 'WARNING y\n' }));
    expect((await readLogBody(raw, 100)).toString()).toBe('WARNING y\n');
  });

  it('answers 400 for a form without a file and for an empty log', async () => {
    const { body, contentType } = await multipart({ summary: 'x' });
    expect(
      await statusOf(
        readLogBody(decodeEvent(event({ headers: { 'content-type': contentType }, body })), 100),
      ),
    ).toBe(400);
    const empty = await multipart({ file: { filename: 'e.log', data: '' } });
    const req = decodeEvent(event({ headers: { 'content-type': empty.contentType }, body: empty.body }));
    expect(await statusOf(readLogBody(req, 100))).toBe(400);
  });

  it('answers 413 for a raw body over the limit', async () => {
    const raw = decodeEvent(event({ headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(101) }));
    expect(await statusOf(readLogBody(raw, 100))).toBe(413);
  });
});

describe('a browser form with no file chosen', () => {
  it('reads as a form without a file', async () => {
    const boundary = '----logsiftBoundary';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="reportId"\r\n\r\n000000001\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n` +
        `--${boundary}--\r\n`,
    );
    const req = decodeEvent(
      event({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body }),
    );
    const form = await readForm(req, limits);
    expect(form.file).toBeNull();
    expect(form.fields['reportId']).toBe('000000001');
  });
});

describe('field limits in characters, on every content type', () => {
  const summary = '𝄞'.repeat(64); // 64 characters, 256 UTF-8 bytes
  const over = `${summary}x`;

  it('accepts a value of exactly the limit in four-byte characters over multipart, url-encoded and JSON', async () => {
    const { body, contentType } = await multipart({ summary });
    const viaMultipart = decodeEvent(event({ headers: { 'content-type': contentType }, body }));
    const viaUrl = decodeEvent(
      event({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `summary=${encodeURIComponent(summary)}`,
      }),
    );
    const viaJson = decodeEvent(
      event({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ summary }) }),
    );
    for (const req of [viaMultipart, viaUrl, viaJson]) {
      expect((await readForm(req, limits)).fields['summary']).toBe(summary);
    }
  });

  it('refuses one character more the same way on each', async () => {
    const { body, contentType } = await multipart({ summary: over });
    const requests = [
      decodeEvent(event({ headers: { 'content-type': contentType }, body })),
      decodeEvent(
        event({
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `summary=${encodeURIComponent(over)}`,
        }),
      ),
      decodeEvent(
        event({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ summary: over }) }),
      ),
    ];
    for (const req of requests) {
      await expect(readForm(req, limits)).rejects.toMatchObject({ status: 400, code: 'field_too_long' });
    }
  });
});

describe('canonicalParts (what an Idempotency-Key compares)', () => {
  const raw = (boundary: string, data: string) =>
    decodeEvent(
      event({
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body:
          `--${boundary}\r\nContent-Disposition: form-data; name="summary"\r\n\r\nboom\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.log"\r\n\r\n${data}\r\n--${boundary}--\r\n`,
      }),
    );

  it('reads the same fields and file under two boundaries as the same parts', async () => {
    expect(await canonicalParts(raw('one', 'ERROR x\n'))).toEqual(
      await canonicalParts(raw('two', 'ERROR x\n')),
    );
  });

  it('tells apart a file holding its own boundary from one holding another text', async () => {
    const a = await canonicalParts(raw('K1', 'x --K1 y'));
    const b = await canonicalParts(raw('K2', 'x --B y'));
    expect(a).not.toEqual(b);
  });

  it('takes any other body as it is', async () => {
    const req = decodeEvent(event({ headers: { 'content-type': 'text/plain' }, body: 'ERROR x' }));
    expect(await canonicalParts(req)).toEqual([Buffer.from('ERROR x')]);
  });
});
