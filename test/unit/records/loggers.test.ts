import { Writable } from 'node:stream';
import pino from 'pino';
import winston from 'winston';
import { decodeJsonRecords } from '#lib/records/bodies/json-records';
import { parseLine } from '#lib/records/line';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

function chargeCard(order: { total?: number } | undefined): number {
  return (order as { total: number }).total * 100;
}

function failure(): TypeError {
  try {
    chargeCard(undefined);
  } catch (e) {
    return e as TypeError;
  }
  throw new Error('chargeCard did not fail');
}

const FRAME = /^\s+at /;

describe('winston (format.json with errors({stack:true})) lines through parseLine', () => {
  it('reads the level, message, error type and stack frames, keeping context out of the message', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        for (const l of String(chunk).split('\n')) if (l) lines.push(l);
        cb();
      },
    });
    const logger = winston.createLogger({
      level: 'info',
      format: winston.format.combine(
        winston.format.errors({ stack: true }),
        winston.format.timestamp(),
        winston.format.json(),
      ),
      defaultMeta: { service: 'checkout' },
      transports: [new winston.transports.Stream({ stream })],
    });
    logger.error(failure());
    logger.warn('card retry scheduled', { user: 'alice', orderId: 8812 });
    logger.info('order paid', { user: 'bob' });
    await until(() => lines.length >= 3);
    expect(lines).toHaveLength(3);

    const [err, warn, info] = lines.map(parseLine);
    expect(err).toMatchObject({
      severity: 'error',
      severityText: 'error',
      format: 'json',
      service: 'checkout',
      error: { type: 'TypeError' },
    });
    expect(err?.message).toMatch(/^Cannot read properties of undefined \(reading 'total'\)$/);
    const frames = (err?.error?.stack ?? '').split('\n').filter((l) => FRAME.test(l));
    expect(frames.length).toBeGreaterThan(1);
    expect(frames[0]).toContain('chargeCard');
    expect(err?.time).toMatch(/^\d{4}-\d\d-\d\dT/);

    expect(warn).toMatchObject({
      severity: 'warning',
      message: 'card retry scheduled',
      context: { user: 'alice', orderId: 8812 },
    });
    expect(warn?.message).not.toContain('alice');
    expect(info).toMatchObject({ severity: 'info', message: 'order paid', context: { user: 'bob' } });
    // The same lines as one NDJSON body decode to the same records.
    const body = decodeJsonRecords(Buffer.from(lines.join('\n')), 'application/x-ndjson');
    expect(body.events).toEqual([err, warn, info]);
  });
});

describe('pino lines through parseLine', () => {
  it('maps numeric levels and err.{type,message,stack}, host and pid to their places', () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'trace' },
      {
        write(s: string) {
          for (const l of s.split('\n')) if (l) lines.push(l);
        },
      },
    );
    logger.error({ err: failure(), user: 'alice' }, 'charge failed');
    logger.fatal('ledger unreachable');
    logger.warn({ user: 'bob' }, 'slow charge');
    logger.info('paid');
    logger.debug('cache miss');
    logger.trace('enter');
    expect(lines).toHaveLength(6);

    const events = lines.map(parseLine);
    expect(events.map((e) => e.severity)).toEqual(['error', 'fatal', 'warning', 'info', 'debug', 'debug']);
    expect(events.map((e) => e.severityText)).toEqual(['50', '60', '40', '30', '20', '10']);
    const [err] = events;
    expect(err).toMatchObject({
      message: 'charge failed',
      error: { type: 'TypeError', message: "Cannot read properties of undefined (reading 'total')" },
      context: { user: 'alice', pid: process.pid },
      format: 'json',
    });
    expect(err?.host).toBeTruthy();
    expect(err?.error?.stack?.split('\n').filter((l) => FRAME.test(l))[0]).toContain('chargeCard');
    expect(Object.keys(err?.context ?? {})).not.toContain('err.stack');
    expect(err?.message).not.toContain('alice');
    expect(Math.abs(Date.parse(err?.time ?? '') - Date.now())).toBeLessThan(60_000);
  });
});
