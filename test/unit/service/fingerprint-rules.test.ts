import { configureFingerprintRules, parseFingerprintRules } from '#lib/extract/fingerprint-rules';
import { reportView } from '#lib/service/views';
import { diskLog, harness, ingest, paymentLog } from './helpers.ts';

describe('a report grouped by a fingerprint rule', () => {
  afterEach(() => configureFingerprintRules([]));

  it('counts every matching failure on one report, which says which rule and keeps a real title', async () => {
    configureFingerprintRules(
      parseFingerprintRules(
        '[{"fingerprint":"storage trouble","message":"*disk * full*"},{"fingerprint":"cards","message":"*card declined*"}]',
      ),
    );
    const h = harness();
    const first = await ingest(h, diskLog(91));
    const second = await ingest(h, diskLog(97).replace('/srv/backup', '/var/lib/postgres'));
    const payment = await ingest(h, paymentLog(3));
    expect(second.report?.reportId).toBe(first.report?.reportId);
    expect(second.report?.occurrences).toBe(2);
    expect(payment.report?.reportId).not.toBe(first.report?.reportId);

    const report = (await h.stores.reports.getByReportId(first.report!.reportId))!;
    expect(report.rule).toBe('storage trouble');
    expect(report.signature).toBe('fingerprint rule: storage trouble');
    expect(report.title).toMatch(/disk .* full/);
    expect(reportView(report)).toMatchObject({ rule: 'storage trouble', mergedInto: null, mergedFrom: [] });
  });
});
