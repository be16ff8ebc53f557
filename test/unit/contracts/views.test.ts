/**
 * The JSON views (lib/service/views.ts) answer exactly their schemas: strict
 * objects, ids and hashes in their formats, UTC times, links that lead back to
 * a route of the table.
 */
import { Ingest, Issue, Log, Report } from '#lib/contracts/answers';
import { firstLogOf, type LogRecord } from '#lib/model';
import { matchRoute, paths } from '#lib/routes';
import { ingestView, issueView, logView, reportView } from '#lib/service/views';
import { makeReport } from '../render/fixtures.ts';

const log: LogRecord = {
  logId: '000000043',
  sha256: 'b'.repeat(64),
  bytes: 120,
  receivedAt: '2024-05-10T11:57:00.000Z',
  reportId: '000000042',
  reportKey: 'f'.repeat(64),
  type: 'E',
};

const routeOf = (link: string | null) => (link === null ? null : matchRoute('GET', link)?.route.name);

describe('the JSON views against their schemas', () => {
  it('gives an issue, a report and a log in their shapes, with links to their routes', () => {
    const report = makeReport({
      summaries: [{ summary: 'again', at: '2024-05-09T10:00:00.000Z', logId: null }],
    });
    const issue = Issue.parse(issueView(report));
    expect(Object.values(issue.links).map(routeOf)).toEqual(['getIssue', 'getExtract', 'getLog']);
    const parsed = Report.parse(reportView(report));
    expect(Object.values(parsed.links).map(routeOf)).toEqual(['getExtract', 'getIssue', 'getLog']);
    expect(routeOf(Log.parse(logView(log)).links.raw)).toBe('getLog');
    // Once the first log is gone, no link to it: the answer says why instead.
    const expired = { state: 'expired', expiredAt: '2024-08-07T10:00:00.000Z' } as const;
    expect(Issue.parse(issueView(report, expired))).toMatchObject({
      firstLog: expired,
      links: { firstLog: null },
    });
    expect(Report.parse(reportView(report, { state: 'deleted' }))).toMatchObject({
      firstLog: { state: 'deleted' },
      links: { firstLog: null },
    });
    expect(Report.parse(reportView(report, { state: 'kept' })).links.firstLog).toBe(
      paths.log(firstLogOf(report)),
    );
    expect(
      Log.parse(logView({ ...log, reportId: null, reportKey: null, type: null })).links.report,
    ).toBeNull();
  });

  it('gives the ingest answer for a new report, a known one and a log with no failure', () => {
    const report = makeReport({ occurrences: 1 });
    expect(Ingest.parse(ingestView({ log, report, isNew: true }))).toMatchObject({
      new: true,
      occurrences: 1,
    });
    expect(Ingest.parse(ingestView({ log, report: null, isNew: false }))).toEqual({
      logId: '000000043',
      reportId: null,
      issueId: null,
      type: null,
      new: false,
      occurrences: null,
    });
  });

  it('refuses what the document would refuse: an extra field, a local time, a malformed id', () => {
    const view = issueView(makeReport());
    expect(Issue.safeParse({ ...view, extra: 1 }).success).toBe(false);
    expect(Issue.safeParse({ ...view, firstSeen: '2024-05-01T10:00:00+02:00' }).success).toBe(false);
    expect(Issue.safeParse({ ...view, issueId: '7' }).success).toBe(false);
    expect(Report.safeParse({ ...reportView(makeReport()), daily: { '2024-05-10': 0 } }).success).toBe(false);
  });
});
