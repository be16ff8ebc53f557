import { type EventFailure, failureOfEntry, failureOfRecord } from '#lib/extract/event';
import {
  configureFingerprintRules,
  entryFields,
  globMatch,
  parseFingerprintRules,
  ruleFor,
  ruleSignature,
} from '#lib/extract/fingerprint-rules';
import { Extractor, extractBuffer } from '#lib/extract/index';
import type { LogEvent } from '#lib/records/model';

const extract = (text: string) => extractBuffer(Buffer.from(text, 'utf8'));

const sqlTimeout = (query: number, table: string) =>
  [
    '2026-12-01 09:14:02 INFO orders page requested',
    `Exception in thread "main" java.sql.SQLTimeoutException: query ${query} on ${table} timed out`,
    '\tat org.shop.db.Pool.query(Pool.java:88)',
    `\tat org.shop.${table}.Repo.find(Repo.java:${query % 50})`,
    '',
  ].join('\n');

const poolExhausted = (waited: number) =>
  `2026-12-01 09:15:40 ERROR [db.pool] no connection available after ${waited} ms, pool exhausted\n`;

const cardDeclined = (order: number) =>
  `2026-12-01 09:16:11 ERROR [BillingWorker] payment ${order} failed: card declined\n`;

describe('fingerprint rule configuration', () => {
  it('reads a JSON array of rules', () => {
    expect(
      parseFingerprintRules(
        '[{"fingerprint":"db-down","type":"*SQLTimeoutException"},{"fingerprint":"pool","logger":"db.*","message":"*pool exhausted*"}]',
      ),
    ).toEqual([
      { fingerprint: 'db-down', match: { type: '*SQLTimeoutException' } },
      { fingerprint: 'pool', match: { logger: 'db.*', message: '*pool exhausted*' } },
    ]);
    expect(parseFingerprintRules(undefined)).toEqual([]);
    expect(parseFingerprintRules('  ')).toEqual([]);
  });

  it.each([
    ['{"fingerprint":"x"', /FINGERPRINT_RULES is not JSON/],
    ['{"fingerprint":"x","type":"A"}', /must be a JSON array/],
    ['["db"]', /FINGERPRINT_RULES\[0\] must be an object/],
    ['[{"type":"*Timeout*"}]', /FINGERPRINT_RULES\[0\] needs a "fingerprint"/],
    ['[{"fingerprint":"x"}]', /matches nothing/],
    ['[{"fingerprint":"x","mesage":"*"}]', /unknown field "mesage"/],
    ['[{"fingerprint":"x","type":""}]', /FINGERPRINT_RULES\[0\]\.type must be a glob/],
    ['[{"fingerprint":"x","type":7}]', /\.type must be a glob/],
    [
      '[{"fingerprint":"x","type":"A"},{"fingerprint":"x","type":"B"}]',
      /\[1\]\.fingerprint "x" is used by an earlier rule/,
    ],
  ])('refuses %s with a message naming the mistake', (raw, message) => {
    expect(() => parseFingerprintRules(raw)).toThrow(message);
  });
});

