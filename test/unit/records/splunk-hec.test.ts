import { concatenatedObjects, decodeSplunkHec } from '#lib/records/bodies/splunk-hec';
import { DecodeError } from '#lib/records/model';

describe('Splunk HEC event bodies', () => {
  it('reads concatenated events: string events as lines, object events as records, metadata as context', () => {
    const body = [
      // As Vector's splunk_hec_logs sink writes a raw line.
      '{"event":"2024-05-01 10:00:00 ERROR [worker-2] refund 77 failed: ledger locked","time":1714557600.25,"host":"web-7","source":"/var/log/refunds.log","sourcetype":"refunds","index":"main","fields":{"env":"prod"}}',
      // As Fluent Bit's splunk output writes a parsed record, no separator in between.
      '{"time":"1714557601","event":{"level":"warn","msg":"slow ledger","log.logger":"ledger","latency_ms":812}}',
      '\n  {"event":{"message":"ok"}, "host":"h2"}',
    ].join('');
    const r = decodeSplunkHec(Buffer.from(body), 'application/json');
    expect(r.rejected).toBe(0);
    const [refund, slow, ok] = r.events;
    expect(refund).toMatchObject({
      format: 'splunk-hec',
      severity: 'error',
      severityText: 'ERROR',
      message: '[worker-2] refund 77 failed: ledger locked',
      host: 'web-7',
      time: '2024-05-01T10:00:00.000Z',
      context: { source: '/var/log/refunds.log', sourcetype: 'refunds', index: 'main', env: 'prod' },
    });
    expect(slow).toMatchObject({
      severity: 'warning',
      logger: 'ledger',
      time: '2024-05-01T10:00:01.000Z',
      context: { latency_ms: 812 },
    });
    expect(ok).toMatchObject({ host: 'h2', message: 'ok', severity: 'unknown' });
  });

  it('rejects events without an event field and refuses bodies that are not JSON objects', () => {
    const r = decodeSplunkHec(Buffer.from('{"time":1}{"event":""}{"event":"x"}'), 'application/json');
    expect(r.events).toHaveLength(1);
    expect(r.errors).toEqual(['event 1: Event field is required', 'event 2: Event field cannot be blank']);
    for (const bad of ['[{"event":"x"}]', '{"event":"x"', '{"event":"x"} trailing', '{"event":x}']) {
      expect(() => decodeSplunkHec(Buffer.from(bad), 'application/json')).toThrow(DecodeError);
    }
  });

  it('splits on braces outside strings only, without recursion', () => {
    expect([...concatenatedObjects('{"a":"}{\\""}{"b":{"c":{}}}')]).toEqual([
      '{"a":"}{\\""}',
      '{"b":{"c":{}}}',
    ]);
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    expect([...concatenatedObjects(deep + deep)]).toHaveLength(2);
  });
});
