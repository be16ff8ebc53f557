/**
 * A log that is one JSON document (an exported array of records, records
 * pretty-printed over several lines) reaches the scanner a record a line
 * (lib/extract/json-document.ts); every other log passes through untouched.
 */
import { Extractor, extractBuffer } from '#lib/extract/index';
import { JsonDocument, RECORD_KEEP, SNIFF_LIMIT } from '#lib/extract/json-document';

/** What the scanner is handed for `text`, pushed in pieces of `size` bytes. */
function relined(text: string | Buffer, size = Number.MAX_SAFE_INTEGER): string {
  const out: Buffer[] = [];
  const doc = new JsonDocument((b) => out.push(Buffer.from(b)));
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) doc.push(bytes.subarray(i, i + size));
  doc.finish();
  return Buffer.concat(out).toString('utf8');
}

const PRETTY = `${JSON.stringify({ level: 'error', time: '2026-12-03T10:00:00Z', msg: 'charge failed', err: { type: 'CardError', message: 'card declined: "do not honor"' } }, null, 2)}
${JSON.stringify({ level: 'info', time: '2026-12-03T10:00:01Z', msg: 'retrying', tags: ['a', 'b'] }, null, 2)}
`;

describe('JSON documents', () => {
  it('re-lines pretty-printed records and exported arrays, a record a line, however the bytes are cut', () => {
    const records = [
      '{"level":"error","time":"2026-12-03T10:00:00Z","msg":"charge failed","err":{"type":"CardError","message":"card declined: \\"do not honor\\""}}',
      '{"level":"info","time":"2026-12-03T10:00:01Z","msg":"retrying","tags":["a","b"]}',
    ];
    const expected = `${records.join('\n')}\n`;
    const array = `[\n  ${records.join(',\n  ')}\n]\n`;
    const oneLine = `[${records.join(',')}]`;
    const indentedArray = JSON.stringify(
      records.map((r) => JSON.parse(r)),
      null,
      4,
    );
    for (const doc of [
      PRETTY,
      array,
      oneLine,
      indentedArray,
      `\ufeff${PRETTY}`,
      PRETTY.replace(/\n/g, '\r\n'),
    ]) {
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) expect(relined(doc, size)).toBe(expected);
    }
    // Two arrays one after the other (two exports in one file), and a string holding a raw line break.
    expect(relined(`[${records[0]}]\n[${records[1]}]\n`)).toBe(expected);
    expect(relined('{\n  "msg": "two\nlines"\n}\n')).toBe('{"msg":"two\\nlines"}\n');
  });

  it('passes every other log through byte for byte', () => {
    const texts = [
      '2026-12-03 10:00:00 ERROR payment failed\n',
      // NDJSON: one record a line already.
      '{"level":"error","msg":"a"}\n{"level":"info","msg":"b"}\n',
      // A bracketed time stamp, a bracketed level: text, not an array.
      '[2026-12-03 10:00:00] ERROR payment failed\n[2026-12-03 10:00:01] INFO ok\n',
      '[ERROR] build failed\n',
      // An array of numbers, a lone brace, a first record that does not parse.
      '[1, 2, 3]\nerror: x\n',
      '{\nERROR not json\n}\n',
      '{\n  "a": 1,,\n}\nERROR after\n',
      '',
    ];
    for (const text of texts) for (const size of [1, 5, 1 << 20]) expect(relined(text, size)).toBe(text);
  });

  it('reads the rest of a document that breaks off as text, and gives up on one with no record end in sight', () => {
    expect(relined('[\n{"msg":"a"},\n"stray"\nERROR tail\n')).toBe('{"msg":"a"}\n"stray"\nERROR tail\n');
    const open = `{\n "msg": "${'x'.repeat(SNIFF_LIMIT + 10)}`;
    expect(relined(open, 64 * 1024)).toBe(open);
    // A record longer than any log record, its string never closed: the record kept is cut, the rest is text.
    const endless = `[{"msg":"a"},\n{"msg": "${'y'.repeat(RECORD_KEEP + 100)}\nERROR tail\n`;
    const out = relined(endless, 64 * 1024);
    expect(out.startsWith('{"msg":"a"}\n{"msg":"yyy')).toBe(true);
    expect(out.endsWith('\nERROR tail\n')).toBe(true);
    expect(out.length).toBeLessThan(endless.length);
  });

  it("reads an envelope's events as the records: CloudWatch Logs' subscription payload, `aws logs` answers", () => {
    const events = [
      { id: '1', timestamp: 1764756000000, message: 'START RequestId: 5f1c Version: $LATEST\n' },
      { id: '2', timestamp: 1764756000200, message: 'ERROR charge 8812 failed: card declined\n' },
    ];
    const lines = `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
    const payload = (group: string) => ({
      messageType: 'DATA_MESSAGE',
      owner: '123456789012',
      logGroup: group,
      logStream: '2026/12/03/[$LATEST]0a1b',
      subscriptionFilters: ['all'],
      logEvents: events,
    });
    // One payload a line (as a subscription's Lambda or Firehose writes them), and pretty-printed.
    const ndjson = `${JSON.stringify(payload('/aws/lambda/shop'))}\n${JSON.stringify(payload('/aws/lambda/cart'))}\n`;
    for (const size of [1, 5, 1 << 20]) {
      expect(relined(ndjson, size)).toBe(lines + lines);
      expect(relined(JSON.stringify(payload('/aws/lambda/shop'), null, 2), size)).toBe(lines);
    }
    const answer = {
      events: events.map((e) => ({ logStreamName: 's', ...e, ingestionTime: 1 })),
      searchedLogStreams: [],
    };
    const answerLines = `${answer.events.map((e) => JSON.stringify(e)).join('\n')}\n`;
    expect(relined(JSON.stringify(answer, null, 4), 3)).toBe(answerLines);
    expect(relined(JSON.stringify(answer))).toBe(answerLines);
    // `events` that is not an answer's first key is a record's field: the record stays whole.
    const record = { level: 'error', msg: 'sync failed', events: [{ kind: 'retry' }] };
    expect(relined(JSON.stringify(record, null, 2))).toBe(`${JSON.stringify(record)}\n`);
    expect(relined(`${JSON.stringify(record)}\n`)).toBe(`${JSON.stringify(record)}\n`);
    const x = extractBuffer(Buffer.from(ndjson));
    expect(x.headline?.title).toBe('charge <*> failed: card declined');
  });

  it("reads a search's hits and a Loki query's lines: Elasticsearch/OpenSearch and Loki answers", () => {
    const sources = [
      { '@timestamp': '2026-12-03T10:00:00Z', 'log.level': 'info', message: 'basket loaded' },
      {
        '@timestamp': '2026-12-03T10:00:01Z',
        'log.level': 'error',
        message: 'charge 8812 failed: card declined',
      },
    ];
    const hits = sources.map((source, i) => ({
      _index: 'logs-shop',
      _id: `id${i}`,
      _score: null,
      _source: source,
    }));
    const search = {
      took: 4,
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: 2, relation: 'eq' }, max_score: null, hits },
      aggregations: { levels: { buckets: [] } },
    };
    const hitLines = `${hits.map((h) => JSON.stringify(h)).join('\n')}\n`;
    // The Loki answer lists a stream's lines newest first (its default direction): they come out oldest first.
    const loki = {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [
          {
            stream: { app: 'shop', pod: 'shop-7d9c5f6b8-xk2pq' },
            values: [
              ['1764756001000000000', 'ERROR charge 8812 failed: card declined'],
              ['1764756000000000000', 'INFO basket loaded\n'],
            ],
          },
          { stream: { app: 'cart' }, values: [['1764756002000000000', 'WARN slow\nsecond line']] },
        ],
        stats: { summary: { bytesProcessedPerSecond: 1 } },
      },
    };
    const lokiLines = 'INFO basket loaded\nERROR charge 8812 failed: card declined\nWARN slow\nsecond line\n';
    for (const size of [1, 3, 64, 1 << 20]) {
      expect(relined(JSON.stringify(search), size)).toBe(hitLines);
      expect(relined(JSON.stringify(search, null, 2), size)).toBe(hitLines);
      expect(relined(JSON.stringify(loki), size)).toBe(lokiLines);
      expect(relined(JSON.stringify(loki, null, 2), size)).toBe(lokiLines);
    }
    // Two answers saved one after the other, and an answer after another kind: each read as it is.
    expect(relined(`${JSON.stringify(search)}\n${JSON.stringify(search, null, 2)}\n`, 5)).toBe(
      hitLines + hitLines,
    );
    expect(relined(`${JSON.stringify(loki, null, 2)}\n${JSON.stringify(search)}\n`)).toBe(
      lokiLines + hitLines,
    );
    expect(extractBuffer(Buffer.from(JSON.stringify(search))).headline?.title).toBe(
      'charge <*> failed: card declined',
    );
    expect(extractBuffer(Buffer.from(JSON.stringify(loki, null, 2))).headline?.title).toBe(
      'charge <*> failed: card declined',
    );
    // A record with a `hits` or `data` object of its own (its first key not the answer's) stays whole.
    for (const record of [
      { level: 'error', msg: 'search failed', hits: { total: 0, hits: [{ a: 1 }] } },
      {
        level: 'error',
        msg: 'query failed',
        data: { resultType: 'streams', result: [{ values: [['1', 'x']] }] },
      },
    ]) {
      expect(relined(JSON.stringify(record, null, 2), 3)).toBe(`${JSON.stringify(record)}\n`);
    }
  });

  it("places each record's failure where the record starts in the document, text after a break where it is", () => {
    const doc = `${PRETTY}${JSON.stringify({ level: 'error', msg: 'refund failed' }, null, 2)}\nnot json\nERROR tail failed\n`;
    for (const size of [3, 1 << 20]) {
      const at: number[] = [];
      const x = new Extractor({ onEntry: (entry) => at.push(entry.at ?? -1) });
      const bytes = Buffer.from(doc);
      for (let i = 0; i < bytes.length; i += size) x.push(bytes.subarray(i, i + size));
      x.finish();
      // The info record between them is no failure.
      const third = doc.indexOf('{', doc.indexOf('retrying'));
      expect(at).toEqual([0, third, doc.indexOf('ERROR tail')]);
    }
  });

  it('groups a pretty-printed record as the same record on one line, and tells its failures apart', () => {
    const record = (msg: string, id: number) => ({
      level: 50,
      time: 1764756000000 + id,
      pid: id,
      msg,
      reqId: `r-${id}`,
    });
    const pretty = (msg: string, id: number) => `${JSON.stringify(record(msg, id), null, 2)}\n`;
    const compact = extractBuffer(Buffer.from(`${JSON.stringify(record('refund failed', 1))}\n`));
    const a = extractBuffer(Buffer.from(pretty('refund failed', 2)));
    const b = extractBuffer(Buffer.from(pretty('charge failed', 3)));
    expect(a.fingerprint).toBe(compact.fingerprint);
    expect(b.fingerprint).not.toBe(a.fingerprint);
    expect(a.headline?.title ?? a.signature).toContain('refund failed');
    // The raw bytes are what is hashed, not the lines read.
    expect(a.bytes).toBe(Buffer.byteLength(pretty('refund failed', 2)));
  });
});
