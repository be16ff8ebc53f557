import type { Report } from '#lib/model';
import type { ListState } from '#lib/render/index';

export const NOW = new Date('2024-05-10T12:00:00Z');

export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    reportKey: 'f'.repeat(64),
    reportId: '000000042',
    issueId: '000007',
    type: 'E',
    occurrences: 12,
    firstSeen: '2024-05-01T08:00:00.000Z',
    lastSeen: '2024-05-10T11:57:00.000Z',
    extract: 'ERROR connection refused to 10.0.0.1:5432',
    extractTruncated: false,
    signature: 'ERROR connection refused to <ip>:<num>',
    logSha256: 'a'.repeat(64),
    status: 'Open',
    summary: 'Database connection refused on start',
    summaries: [],
    history: [{ event: 'created', at: '2024-05-01T08:00:00.000Z' }],
    regressed: false,
    daily: { '2024-05-10': 3, '2024-05-09': 1 },
    ...overrides,
  };
}

export function state(overrides: Partial<ListState> = {}): ListState {
  return { sort: 'lastSeen', order: 'desc', limit: 50, ...overrides };
}

/** Every href/action/src value in the page, unescaped of &amp; only. */
export function urls(page: string): string[] {
  return [...page.matchAll(/\s(?:href|action|src)="([^"]*)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
}

export function hrefsOf(page: string, text: string): string[] {
  const re = /<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g;
  return [...page.matchAll(re)]
    .filter((m) => (m[2] ?? '').includes(text))
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));
}
