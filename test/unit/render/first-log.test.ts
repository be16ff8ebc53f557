import type { FirstLogStateAnswer } from '#lib/contracts/lifecycle';
import { firstLogOf, type Report } from '#lib/model';
import { renderIssue, renderReport } from '#lib/render/index';
import { paths } from '#lib/routes';
import { makeReport } from './fixtures.ts';

const NOW = new Date('2027-06-01T12:00:00.000Z');

type Render = (report: Report, now: Date, firstLog?: FirstLogStateAnswer) => string;
const issuePage: Render = (report, now, firstLog) => renderIssue(report, now, '', firstLog);

describe("a report's first log on its pages", () => {
  const report = makeReport({ extractTruncated: true });
  const link = `href="${paths.log(firstLogOf(report))}"`;

  it.each([
    ['report', renderReport as Render],
    ['issue', issuePage],
  ])('links the %s page to the first log while it is kept', (_page, render) => {
    expect(render(report, NOW, { state: 'kept' })).toContain(link);
    expect(render(report, NOW)).toContain(link);
  });

  it.each([
    ['report', renderReport as Render],
    ['issue', issuePage],
  ])('says on the %s page when the first log expired, with no link to it', (_page, render) => {
    const page = render(report, NOW, { state: 'expired', expiredAt: '2027-03-02T08:00:00.000Z' });
    expect(page).not.toContain(link);
    expect(page).toMatch(/The first log expired [^<]*2027-03-02/);
    expect(page).toContain('the counts stay');
  });

  it('says when the first log was deleted on request', () => {
    const page = renderReport(report, NOW, { state: 'deleted' });
    expect(page).not.toContain(link);
    expect(page).toContain('The first log was deleted');
  });
});
