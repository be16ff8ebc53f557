import {
  escapeHtml,
  renderError,
  renderIssue,
  renderIssueList,
  renderNewIssueForm,
  renderReport,
  renderReportList,
} from '#lib/render/index';
import { makeReport, NOW, state, urls } from './fixtures.ts';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const HOSTILE = `${SCRIPT}\n${BREAKOUT}\n${JS_URL}\n'single'`;

const hostile = makeReport({
  extract: HOSTILE,
  signature: HOSTILE,
  summary: HOSTILE,
  summaries: [{ summary: HOSTILE, at: '2024-05-02T00:00:00Z', logId: '000000050' }],
});

const pages: [string, string][] = [
  ['report list', renderReportList({ items: [hostile], nextCursor: JS_URL }, state({ q: BREAKOUT }), NOW)],
  ['issue list', renderIssueList({ items: [hostile], nextCursor: null }, state({ q: SCRIPT }), NOW)],
  ['issue page', renderIssue(hostile, NOW)],
  ['ghost issue page', renderIssue({ ...hostile, status: 'Ghost', summary: '' }, NOW)],
  ['report page', renderReport(hostile, NOW)],
  ['error page', renderError(400, BREAKOUT, HOSTILE)],
  ['new issue form', renderNewIssueForm(BREAKOUT)],
];

describe('escaping', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it.each(pages)('%s contains no injected tags or attributes', (_name, html) => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // With quoted values blanked, every tag must be a name and well-formed, double-quoted attributes.
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      const shape = tag.replace(/"[^"]*"/g, '""');
      expect(shape).toMatch(/^<[a-z][a-z0-9]*(\s+[a-z][a-z-]*(="")?)*\s*>$/i);
      expect(shape).not.toMatch(/\son\w+=/i);
    }
  });

  it.each(pages)('%s links only to its own paths', (_name, html) => {
    for (const url of urls(html)) {
      expect(url).toMatch(/^(\/|#main$|data:,$)/);
      expect(url).not.toMatch(/javascript:/i);
    }
  });

  it('shows hostile log text escaped, so it reads as text', () => {
    const html = renderReport(hostile, NOW);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&#39;single&#39;');
  });

  it('echoes the search text into the input value escaped', () => {
    const html = renderReportList({ items: [], nextCursor: null }, state({ q: BREAKOUT }), NOW);
    expect(html).toContain('name="q" value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('URL-encodes ids and query values inside hrefs', () => {
    const odd = makeReport({ reportId: '"><x', issueId: 'a b/c' });
    const html = renderReportList({ items: [odd], nextCursor: 'c/+&=' }, state({ q: SCRIPT }), NOW);
    expect(urls(html)).toEqual(
      expect.arrayContaining([
        '/logs/extracted/%22%3E%3Cx',
        '/issues/a%20b%2Fc',
        '/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&cursor=c%2F%2B%26%3D',
      ]),
    );
  });

  it('keeps a hostile report id in the new-issue form as an escaped value', () => {
    expect(renderNewIssueForm(BREAKOUT)).toContain(
      'name="reportId" value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"',
    );
  });
});
