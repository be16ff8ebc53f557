/** GET /issues/new and the error page. */
import { MAX_SUMMARY_CHARS } from '#lib/contracts/limits';
import { html } from './html.ts';
import { page } from './layout.ts';

const SUMMARY_LIMIT = MAX_SUMMARY_CHARS.toLocaleString('en');

export function renderNewIssueForm(reportId?: string): string {
  const body = html`<h1>File a bug</h1>
<p>Attach the log that shows the failure, or name a report logsift already has. Either way, say what went wrong.</p>
<form method="post" action="/issues" enctype="multipart/form-data">
<fieldset><legend>The failure</legend>
<div class="field"><label for="file">Log file</label>
<input id="file" type="file" name="file" aria-describedby="file-hint">
<p class="hint" id="file-hint">A plain-text log. Its failure lines are extracted and matched to known reports.</p></div>
<p><strong>or</strong></p>
<div class="field"><label for="reportId">Report id</label>
<input id="reportId" type="text" name="reportId" value="${reportId ?? ''}" inputmode="numeric" pattern="[0-9]{9}" maxlength="9" autocomplete="off" class="mono" aria-describedby="reportId-hint">
<p class="hint" id="reportId-hint">9 digits, as shown on the <a href="/">Reports</a> page. Leave empty when you attach a log.</p></div>
</fieldset>
<div class="field"><label for="summary">Summary</label>
<textarea id="summary" name="summary" required maxlength="${MAX_SUMMARY_CHARS}" aria-describedby="summary-hint"></textarea>
<p class="hint" id="summary-hint">What happened, and what you expected. Up to ${SUMMARY_LIMIT} characters.</p></div>
<button type="submit">File bug</button>
</form>`;
  return page('File a bug', 'new', body);
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Cannot process',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Unavailable',
};

export function renderError(status: number, code: string, message: string): string {
  const title = TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Request failed');
  const body = html`<h1>${status} · ${title}</h1>
<p>${message}</p>
<p class="muted small">Error code: <code>${code}</code></p>
<p><a href="/">Back to the reports</a> · <a href="/issues">Issues</a></p>`;
  return page(title, null, body);
}
