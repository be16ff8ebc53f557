import { createHash } from 'node:crypto';
import {
  CONTENT_SECURITY_POLICY,
  renderError,
  renderIssue,
  renderIssueList,
  renderNewIssueForm,
  renderReport,
  renderReportList,
} from '#lib/render/index';
import { CONTRAST_PAIRS } from '#lib/render/layout';
import { makeReport, NOW, state } from './fixtures.ts';

const all: [string, string][] = [
  ['report list', renderReportList({ items: [makeReport()], nextCursor: 'x' }, state(), NOW)],
  ['issue list', renderIssueList({ items: [makeReport()], nextCursor: null }, state(), NOW)],
  ['issue page', renderIssue(makeReport(), NOW)],
  ['report page', renderReport(makeReport(), NOW)],
  ['new issue form', renderNewIssueForm()],
  ['error page', renderError(404, 'not_found', 'No such issue')],
];

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('page shell', () => {
  it('allows exactly the inline stylesheet through its CSP hash', () => {
    const directives = CONTENT_SECURITY_POLICY.split('; ');
    expect(directives).toEqual([
      "default-src 'none'",
      expect.stringMatching(/^style-src 'sha256-[A-Za-z0-9+/]+=*'$/),
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]);
    for (const [, html] of all) {
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
      expect(styles).toHaveLength(1);
      const hash = createHash('sha256')
        .update(styles[0]?.[1] ?? '', 'utf8')
        .digest('base64');
      expect(CONTENT_SECURITY_POLICY).toContain(`style-src 'sha256-${hash}'`);
    }
  });

  it.each(all)('%s has no script, no style attribute and no external asset', (_name, html) => {
    expect(html).not.toMatch(
      /<script|<link rel="stylesheet"|\sstyle="|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
    );
  });

  it.each(all)('%s is a mobile-ready document with the shared nav', (_name, html) => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<a href="\/issues"( aria-current="page")?>Issues<\/a>/);
    expect(html).toMatch(/<a href="\/"( aria-current="page")?>Reports<\/a>/);
    expect(html).toMatch(/<a href="\/issues\/new"( aria-current="page")?>File a bug<\/a>/);
  });

  it.each(all)('%s labels every form control', (_name, html) => {
    const controls = [...html.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)]
      .map((m) => m[1] ?? '')
      .filter((attrs) => !attrs.includes('type="hidden"'));
    for (const attrs of controls) {
      const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
      expect(id).toBeDefined();
      expect(html).toContain(`<label for="${id}">`);
    }
  });

  it.each(CONTRAST_PAIRS)('%s on %s (%s) meets 4.5:1 contrast', (fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
