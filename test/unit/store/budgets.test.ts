import type { HistoryEntry, Report, SummaryEntry } from '#lib/model';
import {
  DAILY_DAYS,
  EXTRACT_BYTES,
  fitNewReport,
  fold,
  MAX_EXTRA_SUMMARIES,
  MAX_HISTORY,
  needsFolding,
  REPORT_ITEM_BUDGET,
  reportItemBytes,
  roomForSummary,
  SIGNATURE_BYTES,
  SUMMARIES_BYTES,
  truncateUtf8,
} from '#lib/store/budgets';
import { MAX_ITEM_BYTES } from '#lib/store/item-size';

const at = '2026-12-01T08:00:00.000Z';
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function report(overrides: Partial<Report> = {}): Report {
  return {
    reportKey: 'a'.repeat(64),
    reportId: '000000001',
    issueId: '000001',
    type: 'E',
    occurrences: 1,
    firstSeen: at,
    lastSeen: at,
    extract: 'ERROR x',
    extractTruncated: false,
    signature: 'E x',
    logSha256: 'b'.repeat(64),
    status: 'Ghost',
    summary: '',
    summaries: [],
    history: [{ event: 'created', at }],
    regressed: false,
    daily: { '2026-12-01': 1 },
    ...overrides,
  };
}

describe('byte budgets of a report item', () => {
  it('sum to well below the 400 KB item limit', () => {
    expect(REPORT_ITEM_BUDGET).toBeLessThan(MAX_ITEM_BYTES * 0.75);
  });

  it('truncates UTF-8 on a character boundary, never above the bound, the same way every time', () => {
    const text = 'aé漢😀'.repeat(1000);
    for (const max of [0, 1, 2, 3, 5, 6, 7, 9, 10, 4097]) {
      const cut = truncateUtf8(text, max);
      expect(bytes(cut)).toBeLessThanOrEqual(max);
      expect(text.startsWith(cut)).toBe(true);
      expect(cut).not.toContain('\uFFFD');
      expect(truncateUtf8(text, max)).toBe(cut);
    }
    expect(truncateUtf8('short', 100)).toBe('short');
  });

  it('fits a 750 KB CJK signature and extract into their budgets, at entry boundaries, saying so', () => {
    const entries = Array.from({ length: 256 }, (_, i) => `E 失败 ${i} ${'数据库连接超时'.repeat(140)}`);
    const signature = entries.sort().join('\n');
    expect(bytes(signature)).toBeGreaterThan(750_000);
    const extract = '错误'.repeat(60_000);
    const fitted = fitNewReport(report({ signature, extract }));
    expect(bytes(fitted.signature)).toBeLessThanOrEqual(SIGNATURE_BYTES);
    expect(fitted.signatureTruncated).toBe(true);
    expect(entries).toContain(fitted.signature.split('\n').at(-1));
    expect(bytes(fitted.extract)).toBeLessThanOrEqual(EXTRACT_BYTES);
    expect(fitted.extractTruncated).toBe(true);
    expect(reportItemBytes(fitted)).toBeLessThan(REPORT_ITEM_BUDGET);
    expect(fitNewReport(report({ signature, extract }))).toEqual(fitted);
  });

  it('leaves a report within its budgets as it is', () => {
    const fitted = fitNewReport(report());
    expect(fitted).toMatchObject({ signature: 'E x', signatureTruncated: false, extractTruncated: false });
  });

  it('bounds further summaries by count and by bytes', () => {
    const small = (i: number): SummaryEntry => ({ summary: `s${i}`, at, logId: '000000001' });
    const fifty = Array.from({ length: MAX_EXTRA_SUMMARIES }, (_, i) => small(i));
    expect(roomForSummary(fifty.slice(1), small(99))).toBe(true);
    expect(roomForSummary(fifty, small(99))).toBe(false);
    // 2,000 four-byte characters: 8 KB each, so the bytes run out long before the count
    const big: SummaryEntry = { summary: '😀'.repeat(2000), at, logId: null };
    const held: SummaryEntry[] = [];
    while (roomForSummary(held, big)) held.push(big);
    // one entry: 1 (element) + 3 (map) + (1 + 7 + 8,000) + (1 + 2 + 24) + (1 + 5 + 1) = 8,049 bytes
    expect(held.length).toBe(Math.floor(SUMMARIES_BYTES / 8_049));
    expect(held.length).toBeLessThan(MAX_EXTRA_SUMMARIES);
  });

  it('folds days before the last DAILY_DAYS into months, keeping every count', () => {
    const daily: Record<string, number> = {};
    const start = Date.UTC(2026, 0, 1);
    for (let d = 0; d < 200; d++) daily[new Date(start + d * 86_400_000).toISOString().slice(0, 10)] = d + 1;
    const r = report({ daily, monthly: { '2025-12': 5 } });
    expect(needsFolding(r)).toBe(true);
    const folded = fold(r);
    expect(Object.keys(folded.daily)).toHaveLength(DAILY_DAYS);
    const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(sum(folded.daily) + sum(folded.monthly!)).toBe(sum(daily) + 5);
    expect(folded.monthly!['2026-01']).toBe(((1 + 31) * 31) / 2);
    expect(Object.keys(folded.daily).sort()[0]! > Object.keys(folded.monthly!).sort().at(-1)!).toBe(true);
    expect(needsFolding({ ...r, ...folded })).toBe(false);
  });

  it('drops the oldest history entries but the first, counting what it dropped', () => {
    const history: HistoryEntry[] = [{ event: 'created', at }];
    for (let i = 0; i < 249; i++) history.push({ event: i % 2 ? 'reopened' : 'closed', at: `${i}` });
    const folded = fold(report({ history, historyDropped: 3 }));
    expect(folded.history).toHaveLength(MAX_HISTORY);
    expect(folded.history[0]).toEqual({ event: 'created', at });
    expect(folded.history.at(-1)).toEqual(history.at(-1));
    expect(folded.historyDropped).toBe(3 + 50);
  });
});
