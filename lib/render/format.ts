/** Times and counts as people read them. */
import { type Html, html } from './html.ts';

const NUMBER = new Intl.NumberFormat('en-US');
const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

export function formatCount(n: number): string {
  return Number.isFinite(n) ? NUMBER.format(n) : '0';
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "in 2 hours" (clock skew), "just now"; "unknown time" for garbage. */
export function relativeTime(iso: string, now: Date): string {
  const d = parse(iso);
  if (!d || Number.isNaN(now.getTime())) return 'unknown time';
  const seconds = Math.round((now.getTime() - d.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      return RELATIVE.format(seconds > 0 ? -n : n, unit);
    }
  }
  return RELATIVE.format(seconds > 0 ? -1 : 1, 'minute');
}

/** "2024-05-01 12:34:56 UTC", or the input as given when it is not a date. */
export function absoluteTime(iso: string): string {
  const d = parse(iso);
  return d ? `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}

/** Relative time for the eye, exact UTC time in `datetime` and as a tooltip. */
export function timeTag(iso: string, now: Date, withAbsolute = false): Html {
  const d = parse(iso);
  if (!d) return html`<span class="muted">unknown</span>`;
  const exact = d.toISOString();
  return html`<time datetime="${exact}" title="${absoluteTime(exact)}">${relativeTime(exact, now)}</time>${
    withAbsolute ? html` <span class="muted mono small">${absoluteTime(exact)}</span>` : ''
  }`;
}
