/**
 * The page shell: one inline stylesheet, allowed by its hash in the CSP, and
 * the header nav every page shares. No scripts, no external assets.
 */
import { createHash } from 'node:crypto';
import { type Html, html, raw } from './html.ts';

/** Every text colour on the background it is drawn on; each pair is >= 4.5:1 (checked in the tests). */
export const CONTRAST_PAIRS: readonly (readonly [fg: string, bg: string, use: string])[] = [
  ['#1f2328', '#ffffff', 'body text'],
  ['#1f2328', '#f6f8fa', 'table header and code text'],
  ['#57606a', '#ffffff', 'muted text'],
  ['#57606a', '#f6f8fa', 'muted text on grey'],
  ['#0550ae', '#ffffff', 'links'],
  ['#0550ae', '#f6f8fa', 'sort links'],
  ['#ffffff', '#1f2328', 'header nav and buttons'],
  ['#ffffff', '#1a7f37', 'Open badge'],
  ['#ffffff', '#8250df', 'Closed badge'],
  ['#ffffff', '#57606a', 'Ghost badge'],
  ['#ffffff', '#b3261e', 'regressed badge, type C'],
  ['#ffffff', '#9a3412', 'type E'],
  ['#1f2328', '#fde047', 'type W'],
  ['#1f2328', '#fff8f0', 'truncation note'],
];

export const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
a{color:#0550ae}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #0550ae;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header{background:#1f2328;color:#fff}
header nav{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;max-width:72rem;margin:0 auto;padding:.5rem 1rem}
header a{color:#fff;text-decoration:none;padding:.25rem .125rem}
header a:hover,header a[aria-current=page]{text-decoration:underline;text-underline-offset:4px}
header :focus-visible{outline-color:#fff}
.brand{font-weight:700;margin-right:auto;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
header ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.mono,code,pre,kbd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.875rem}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.75rem;overflow:auto;max-height:32rem;white-space:pre;margin:0}
.muted{color:#57606a}
.small{font-size:.8125rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px}
table{border-collapse:collapse;width:100%}
caption{text-align:left;padding:.5rem .75rem;font-weight:600;caption-side:top}
th,td{padding:.4rem .75rem;border-top:1px solid #d0d7de;text-align:left;vertical-align:top;white-space:nowrap}
th{background:#f6f8fa;font-weight:600}
td.wrap{white-space:normal;min-width:14rem;max-width:32rem;overflow-wrap:anywhere}
th a{color:inherit}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8125rem;font-weight:600;line-height:1.6;color:#fff;background:#57606a;white-space:nowrap}
.s-Open{background:#1a7f37}
.s-Closed{background:#8250df}
.s-Ghost{background:#57606a}
.regressed{background:#b3261e}
.type{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;font-weight:700;color:#fff;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.type-C{background:#b3261e}
.type-E{background:#9a3412}
.type-W{background:#fde047;color:#1f2328}
.spark{display:block}
.spark .bar{fill:#0550ae}
.spark .bar0{fill:#6e7781}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;margin:0 0 1rem}
label{display:block;font-weight:600;font-size:.875rem;margin-bottom:.25rem}
input,select,textarea,button{font:inherit;color:inherit}
input[type=search],input[type=text],select,textarea{border:1px solid #6e7781;border-radius:6px;padding:.35rem .5rem;background:#fff;max-width:100%}
textarea{width:100%;min-height:7rem}
button{border:1px solid #1f2328;border-radius:6px;padding:.35rem .9rem;background:#1f2328;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1f2328}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.field{margin:0 0 1rem}
.hint{color:#57606a;font-size:.875rem;margin:.25rem 0 0}
.pager{display:flex;gap:1rem;justify-content:space-between;margin:1rem 0}
.empty{padding:2rem 1rem;text-align:center;color:#57606a}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.columns{display:grid;grid-template-columns:1fr;gap:1rem}
@media (min-width:60rem){.columns{grid-template-columns:1fr 1fr}}
.columns>section{min-width:0}
.tags{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.5rem 1.5rem}
.tags h3{font-size:1rem;margin:.25rem 0}
.tags ol{list-style:none;margin:0;padding:0}
.tags li{display:flex;justify-content:space-between;gap:.5rem;overflow-wrap:anywhere}
.summary{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.05rem}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid #d0d7de}
ol.timeline li{padding:0 0 .5rem 1rem}
.note{border-left:4px solid #9a3412;background:#fff8f0;padding:.5rem .75rem;margin:.5rem 0}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1rem 0}
form.filters>div{min-width:0;max-width:100%}
p code,dd code{overflow-wrap:anywhere;word-break:break-all}
@media (max-width:40rem){
main{padding:.75rem}
form.filters{gap:.5rem}
form.filters>div{flex:1 1 9rem}
form.filters select,form.filters input[type=search],form.filters input[type=text]{width:100%}
.table-wrap{overflow:visible;border:0}
table.cards,table.cards tbody,table.cards tr,table.cards th,table.cards td,table.cards caption{display:block}
table.cards caption{padding:0 0 .5rem}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards tr{border:1px solid #d0d7de;border-radius:6px;margin:0 0 .75rem;padding:.25rem 0}
table.cards th,table.cards td{border:0;white-space:normal;background:none;padding:.15rem .75rem;text-align:left;max-width:none;min-width:0}
table.cards th[scope=row]{font-size:1.05rem}
table.cards td[data-label]::before{content:attr(data-label);display:inline-block;min-width:7.5rem;font-weight:600;color:#57606a;font-size:.875rem}
table.cards td .spark{display:inline-block;vertical-align:middle}
dl.facts{grid-template-columns:1fr}
dl.facts dd{margin-bottom:.5rem}
}
`.trim();

export const STYLE_HASH = `sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type Section = 'reports' | 'issues' | 'new' | null;

const NAV: [Exclude<Section, null>, string, string][] = [
  ['reports', '/', 'Reports'],
  ['issues', '/issues', 'Issues'],
  ['new', '/issues/new', 'File a bug'],
];

export function page(title: string, section: Section, body: Html): string {
  const items = NAV.map(
    ([key, href, label]) =>
      html`<li><a href="${href}"${key === section ? raw(' aria-current="page"') : ''}>${label}</a></li>`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${title} · logsift</title>
<link rel="icon" href="data:,">
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Main"><a class="brand" href="/">logsift</a><ul>${items}</ul></nav></header>
<main id="main">
${body}
</main>
</body>
</html>
`.text;
}