describe('glob matching', () => {
  it('matches * and ? anywhere, case-insensitive, the whole text', () => {
    expect(globMatch('*timeout*', 'java.sql.SQLTimeoutException')).toBe(true);
    expect(globMatch('SQL?imeout*', 'sqltimeoutexception')).toBe(true);
    expect(globMatch('*Timeout', 'java.sql.SQLTimeoutException')).toBe(false);
    expect(globMatch('db.*', 'db.pool')).toBe(true);
    expect(globMatch('db.*', 'app.db.pool')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*b*c', 'a-*-b-c')).toBe(true);
    expect(globMatch('*.*', 'no dot')).toBe(false);
  });

  it('takes linear-bounded time on the patterns that make a regex backtrack', () => {
    const text = 'a'.repeat(4096);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(globMatch('*a*a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('what a rule reads from a failure', () => {
  it('reads type, message, logger and frames of a stack entry and of a record', () => {
    const stack = extract(sqlTimeout(8812, 'orders')).signature;
    expect(entryFields(stack)).toMatchObject({
      type: ['java.sql.SQLTimeoutException'],
      frame: expect.arrayContaining(['org.shop.db.Pool.query', 'Pool.java']),
    });
    const line = extract(poolExhausted(3000)).signature;
    expect(entryFields(line)).toMatchObject({ logger: ['db.pool'] });
    expect(entryFields(line).message.some((m) => m.includes('pool exhausted'))).toBe(true);
  });
});

describe('a document taken by a rule', () => {
  afterEach(() => configureFingerprintRules([]));

  it('groups failures of different shapes under the rule, and leaves the others as they were', () => {
    const before = [extract(sqlTimeout(1, 'orders')), extract(poolExhausted(10)), extract(cardDeclined(7))];
    expect(new Set(before.map((x) => x.fingerprint)).size).toBe(3);

    configureFingerprintRules(
      parseFingerprintRules(
        '[{"fingerprint":"database unavailable","type":"*SQLTimeoutException"},{"fingerprint":"database unavailable 2","logger":"db.*","message":"*pool exhausted*"}]',
      ),
    );
    const timeoutA = extract(sqlTimeout(8812, 'orders'));
    const timeoutB = extract(sqlTimeout(17, 'invoices'));
    expect(timeoutA.signature).toBe(ruleSignature('database unavailable'));
    expect(timeoutA.fingerprint).toBe(timeoutB.fingerprint);
    expect(timeoutA.rule?.fingerprint).toBe('database unavailable');
    expect(timeoutA.rule?.entry).toContain('SQLTimeoutException');
    expect(timeoutA.type).toBe('C');

    const pool = extract(poolExhausted(3000));
    expect(pool.rule?.fingerprint).toBe('database unavailable 2');
    expect(pool.fingerprint).not.toBe(timeoutA.fingerprint);

    const card = extract(cardDeclined(7));
    expect(card.rule).toBeUndefined();
    expect(card.fingerprint).toBe(before[2]!.fingerprint);
  });

  it('needs every matcher of the rule to match', () => {
    configureFingerprintRules(
      parseFingerprintRules('[{"fingerprint":"billing","logger":"BillingWorker","message":"*timed out*"}]'),
    );
    expect(extract(cardDeclined(3)).rule).toBeUndefined();
    configureFingerprintRules(
      parseFingerprintRules('[{"fingerprint":"billing","logger":"billingworker","message":"*declined*"}]'),
    );
    expect(extract(cardDeclined(3)).rule?.fingerprint).toBe('billing');
  });

  it('picks the first matching rule in configuration order', () => {
    const rules = parseFingerprintRules(
      '[{"fingerprint":"first","frame":"Pool.java"},{"fingerprint":"second","type":"*SQLTimeoutException"}]',
    );
    expect(ruleFor([extract(sqlTimeout(5, 'orders')).signature], rules)?.fingerprint).toBe('first');
  });
});

describe('stream events taken by a rule', () => {
  afterEach(() => configureFingerprintRules([]));

  const record = (message: string, type: string): LogEvent => ({
    severity: 'error',
    severityText: 'error',
    message,
    logger: 'checkout.payments',
    error: { type, message },
    context: {},
    format: 'json',
  });

  it('gives a matching record and a matching text entry the rule fingerprint', () => {
    configureFingerprintRules(
      parseFingerprintRules('[{"fingerprint":"gateway down","type":"*GatewayTimeout*"}]'),
    );
    const a = failureOfRecord(record('charge failed', 'StripeGatewayTimeoutError'))!;
    const b = failureOfRecord(record('refund failed', 'AdyenGatewayTimeoutError'))!;
    const other = failureOfRecord(record('charge failed', 'CardDeclinedError'))!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.rule?.fingerprint).toBe('gateway down');
    expect(other.rule).toBeUndefined();
    expect(other.fingerprint).not.toBe(a.fingerprint);

    configureFingerprintRules(parseFingerprintRules('[{"fingerprint":"billing","logger":"BillingWorker"}]'));
    const entries: EventFailure[] = [];
    const extractor = new Extractor({ onEntry: (entry) => entries.push(failureOfEntry(entry)) });
    extractor.push(Buffer.from(cardDeclined(1) + poolExhausted(5) + cardDeclined(2), 'utf8'));
    extractor.finish();
    expect(entries.map((e) => e.rule?.fingerprint ?? null)).toEqual(['billing', null, 'billing']);
  });
});
