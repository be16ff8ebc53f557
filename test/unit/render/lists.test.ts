import { listHref, renderIssueList, renderReportList } from '#lib/render/index';
import { hrefsOf, makeReport, NOW, state } from './fixtures.ts';

describe('listHref', () => {
  it('leaves out the defaults', () => {
    expect(listHref('/', state())).toBe('/');
    expect(listHref('/issues', state({ limit: 20 }))).toBe('/issues?limit=20');
  });

  it('keeps filters and the cursor, URL-encoded', () => {
    const href = listHref(
      '/',
      state({ sort: 'occurrences', order: 'asc', type: 'C', q: 'a&b=c d', cursor: 'e/f+g=' }),
    );
    expect(href).toBe('/?sort=occurrences&order=asc&type=C&q=a%26b%3Dc%20d&cursor=e%2Ff%2Bg%3D');
    expect(new URL(href, 'http://x').searchParams.get('q')).toBe('a&b=c d');
  });

  it('applies overrides, and an undefined override removes the key', () => {
    expect(listHref('/issues', state({ status: 'open', cursor: 'abc' }), { cursor: undefined })).toBe(
      '/issues?status=open',
    );
  });
});

describe('report list', () => {
  const report = makeReport();
  const render = (s = state(), nextCursor: string | null = null) =>
    renderReportList({ items: [report], nextCursor }, s, NOW);

  it('links each row to its report and its issue', () => {
    const html = render();
    expect(html).toContain('<a class="mono" href="/logs/extracted/000000042">000000042</a>');
    expect(html).toContain(
      '<a class="mono" href="/issues/000007">000007</a> <span class="badge s-Open">Open</span>',
    );
  });

  it('shows last seen as relative time with the exact time in <time datetime>', () => {
    expect(render()).toContain(
      '<time datetime="2024-05-10T11:57:00.000Z" title="2024-05-10 11:57:00 UTC">3 minutes ago</time>',
    );
  });

  it('flips the order on the current sort column and starts other columns descending', () => {
    const html = render(state({ sort: 'lastSeen', order: 'desc', type: 'E', cursor: 'page2' }));
    expect(hrefsOf(html, 'Last seen')).toEqual(['/?order=asc&type=E']);
    expect(hrefsOf(html, 'Occurrences')).toEqual(['/?sort=occurrences&type=E']);
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><a [^>]*>Last seen/);

    const asc = render(state({ sort: 'occurrences', order: 'asc' }));
    expect(hrefsOf(asc, 'Occurrences')).toEqual(['/?sort=occurrences']);
    expect(asc).toMatch(/aria-sort="ascending"><a [^>]*>Occurrences/);
  });

  it('links the next page with the filters kept and the cursor encoded', () => {
    const html = render(state({ type: 'W', q: 'disk full', limit: 10 }), 'n3xt/+==');
    expect(hrefsOf(html, 'Next page')).toEqual(['/?limit=10&type=W&q=disk%20full&cursor=n3xt%2F%2B%3D%3D']);
  });

  it('offers the first page once paged, and no next link on the last page', () => {
    const html = render(state({ cursor: 'abc' }), null);
    expect(hrefsOf(html, 'First page')).toEqual(['/']);
    expect(hrefsOf(html, 'Next page')).toEqual([]);
  });

  it('keeps sort and page size when the filter form is submitted', () => {
    const html = render(state({ sort: 'firstSeen', order: 'asc', limit: 25, type: 'C' }));
    expect(html).toContain('<form class="filters" method="get" action="/"');
    // visible selects, so a phone (whose column headers are folded away) can sort too
    expect(html).toContain('<select id="f-sort" name="sort">');
    expect(html).toContain('<option value="firstSeen" selected>First seen</option>');
    expect(html).toContain('<select id="f-order" name="order">');
    expect(html).toContain('<option value="asc" selected>Oldest or fewest first</option>');
    expect(html).toContain('<label for="f-sort">Sort by</label>');
    expect(html).toContain('<input type="hidden" name="limit" value="25">');
    expect(html).toContain('<option value="C" selected>');
    expect(html).not.toContain('name="cursor"');
  });

  it('says there are no reports yet when the list is empty', () => {
    const html = renderReportList({ items: [], nextCursor: null }, state(), NOW);
    expect(html).toContain('No reports yet.');
    expect(html).not.toContain('<table');
  });

  it('says nothing matches when a filtered list is empty, with a way back', () => {
    const html = renderReportList({ items: [], nextCursor: null }, state({ q: 'zzz' }), NOW);
    expect(html).toContain('No reports match these filters.');
    expect(hrefsOf(html, 'Show all reports')).toEqual(['/']);
  });

  it('uses a captioned table with scoped headers inside a scrollable region', () => {
    const html = render(state(), null);
    expect(html).toContain(
      '<div class="table-wrap" role="region" aria-labelledby="list-caption" tabindex="0">',
    );
    expect(html).toContain('<caption id="list-caption">1 report</caption>');
    expect(html).toContain('<th scope="row">');
  });

  it('shows the total count when known', () => {
    const html = renderReportList({ items: [report], nextCursor: 'x', count: 1234 }, state(), NOW);
    expect(html).toContain('1,234 reports');
  });
});

