import { sparkline } from '#lib/render/index';
import { NOW } from './fixtures.ts';

function bars(svg: string): { count: number; height: number; y: number }[] {
  return [
    ...svg.matchAll(/<rect x="\d+" y="(\d+)" width="\d+" height="(\d+)" class="bar0?" data-count="(\d+)">/g),
  ].map((m) => ({ y: Number(m[1]), height: Number(m[2]), count: Number(m[3]) }));
}

describe('sparkline', () => {
  it('draws one bar per day, oldest first, ending today (UTC)', () => {
    const svg = sparkline({ '2024-05-10': 4, '2024-05-08': 2, '2024-04-27': 1 }, 14, NOW);
    expect(bars(svg).map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 4]);
    expect(svg).toContain('<title>2024-04-27: 1</title>');
    expect(svg).toContain('<title>2024-05-10: 4</title>');
  });

  it('scales bar heights to the busiest day and keeps a baseline for empty days', () => {
    const b = bars(sparkline({ '2024-05-10': 4, '2024-05-09': 2, '2024-05-08': 1 }, 4, NOW));
    expect(b.map((x) => x.height)).toEqual([1, 6, 12, 24]);
    for (const x of b) expect(x.y + x.height).toBe(24);
  });

  it('labels the image with the total in the window only', () => {
    const svg = sparkline({ '2024-05-10': 3, '2024-05-01': 2, '2024-01-01': 100 }, 14, NOW);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-label="5 occurrences in the last 14 days"/);
    expect(sparkline({ '2024-05-10': 1 }, 30, NOW)).toContain(
      'aria-label="1 occurrence in the last 30 days"',
    );
  });

  it('draws an all-baseline chart for no occurrences', () => {
    const svg = sparkline({}, 7, NOW);
    expect(svg).toContain('aria-label="0 occurrences in the last 7 days"');
    expect(bars(svg).map((x) => x.height)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('ignores negative, fractional and non-numeric counts and prototype keys', () => {
    const daily = JSON.parse('{"2024-05-10": -3, "2024-05-09": 2.7, "__proto__": 9}') as Record<
      string,
      number
    >;
    (daily as Record<string, unknown>)['2024-05-08'] = 'lots';
    expect(bars(sparkline(daily, 3, NOW)).map((x) => x.count)).toEqual([0, 2, 0]);
  });
});
