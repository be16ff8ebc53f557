import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodePythonLoggingForm, formFields, isPythonLoggingForm } from '#lib/records/bodies/form';
import { DecodeError } from '#lib/records/model';
import { type CaptureServer, captureServer } from './capture.ts';

const run = promisify(execFile);
let server: CaptureServer;
beforeAll(async () => {
  server = await captureServer();
});
afterAll(() => server.close());

async function send(mode: 'plain' | 'formatted') {
  const before = server.requests.length;
  const script = path.join(__dirname, 'clients/python_http_handler.py');
  await run('python3', [script, server.url.replace('http://', ''), mode], { timeout: 30_000 });
  return server.requests.slice(before);
}

describe("Python's logging.handlers.HTTPHandler", () => {
  it('sends one url-encoded LogRecord per request, read as one record', async () => {
    const requests = await send('formatted');
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(isPythonLoggingForm(formFields(r.body))).toBe(true);
    }
    const [failed, retry] = requests.map((r) => {
      const d = decodePythonLoggingForm(r.body, String(r.headers['content-type']));
      expect(d.events).toHaveLength(1);
      return d.events[0];
    });
    expect(failed).toMatchObject({
      severity: 'error',
      severityText: 'ERROR',
      message: 'settlement of %s failed for %s',
      logger: 'billing.charge',
      format: 'form',
      error: { type: 'LedgerLockedError', message: 'ledger row ord-8812 locked by another writer' },
    });
    expect(failed?.error?.stack).toMatch(
      /^Traceback \(most recent call last\):\n {2}File ".*python_http_handler\.py", line \d+, in <module>/,
    );
    expect(failed?.error?.stack).toContain('in settle');
    expect(failed?.context.args).toBe("('ord-8812', 'alice')");
    expect(failed?.context.funcName).toBe('<module>');
    expect(typeof failed?.context.lineno).toBe('number');
    expect(Math.abs(Date.parse(failed?.time ?? '') - Date.now())).toBeLessThan(60_000);
    expect(retry).toMatchObject({ severity: 'warning', message: 'retrying settlement in %d s' });
    expect(retry?.error).toBeUndefined();
  });

  it('reads the type and message from exc_info when no other handler formatted the record', async () => {
    const [failed] = await send('plain');
    const fields = formFields(failed?.body ?? Buffer.alloc(0));
    // HTTPHandler alone never formats: what it sends for the exception is exc_info's repr.
    expect(fields.get('exc_text')).toBe('None');
    const e = decodePythonLoggingForm(failed?.body ?? Buffer.alloc(0), 'application/x-www-form-urlencoded')
      .events[0];
    expect(e?.error).toEqual({
      type: 'LedgerLockedError',
      message: 'ledger row ord-8812 locked by another writer',
    });
    expect(e?.severity).toBe('error');
  });

  it("tells a raw log sent with curl's default type from a record", () => {
    const raw = [
      '2024-05-01 10:00:00 ERROR payment failed: msg=card declined&levelname=x',
      'level=error msg="upstream reset" user=alice',
      'plain text & more text = nothing',
    ];
    for (const body of raw) expect(isPythonLoggingForm(formFields(Buffer.from(body)))).toBe(false);
    expect(() =>
      decodePythonLoggingForm(Buffer.from(raw[1] as string), 'application/x-www-form-urlencoded'),
    ).toThrow(DecodeError);
  });
});
