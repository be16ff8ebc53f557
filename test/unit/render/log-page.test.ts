import type { LogRecord } from '#lib/model';
import { renderLog, renderReportList } from '#lib/render/index';
import { LOG_PREVIEW_BYTES } from '#lib/render/log';
import { hrefsOf, makeReport, NOW, state } from './fixtures.ts';

const LOG: LogRecord = {
  logId: '000000042',
  sha256: 'a'.repeat(64),
  bytes: 30,
  receivedAt: '2024-05-10T11:00:00.000Z',
  reportId: '000000042',
  reportKey: 'f'.repeat(64),
  type: 'E',
};

describe('log page', () => {
  it('links the log to its report, its issue and its raw bytes', () => {
    const html = renderLog(LOG, makeReport(), Buffer.from('INFO a\nERROR <b>boom</b>\n'), NOW);
    expect(html).toContain('<title>Log 000000042 · logsift</title>');
    expect(hrefsOf(html, '000000042')).toContain('/logs/extracted/000000042');
    expect(hrefsOf(html, '000007')).toEqual(['/issues/000007']);
    expect(hrefsOf(html, 'Raw log (every byte, text/plain)')).toEqual(['/logs/000000042?format=text']);
    expect(html).toContain('<pre tabindex="0">INFO a\nERROR &lt;b&gt;boom&lt;/b&gt;\n</pre>');
    expect(html).toContain('<time datetime="2024-05-10T11:00:00.000Z"');
  });

  it('shows the log with its secrets scrubbed (the raw link keeps every byte)', () => {
    const log =
      'INFO login user=amy password=hunter2\nERROR upstream said 401 to Authorization: Bearer 9f8e7d6c5b4a3928\n';
    const html = renderLog(LOG, makeReport(), Buffer.from(log), NOW);
    expect(html).not.toContain('hunter2');
    expect(html).not.toContain('9f8e7d6c5b4a3928');
    expect(html).toContain('password=&lt;redacted&gt;');
  });

  it('says when a log had no failure, or its report is gone', () => {
    const clean = renderLog(
      { ...LOG, reportId: null, reportKey: null, type: null },
      null,
      Buffer.from('ok\n'),
      NOW,
    );
    expect(clean).toContain('none: no warning, error or call stack in this log');
    expect(renderLog(LOG, null, Buffer.from('ERROR x\n'), NOW)).toContain('was deleted');
  });

  it('shows only the start of a long log and links the rest; none of a log too big to load', () => {
    const big = Buffer.alloc(LOG_PREVIEW_BYTES + 10, 'a');
    const html = renderLog({ ...LOG, bytes: big.length }, makeReport(), big, NOW);
    expect(html).toContain(`Showing the first 262,144 of 262,154 bytes.`);
    expect(renderLog({ ...LOG, bytes: 9e9 }, makeReport(), null, NOW)).toContain('too large to show here');
  });
});

describe('list caption', () => {
  it('says when more items follow on the next page', () => {
    const html = renderReportList({ items: [makeReport()], nextCursor: 'abc' }, state(), NOW);
    expect(html).toMatch(
      /<caption id="list-caption">1 report<span class="muted"> on this page, more on the next<\/span><\/caption>/,
    );
    const last = renderReportList({ items: [makeReport()], nextCursor: null }, state(), NOW);
    expect(last).toContain('<caption id="list-caption">1 report</caption>');
  });
});
