/** GET / (reports) and GET /issues: tables with filters, sort links and a cursor pager. */
import type { Report, ReportType } from '#lib/model';
import { formatCount, plural, timeTag } from './format.ts';
import { type Html, html, raw } from './html.ts';
import { page } from './layout.ts';
import { DEFAULTS, listHref, reportHref } from './links.ts';
import { headline, issueLink, regressedBadge, statusBadge, typeBadge, typeName } from './parts.ts';
import { sparkline } from './sparkline.ts';
import type { ListState, PageOf, ReportSort } from './types.ts';

type Base = '/' | '/issues';
const TYPES: readonly ReportType[] = ['C', 'E', 'W'];
const SUMMARY_PREVIEW = 160;

function filtered(state: ListState): boolean {
  return Boolean(state.type || state.status || state.q || state.service || state.environment);
}

/** A column header that sorts by `sort`; on the current column it flips the order. */
function sortHeader(base: Base, state: ListState, sort: ReportSort, label: string, numeric = false): Html {
  const current = state.sort === sort;
  const order = current ? (state.order === 'desc' ? 'asc' : 'desc') : 'desc';
  const href = listHref(base, state, { sort, order, cursor: undefined });
  const ariaSort = current ? (state.order === 'asc' ? 'ascending' : 'descending') : '';
  const arrow = current ? (state.order === 'asc' ? ' ▲' : ' ▼') : '';
  return html`<th scope="col"${numeric ? raw(' class="num"') : ''}${
    ariaSort ? html` aria-sort="${ariaSort}"` : ''
  }><a href="${href}">${label}<span aria-hidden="true">${arrow}</span><span class="vh">, sort ${
    order === 'asc' ? 'ascending' : 'descending'
  }</span></a></th>`;
}

/**
 * The issue store lists issues in filing (issue id) order only, so this header
 * flips `order` and leaves `sort` alone.
 */
function orderHeader(base: Base, state: ListState, label: string): Html {
  const order = state.order === 'desc' ? 'asc' : 'desc';
  const href = listHref(base, state, { order, cursor: undefined });
  return html`<th scope="col" aria-sort="${state.order === 'asc' ? 'ascending' : 'descending'}"><a href="${href}">${label}<span aria-hidden="true">${
    state.order === 'asc' ? ' ▲' : ' ▼'
  }</span><span class="vh">, sort ${order === 'asc' ? 'oldest first' : 'newest first'}</span></a></th>`;
}

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? raw(' selected') : ''}>${label}</option>`;
}

function filterForm(base: Base, state: ListState, withStatus: boolean): Html {
  // Sort, order and page size survive a filter change; the cursor does not (a new filter is a new list).
  // Sort and order are visible selects too: on a phone the sortable column headers are folded away.
  const keep =
    state.limit !== DEFAULTS.limit ? html`<input type="hidden" name="limit" value="${state.limit}">` : '';
  const sort = withStatus
    ? html`<input type="hidden" name="sort" value="${state.sort}">`
    : html`<div><label for="f-sort">Sort by</label><select id="f-sort" name="sort">${[
        option('lastSeen', 'Last seen', state.sort === 'lastSeen'),
        option('firstSeen', 'First seen', state.sort === 'firstSeen'),
        option('occurrences', 'Occurrences', state.sort === 'occurrences'),
      ]}</select></div>`;
  const order = html`<div><label for="f-order">Order</label><select id="f-order" name="order">${[
    option('desc', withStatus ? 'Newest first' : 'Newest or most first', state.order === 'desc'),
    option('asc', withStatus ? 'Oldest first' : 'Oldest or fewest first', state.order === 'asc'),
  ]}</select></div>`;
  const status = withStatus
    ? html`<div><label for="f-status">Status</label><select id="f-status" name="status">${[
        option('', 'Open and closed', !state.status),
        option('open', 'Open', state.status === 'open'),
        option('closed', 'Closed', state.status === 'closed'),
      ]}</select></div>`
    : '';
  return html`<form class="filters" method="get" action="${base}" role="search" aria-label="Filter">
${keep}${withStatus ? sort : ''}${status}
<div><label for="f-type">Type</label><select id="f-type" name="type">${[
    option('', 'All types', !state.type),
    TYPES.map((t) => option(t, `${t} — ${typeName(t)}`, state.type === t)),
  ]}</select></div>
<div><label for="f-q">Search</label><input id="f-q" type="search" name="q" value="${state.q ?? ''}" maxlength="200" placeholder="text in the failure or summary"></div>
${tagInputs(state)}
${withStatus ? '' : sort}${order}
<div><button type="submit">Apply</button></div>
${filtered(state) ? html`<div><a href="${base}">Clear filters</a></div>` : ''}
</form>`;
}

/** The tag filters: a value from a report's tags panel (its links land here filled in). */
function tagInputs(state: ListState): Html {
  return html`<div><label for="f-service">Service</label><input id="f-service" type="text" name="service" value="${state.service ?? ''}" maxlength="100" placeholder="any"></div>
