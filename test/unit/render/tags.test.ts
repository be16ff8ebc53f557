import { parseListQuery } from '#lib/http/list-query';
import { renderIssue, renderIssueList, renderReport, renderReportList } from '#lib/render/index';
import { hrefsOf, makeReport, NOW, state } from './fixtures.ts';

const tagged = makeReport({
  occurrences: 12,
  tags: {
    service: { billing: 9, checkout: 3 },
    environment: { production: 12 },
    host: { 'pay-1': 7, 'pay-2': 5 },
    logger: { 'billing.charges': 12 },
  },
  tagsOther: { host: 0 },
});

describe('the tags panel', () => {
  it('shows each key with its top values and counts on the report page', () => {
    const html = renderReport(tagged, NOW);
    expect(html).toContain('<h2 id="tags-h">Tags</h2>');
    expect(html).toMatch(
      /<h3>Service<\/h3><ol><li><a href="[^"]+">billing<\/a> <span class="num">9<\/span><\/li>/,
    );
    expect(html).toContain('<span>pay-1</span> <span class="num">7</span>');
    expect(html).toContain('<span>billing.charges</span> <span class="num">12</span>');
  });

  it('links a service or environment to the list filtered by it', () => {
    expect(hrefsOf(renderReport(tagged, NOW), 'checkout')).toEqual(['/?service=checkout']);
    expect(hrefsOf(renderReport(tagged, NOW), 'production')).toEqual(['/?environment=production']);
    expect(hrefsOf(renderIssue(tagged, NOW), 'billing')).toEqual(['/issues?service=billing']);
    expect(hrefsOf(renderReport(tagged, NOW), 'pay-1')).toEqual([]);
  });

  it('counts the values folded away as other, and says so when no occurrence named any', () => {
    const folded = renderReport(makeReport({ tags: { host: { a: 3 } }, tagsOther: { host: 40 } }), NOW);
    expect(folded).toContain('<span class="muted">other values</span> <span class="num">40</span>');
    expect(folded).not.toContain('<h3>Service</h3>');
    expect(renderReport(makeReport(), NOW)).toContain(
      'No occurrence named a service, environment, host or logger.',
    );
  });

  it('escapes values and their links', () => {
    const html = renderReport(makeReport({ tags: { service: { '<b>x</b>&y': 1 } } }), NOW);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;&amp;y</a>');
    expect(hrefsOf(html, '&lt;b&gt;')).toEqual(['/?service=%3Cb%3Ex%3C%2Fb%3E%26y']);
  });
});

describe('the list filters by service and environment', () => {
  it('fills the inputs from the query and keeps the filters on the next page', () => {
    const s = state({ service: 'billing', environment: 'production' });
    const html = renderReportList({ items: [tagged], nextCursor: 'abc' }, s, NOW);
    expect(html).toContain('<input id="f-service" type="text" name="service" value="billing"');
    expect(html).toContain('<input id="f-environment" type="text" name="environment" value="production"');
    expect(hrefsOf(html, 'Next page')).toEqual(['/?service=billing&environment=production&cursor=abc']);
    expect(hrefsOf(html, 'Clear filters')).toEqual(['/']);
    const issues = renderIssueList({ items: [], nextCursor: null }, state({ service: 'billing' }), NOW);
    expect(issues).toContain('No issues match these filters.');
  });

  it('parses service and environment as exact values, refusing one too long', () => {
    expect(parseListQuery({ service: ' billing ', environment: 'production' })).toMatchObject({
      service: 'billing',
      environment: 'production',
    });
    expect(parseListQuery({ service: '' })).not.toHaveProperty('service');
    expect(() => parseListQuery({ environment: 'e'.repeat(101) })).toThrow(
      '"environment" is longer than 100 characters',
    );
  });
});
