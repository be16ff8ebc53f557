import { renderError, renderIssue, renderNewIssueForm, renderReport } from '#lib/render/index';
import { hrefsOf, makeReport, NOW } from './fixtures.ts';

const STATUS_FORM = '<form method="post" action="/issues/000007/status">';
const BUG_FORM = '<form method="post" action="/issues" enctype="multipart/form-data">';

describe('issue page', () => {
  it('shows a ghost with the file-a-bug form and no close or reopen control', () => {
    const html = renderIssue(makeReport({ status: 'Ghost', summary: '' }), NOW);
    expect(html).toContain('<span class="badge s-Ghost">Ghost</span>');
    expect(html).toContain('File a bug for this report</h2>');
    expect(html).toContain(BUG_FORM);
    expect(html).toContain('<input type="hidden" name="reportId" value="000000042">');
    expect(html).toMatch(/<textarea id="[^"]+" name="summary" required maxlength="2000"/);
    expect(html).not.toContain('/status"');
    expect(html).not.toContain('name="new_status"');
  });

  it('offers to close an open issue', () => {
    const html = renderIssue(makeReport({ status: 'Open' }), NOW);
    expect(html).toContain(STATUS_FORM);
    expect(html).toContain('<input type="hidden" name="new_status" value="closed">');
    expect(html).toContain('Close issue</button>');
  });

  it('offers to reopen a closed issue', () => {
    const html = renderIssue(makeReport({ status: 'Closed' }), NOW);
    expect(html).toContain(STATUS_FORM);
    expect(html).toContain('<input type="hidden" name="new_status" value="open">');
    expect(html).toContain('Reopen issue</button>');
    expect(html).not.toContain('Close issue');
  });

  it('lets a filed issue take another summary', () => {
    const html = renderIssue(makeReport(), NOW);
    expect(html).toContain('Add a summary</h2>');
    expect(html).toContain(BUG_FORM);
  });

  it('marks a regression', () => {
    expect(renderIssue(makeReport({ regressed: true }), NOW)).toContain('<span class="badge regressed"');
    expect(renderIssue(makeReport({ regressed: false }), NOW)).not.toContain('badge regressed');
  });

  it('shows the summary, further summaries, history and links to the report and first log', () => {
    const html = renderIssue(
      makeReport({
        summaries: [{ summary: 'Also on staging', at: '2024-05-09T12:00:00Z', logId: '000000099' }],
        history: [
          { event: 'created', at: '2024-05-01T08:00:00Z' },
          { event: 'upgraded', at: '2024-05-02T08:00:00Z' },
        ],
      }),
      NOW,
    );
    expect(html).toContain('<p class="summary">Database connection refused on start</p>');
    expect(html).toContain('Also on staging');
    expect(hrefsOf(html, '000000099')).toEqual(['/logs/000000099']);
    expect(html).toMatch(/<ol class="timeline"><li>Report created .*<li>Filed as a bug /);
    expect(hrefsOf(html, 'Report')).toContain('/logs/extracted/000000042');
    expect(hrefsOf(html, 'First log')).toEqual(['/logs/000000042']);
    expect(html).toContain('aria-label="4 occurrences in the last 30 days"');
  });
});

describe('report page', () => {
  it('shows the extract beside its signature, fingerprint and the grouping rule', () => {
    const html = renderReport(makeReport(), NOW);
    expect(html).toMatch(
      /<div class="columns">\s*<section[^>]*><h2[^>]*>Extract<\/h2>[\s\S]*<pre tabindex="0">ERROR connection refused to 10\.0\.0\.1:5432<\/pre>[\s\S]*<h2[^>]*>Signature<\/h2>/,
    );
    expect(html).toContain('<pre tabindex="0">ERROR connection refused to &lt;ip&gt;:&lt;num&gt;</pre>');
    expect(html).toContain(`<code>${'f'.repeat(64)}</code>`);
    expect(html).toContain('Why logs group together');
    expect(hrefsOf(html, 'Issue <span')).toEqual(['/issues/000007']);
    expect(hrefsOf(html, 'First log')).toEqual(['/logs/000000042']);
  });

  it('offers to file a bug only while the report has no filed issue', () => {
    const ghost = renderReport(makeReport({ status: 'Ghost', reportId: '000000042' }), NOW);
    expect(hrefsOf(ghost, 'File a bug for this report')).toEqual(['/issues/new?reportId=000000042']);
    expect(hrefsOf(renderReport(makeReport({ status: 'Open' }), NOW), 'File a bug for this report')).toEqual(
      [],
    );
  });

  it('notes a truncated extract and points at the full log', () => {
    expect(renderReport(makeReport({ extractTruncated: false }), NOW)).not.toContain('cut short');
    const html = renderReport(makeReport({ extractTruncated: true }), NOW);
    expect(html).toContain('This extract was cut short.');
    expect(hrefsOf(html, 'Read the whole first log')).toEqual(['/logs/000000042']);
  });
});

describe('new issue form', () => {
  it('posts a log file or a report id with a required summary as multipart', () => {
    const html = renderNewIssueForm();
    expect(html).toContain(BUG_FORM);
    expect(html).toContain('type="file" name="file"');
    expect(html).toMatch(/name="reportId" value="" inputmode="numeric" pattern="\[0-9\]\{9\}"/);
    expect(html).toContain('<textarea id="summary" name="summary" required maxlength="2000"');
  });

  it('prefills a given report id', () => {
    expect(renderNewIssueForm('000000042')).toContain('name="reportId" value="000000042"');
  });
});

describe('error page', () => {
  it('explains the error with its status, message and code, and a way back', () => {
    const html = renderError(404, 'issue_not_found', 'No issue 000123.');
    expect(html).toContain('<title>Not found · logsift</title>');
    expect(html).toContain('<h1>404 · Not found</h1>');
    expect(html).toContain('<p>No issue 000123.</p>');
    expect(html).toContain('<code>issue_not_found</code>');
    expect(hrefsOf(html, 'Back to the reports')).toEqual(['/']);
  });

  it('names an unlisted server error generically', () => {
    expect(renderError(502, 'upstream', 'Storage did not answer.')).toContain(
      '<h1>502 · Something went wrong</h1>',
    );
  });
});
