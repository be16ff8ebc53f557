import { Unwrapper } from '#lib/extract/carried';
import { parseLine } from '#lib/records/index';
import { extract, fingerprint } from './helpers';

const javaStack = (frame: string) => [
  'Exception in thread "main" java.lang.IllegalStateException: queue closed',
  `\tat com.acme.ingest.Batcher.${frame}(Batcher.java:118)`,
  '\tat com.acme.ingest.Reader.run(Reader.java:64)',
];

const docker = (lines: string[], stamp: string) =>
  `${lines.map((l, i) => JSON.stringify({ log: `${l}\n`, stream: 'stderr', time: `${stamp}.00000000${i}Z` })).join('\n')}\n`;

const cri = (lines: string[], stamp: string) =>
  `${lines.map((l) => `${stamp}.1Z stderr F ${l}`).join('\n')}\n`;

describe('container runtime wrappers', () => {
  it('reads a stack Docker json-file split into records as the stack it is', () => {
    const got = extract(docker(javaStack('offer'), '2024-05-01T10:00:00'));
    expect(got.type).toBe('C');
    expect(got.signature).toContain('at com.acme.ingest.Batcher.offer (Batcher.java)');
    expect(fingerprint(docker(javaStack('offer'), '2024-06-01T00:00:00'))).toBe(got.fingerprint);
    expect(fingerprint(docker(javaStack('drain'), '2024-05-01T10:00:00'))).not.toBe(got.fingerprint);
  });

  it('reads a CRI log as the plain lines it carries', () => {
    const plain = extract(`${javaStack('offer').join('\n')}\n`);
    expect(extract(cri(javaStack('offer'), '2024-05-01T10:00:00')).fingerprint).toBe(plain.fingerprint);
  });

  it('joins partial pieces into the line they were cut from', () => {
    const w = new Unwrapper();
    expect(w.line('2024-05-01T10:00:00.1Z stderr P ERROR upload ')).toBeNull();
    expect(w.pending).toBe(true);
    expect(w.line('2024-05-01T10:00:00.2Z stderr F failed (status 403)')).toBe(
      'ERROR upload failed (status 403)',
    );
    expect(w.line(JSON.stringify({ log: 'ERROR a ', stream: 'stdout', time: 't' }))).toBeNull();
    expect(w.line(JSON.stringify({ log: 'b\n', stream: 'stdout', time: 't' }))).toBe('ERROR a b');
    expect(w.flush()).toBeUndefined();
  });

  it('leaves other lines and JSON records alone', () => {
    const w = new Unwrapper();
    expect(w.line('2024-05-01T10:00:00Z host app[1]: ERROR x')).toBeUndefined();
    expect(w.line('{"log":"x\\n","stream":"stderr","level":"error"}')).toBeUndefined();
    expect(w.line('{"log":"x"}')).toBeUndefined();
  });

  it('reads a CRI line as a record by the line it carries', () => {
    const e = parseLine(
      '2024-05-01T10:00:00.123456789Z stderr F level=error msg="sync failed" err="timeout"',
    );
    expect(e.format).toBe('logfmt');
    expect(e.severity).toBe('error');
    expect(e.message).toBe('sync failed');
    expect(e.context.stream).toBe('stderr');
  });
});