<div><label for="f-environment">Environment</label><input id="f-environment" type="text" name="environment" value="${state.environment ?? ''}" maxlength="100" placeholder="any"></div>`;
}

function pager(base: Base, state: ListState, nextCursor: string | null): Html | '' {
  const first = state.cursor
    ? html`<a href="${listHref(base, state, { cursor: undefined })}">First page</a>`
    : '';
  const next = nextCursor
    ? html`<a href="${listHref(base, state, { cursor: nextCursor })}" rel="next">Next page →</a>`
    : '';
  return first || next
    ? html`<nav class="pager" aria-label="Pages"><span>${first}</span><span>${next}</span></nav>`
    : '';
}

function caption(
  noun: [string, string],
  shown: number,
  count: number | undefined,
  state: ListState,
  more: boolean,
): Html {
  const total = count !== undefined ? plural(count, noun[0], noun[1]) : plural(shown, noun[0], noun[1]);
  return html`<caption id="list-caption">${total}${filtered(state) ? ' matching the filters' : ''}${
    count !== undefined && count !== shown
      ? html`<span class="muted">, ${formatCount(shown)} on this page</span>`
      : count === undefined && (more || state.cursor)
        ? html`<span class="muted"> on this page${more ? ', more on the next' : ''}</span>`
        : ''
  }</caption>`;
}

function table(cap: Html, head: Html, rows: Html[]): Html {
  return html`<div class="table-wrap" role="region" aria-labelledby="list-caption" tabindex="0"><table class="cards">
${cap}
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

export function renderReportList(result: PageOf<Report>, state: ListState, now: Date): string {
  const base = '/';
  const rows = result.items.map(
    (r) => html`<tr>
<th scope="row"><a class="mono" href="${reportHref(r.reportId)}">${r.reportId}</a></th>
<td class="wrap" data-label="Failure">${headline(r)}</td>
<td data-label="Type">${typeBadge(r.type)}</td>
<td class="num" data-label="Occurrences">${formatCount(r.occurrences)}</td>
<td data-label="First seen">${timeTag(r.firstSeen, now)}</td>
<td data-label="Last seen">${timeTag(r.lastSeen, now)}</td>
<td data-label="Last 14 days">${raw(sparkline(r.daily ?? {}, 14, now))}</td>
<td data-label="Issue">${issueLink(r)} ${statusBadge(r.status)} ${regressedBadge(r)}</td>
</tr>
`,
  );
  const head = html`<th scope="col">Report</th><th scope="col">Failure</th><th scope="col">Type</th>${[
    sortHeader(base, state, 'occurrences', 'Occurrences', true),
    sortHeader(base, state, 'firstSeen', 'First seen'),
    sortHeader(base, state, 'lastSeen', 'Last seen'),
  ]}<th scope="col">Last 14 days</th><th scope="col">Issue</th>`;
  const body =
    result.items.length === 0
      ? filtered(state)
        ? html`<p class="empty">No reports match these filters. <a href="/">Show all reports</a>.</p>`
        : html`<div class="empty"><p>No reports yet. Send a log and its failures appear here:</p>
<pre>curl -F file=@app.log ${raw('&lt;this server&gt;')}/logs</pre></div>`
      : table(
          caption(
            ['report', 'reports'],
            result.items.length,
            result.count,
            state,
            result.nextCursor !== null,
          ),
          head,
          rows,
        );
  return page(
    'Reports',
    'reports',
    html`<h1>Reports</h1>
<p class="muted">Unique failures extracted from the logs received, grouped by normalised fingerprint.</p>
${filterForm(base, state, false)}
${body}
${pager(base, state, result.nextCursor)}`,
  );
}

function preview(summary: string): string {
  const s = summary.replace(/\s+/g, ' ').trim();
  return s.length > SUMMARY_PREVIEW ? `${s.slice(0, SUMMARY_PREVIEW - 1)}…` : s;
}

export function renderIssueList(result: PageOf<Report>, state: ListState, now: Date): string {
  const base = '/issues';
  const rows = result.items.map(
    (r) => html`<tr>
<th scope="row">${issueLink(r)}</th>
<td class="wrap" data-label="Failure">${headline(r)}</td>
<td data-label="Status">${statusBadge(r.status)} ${regressedBadge(r)}</td>
<td data-label="Type">${typeBadge(r.type)}</td>
<td class="num" data-label="Occurrences">${formatCount(r.occurrences)}</td>
<td class="wrap" data-label="Summary">${preview(r.summary) || html`<span class="muted">(no summary)</span>`}</td>
<td data-label="Last seen">${timeTag(r.lastSeen, now)}</td>
</tr>
`,
  );
  const head = html`${orderHeader(base, state, 'Issue')}<th scope="col">Failure</th><th scope="col">Status</th><th scope="col">Type</th><th scope="col" class="num">Occurrences</th><th scope="col">Summary</th><th scope="col">Last seen</th>`;
  const body =
    result.items.length === 0
      ? filtered(state)
        ? html`<p class="empty">No issues match these filters. <a href="/issues">Show all issues</a>.</p>`
        : html`<p class="empty">No issues filed yet. <a href="/issues/new">File a bug</a>.</p>`
      : table(
          caption(['issue', 'issues'], result.items.length, result.count, state, result.nextCursor !== null),
          head,
          rows,
        );
  return page(
    'Issues',
    'issues',
    html`<h1>Issues</h1>
${filterForm(base, state, true)}
${body}
${pager(base, state, result.nextCursor)}`,
  );
}