describe('issue list', () => {
  it('shows status, type, occurrences and a one-line summary preview', () => {
    const long = `${'word '.repeat(60)}\nsecond line`;
    const html = renderIssueList(
      { items: [makeReport({ status: 'Closed', summary: long, regressed: true })], nextCursor: null },
      state(),
      NOW,
    );
    expect(html).toContain('<span class="badge s-Closed">Closed</span>');
    expect(html).toContain('regressed</span>');
    expect(html).toContain('<td class="num" data-label="Occurrences">12</td>');
    expect(html).toMatch(/<td class="wrap" data-label="Summary">(word ){31}word…<\/td>/);
  });

  it('offers open, closed and all, with the current one selected', () => {
    const html = renderIssueList({ items: [], nextCursor: null }, state({ status: 'closed' }), NOW);
    expect(html).toContain('<option value="">Open and closed</option>');
    expect(html).toContain('<option value="closed" selected>Closed</option>');
    expect(html).toContain('No issues match these filters.');
  });

  it('pages with filters kept', () => {
    const html = renderIssueList(
      { items: [makeReport()], nextCursor: 'c1' },
      state({ status: 'open', type: 'E' }),
      NOW,
    );
    expect(hrefsOf(html, 'Next page')).toEqual(['/issues?type=E&status=open&cursor=c1']);
  });

  it('toggles filing order on the issue column, keeping filters and dropping the cursor', () => {
    const render = (s: ReturnType<typeof state>) =>
      renderIssueList({ items: [makeReport()], nextCursor: null }, s, NOW);
    const newest = render(state({ status: 'open', cursor: 'c1' }));
    expect(hrefsOf(newest, 'Issue<')).toEqual(['/issues?order=asc&status=open']);
    expect(newest).toMatch(/<th scope="col" aria-sort="descending"><a [^>]*>Issue</);
    const oldest = render(state({ order: 'asc', q: 'db' }));
    expect(hrefsOf(oldest, 'Issue<')).toEqual(['/issues?q=db']);
    expect(oldest).toMatch(/<th scope="col" aria-sort="ascending"><a [^>]*>Issue</);
  });

  it('invites filing a bug when there are no issues', () => {
    const html = renderIssueList({ items: [], nextCursor: null }, state(), NOW);
    expect(html).toContain('No issues filed yet.');
    expect(hrefsOf(html, 'File a bug')).toContain('/issues/new');
  });
});

describe('titles first', () => {
  it('leads each report and issue row with its title and culprit, escaped', () => {
    const report = makeReport({ title: 'TypeError: <b>x</b> is undefined', culprit: 'charge (pay.js)' });
    for (const html of [
      renderReportList({ items: [report], nextCursor: null }, state(), NOW),
      renderIssueList({ items: [report], nextCursor: null }, state(), NOW),
    ]) {
      const row = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
      const firstCell = /<td[^>]*>([\s\S]*?)<\/td>/.exec(row)?.[1] ?? '';
      expect(firstCell).toContain('TypeError: &lt;b&gt;x&lt;/b&gt; is undefined');
      expect(firstCell).toContain('charge (pay.js)');
    }
  });

  it("reads an older report's title from its signature", () => {
    const html = renderReportList({ items: [makeReport()], nextCursor: null }, state(), NOW);
    expect(html).toContain('<span class="title">connection refused to &lt;ip&gt;:&lt;num&gt;</span>');
  });
});
