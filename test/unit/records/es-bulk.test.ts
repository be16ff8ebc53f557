import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bulkAnswer, decodeEsBulk } from '#lib/records/bodies/es-bulk';
import { DecodeError } from '#lib/records/model';

const ndjson = (...lines: unknown[]) =>
  Buffer.from(`${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);

// rsyslog omelasticsearch with its default template StdJSONFmt: message (%msg%: after the tag, with
// its leading space), fromhost, facility, priority (severity as text), timereported, timegenerated.
function rsyslogDoc(msg: string, priority: string, host = 'db-2') {
  return {
    message: ` ${msg}`,
    fromhost: host,
    facility: 'daemon',
    priority,
    timereported: '2024-05-01T10:00:00.123456+00:00',
    timegenerated: '2024-05-01T10:00:00.200000+00:00',
  };
}

describe('Elasticsearch _bulk', () => {
  it('reads rsyslog omelasticsearch documents (StdJSONFmt)', () => {
    const body = ndjson(
      { index: { _index: 'system', _type: 'events' } },
      rsyslogDoc('closing because: server conn crashed?', 'err'),
      { index: { _index: 'system' } },
      rsyslogDoc('Out of memory: Killed process 4242 (java)', 'crit', 'app-9'),
      { index: { _index: 'system' } },
      rsyslogDoc('Started Daily apt upgrade.', 'info'),
    );
    const r = decodeEsBulk(body, 'application/json');
    expect(r.items.map((i) => [i.action, i.index, i.status, i.event])).toEqual([
      ['index', 'system', 201, 0],
      ['index', 'system', 201, 1],
      ['index', 'system', 201, 2],
    ]);
    const [crash, oom, started] = r.events;
    expect(crash).toMatchObject({
      format: 'es-bulk',
      severity: 'error',
      severityText: 'err',
      message: 'closing because: server conn crashed?',
      host: 'db-2',
      time: '2024-05-01T10:00:00.123456Z',
      context: { facility: 'daemon', timegenerated: '2024-05-01T10:00:00.200000+00:00' },
    });
    expect(oom).toMatchObject({ severity: 'fatal', host: 'app-9' });
    expect(started?.severity).toBe('info');
  });

  it('reads the bytes real rsyslog omelasticsearch sent', () => {
    // Captured from rsyslogd 8.2302.0 (Debian bookworm, run from `apt-get download` + `dpkg -x`) with
    // imptcp in, `action(type="omelasticsearch" searchIndex="system" bulkmode="on")` out, default
    // template, fed four syslog lines; the body is stored byte for byte.
    const body = readFileSync(path.join(__dirname, 'fixtures/rsyslog-omelasticsearch-bulk.ndjson'));
    const r = decodeEsBulk(body, 'application/json; charset=utf-8');
    expect(r.rejected).toBe(0);
    expect(r.items.map((i) => [i.action, i.index, i.status])).toEqual(
      Array(4).fill(['index', 'system', 201]),
    );
    expect(r.events.map((e) => [e.severity, e.severityText, e.host, e.message])).toEqual([
      ['error', 'err', 'db-2', 'closing because: server conn crashed? (age=12s)'],
      ['fatal', 'crit', 'app-9', 'Out of memory: Killed process 4242 (java) total-vm:812344kB'],
      ['info', 'info', 'web-3', 'Started Daily apt upgrade and clean activities.'],
      ['warning', 'warning', 'web-3', 'WARN cache "sessions" is 91% full'],
    ]);
    expect(r.events[0]?.time).toMatch(/^\d{4}-05-01T10:00:00\.000Z$/);
    expect(r.events[0]?.context).toMatchObject({ facility: 'daemon' });
  });

  it('reads Filebeat, Fluent Bit, Vector and Logstash documents, a raw line inside read as one', () => {
    const body = ndjson(
      { create: { _index: 'filebeat-8.13.0' } },
      {
        '@timestamp': '2024-05-01T10:00:01.000Z',
        message: '2024-05-01 10:00:01,002 ERROR [main] c.e.Billing - charge failed',
        log: { file: { path: '/var/log/billing.log' }, offset: 1234 },
        host: { name: 'web-7' },
        agent: { type: 'filebeat', version: '8.13.0' },
      },
      { index: { _id: 'abc' } },
      {
        '@timestamp': '2024-05-01T10:00:02.000Z',
        log: '{"level":"error","msg":"upstream reset","error":"read: connection reset by peer","caller":"proxy/conn.go:88"}\n',
        stream: 'stderr',
        kubernetes: { pod_name: 'api-7d9f', namespace_name: 'shop' },
      },
      { index: {} },
      {
        message: 'disk 93% full on /data',
        timestamp: '2024-05-01T10:00:03Z',
        host: 'nas-1',
        source_type: 'file',
        level: 'warn',
      },
      { index: {} },
      {
        '@timestamp': '2024-05-01T10:00:04Z',
        '@version': '1',
        message: 'job done',
        host: { name: 'etl-1' },
        log: { level: 'INFO', logger: 'etl.runner' },
      },
    );
    const r = decodeEsBulk(body, 'application/x-ndjson', { index: 'logs' });
    expect(r.items.map((i) => [i.action, i.index, i.id, i.status])).toEqual([
      ['create', 'filebeat-8.13.0', undefined, 201],
      ['index', 'logs', 'abc', 201],
      ['index', 'logs', undefined, 201],
      ['index', 'logs', undefined, 201],
    ]);
    const [filebeat, fluent, vector, logstash] = r.events;
    expect(filebeat).toMatchObject({
      severity: 'error',
      severityText: 'ERROR',
      host: 'web-7',
      // The line's own time, not the moment Filebeat read it.
      time: '2024-05-01T10:00:01.002Z',
      context: { 'log.file.path': '/var/log/billing.log', 'agent.type': 'filebeat' },
    });
    expect(filebeat?.message).toBe('[main] c.e.Billing - charge failed');
    expect(fluent).toMatchObject({
      severity: 'error',
      message: 'upstream reset',
      error: { message: 'read: connection reset by peer' },
      context: { caller: 'proxy/conn.go:88', stream: 'stderr', 'kubernetes.pod_name': 'api-7d9f' },
      format: 'es-bulk',
    });
    expect(vector).toMatchObject({ severity: 'warning', host: 'nas-1', message: 'disk 93% full on /data' });
    expect(logstash).toMatchObject({ severity: 'info', logger: 'etl.runner', host: 'etl-1' });
  });

  it('answers update and delete per item as not supported, bad documents per item, bad actions for the whole body', () => {
    const body = ndjson(
      { delete: { _index: 'x', _id: '1' } },
      { update: { _index: 'x', _id: '2' } },
      { doc: { a: 1 } },
      { index: { _index: 'x' } },
      '{"message": "cut off',
      { index: {} },
      { message: 'no index anywhere' },
      { index: { _index: 'x' } },
      { message: 'fine', level: 'error' },
    );
    const r = decodeEsBulk(body, 'application/json');
    expect(r.items.map((i) => [i.action, i.status, i.error?.type])).toEqual([
      ['delete', 400, 'illegal_argument_exception'],
      ['update', 400, 'illegal_argument_exception'],
      ['index', 400, 'document_parsing_exception'],
      ['index', 400, 'action_request_validation_exception'],
      ['index', 201, undefined],
    ]);
    expect(r.events).toHaveLength(1);
    expect(r.items[4]?.event).toBe(0);
    expect(r.rejected).toBe(2);

    expect(() =>
      decodeEsBulk(ndjson({ index: {} }, { a: 1 }, '{"nope": {}}', {}), 'application/json'),
    ).toThrow(DecodeError);
    expect(() => decodeEsBulk(ndjson('not json'), 'application/json')).toThrow(
      /Malformed action\/metadata line \[1\]/,
    );
    expect(() => decodeEsBulk(ndjson({ index: { _index: 'x' } }), 'application/json')).toThrow(DecodeError);
    expect(decodeEsBulk(Buffer.from(''), 'application/json').items).toEqual([]);
  });

  it('builds the answer bulk clients parse: errors flag and a status per item', () => {
    const r = decodeEsBulk(
      ndjson(
        { index: { _index: 'system' } },
        rsyslogDoc('m', 'err'),
        { delete: { _index: 'system', _id: '9' } },
        { create: { _id: 'mine' } },
        { message: 'x' },
      ),
      'application/json',
      { index: 'logs' },
    );
    const answer = bulkAnswer(r, 3.4, (_item, i) => `000000042-${i}`);
    expect(answer).toMatchObject({
      took: 3,
      errors: true,
      items: [
        { index: { _index: 'system', _id: '000000042-0', status: 201, result: 'created' } },
        {
          delete: { _index: 'system', _id: '9', status: 400, error: { type: 'illegal_argument_exception' } },
        },
        { create: { _index: 'logs', _id: 'mine', status: 201, result: 'created' } },
      ],
    });
    expect(
      bulkAnswer(decodeEsBulk(ndjson({ index: { _index: 'a' } }, { message: 'x' }), ''), 1, () => 'id')
        .errors,
    ).toBe(false);
  });
});
