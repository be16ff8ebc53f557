/** Daily occurrence bars as inline SVG: no script, no external asset, CSP-safe. */
import { formatCount, plural } from './format.ts';
import { html } from './html.ts';

export const BAR_WIDTH = 4;
export const BAR_GAP = 1;
export const SPARK_HEIGHT = 24;

/** The last `days` UTC dates ending with `now`'s, oldest first, as 'YYYY-MM-DD'. */
export function lastDays(days: number, now: Date): string[] {
  const out: string[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (let i = days - 1; i >= 0; i--) out.push(new Date(today - i * 86400000).toISOString().slice(0, 10));
  return out;
}

export function sparkline(daily: Record<string, number>, days: number, now: Date): string {
  const span = Math.max(1, Math.min(366, Math.floor(days) || 1));
  const dates = Number.isNaN(now.getTime()) ? [] : lastDays(span, now);
  const counts = dates.map((d) => {
    const n = Object.hasOwn(daily, d) ? Number(daily[d]) : 0;
    return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
  });
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...counts);
  const width = span * (BAR_WIDTH + BAR_GAP) - BAR_GAP;
  const label = `${plural(total, 'occurrence', 'occurrences')} in the last ${span} days`;
  const bars = counts.map((n, i) => {
    // A zero day keeps a 1px baseline so the time axis stays readable.
    const h = n === 0 ? 1 : Math.max(2, Math.round((n / max) * SPARK_HEIGHT));
    const x = i * (BAR_WIDTH + BAR_GAP);
    return html`<rect x="${x}" y="${SPARK_HEIGHT - h}" width="${BAR_WIDTH}" height="${h}" class="${
      n === 0 ? 'bar0' : 'bar'
    }" data-count="${n}"><title>${dates[i] ?? ''}: ${formatCount(n)}</title></rect>`;
  });
  return html`<svg class="spark" role="img" aria-label="${label}" width="${width}" height="${SPARK_HEIGHT}" viewBox="0 0 ${width} ${SPARK_HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>${label}</title>${bars}</svg>`
    .text;
}
