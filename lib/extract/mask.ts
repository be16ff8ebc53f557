/**
 * Masking of case-specific values in one failure line, so that two instances of
 * one failure read the same (Drain's masks, Sentry's message parameterisation).
 *
 * Contract: pure, deterministic, linear in the line. Only the first MASK_LIMIT
 * characters are looked at; every regex is either anchored to a literal or
 * matches bounded segments, so no input makes it backtrack catastrophically.
 * Meaningful words (`refused` vs `reset`) survive: a token is masked for what it
 * looks like (has a digit, is an address, a temp path, …), never for its word.
 */

/** Characters of a line that take part in its signature. */
export const MASK_LIMIT = 2048;

/** URLs first: their paths and queries would otherwise be masked piecemeal. */
const URL_RULE = /\b[a-zA-Z][a-zA-Z0-9+.-]{0,15}:\/\/[^\s"'<>()[\]{}]{1,512}/g;

const MONTH = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const DAY = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';

/**
 * Ordered: the more specific shapes first, before digits are masked token by
 * token. A rule with a guard runs only on lines containing that text (cheap).
 */
const RULES: Array<[RegExp, string, string?]> = [
  // Day and month names only where they are part of a date.
  [new RegExp(`\\b(?:${DAY}),? (?=(?:${MONTH})\\b|\\d)`, 'g'), ''],
  [new RegExp(`\\b(?:${MONTH})[a-z]{0,6}\\.?(?=[ /-]{1,2}\\d)`, 'g'), '<month>'],
  [new RegExp(`(?<=\\d[ /-])(?:${MONTH})\\b`, 'g'), '<month>'],
  // Temp files and per-user directories.
  [
    /(?:\/private)?\/(?:tmp|var\/tmp|var\/folders|dev\/shm)\/[^\s"'<>()[\]{},;]{0,512}|[A-Za-z]:\\(?:[^\s"'\\]{1,64}\\){0,8}(?:Temp|TEMP|tmp)\\[^\s"'<>]{0,512}/g,
    '<tmp>',
    't',
  ],
  [/\/(home|Users)\/[^/\s"']{1,64}/g, '/$1/<user>', '/'],
  [/\b([A-Za-z]:\\(?:Users|Documents and Settings))\\[^\\\s"']{1,64}/g, '$1\\<user>', ':\\'],
  // Host names, by the top-level domains networks name hosts with (a Java package
  // ends in a class name, a file in its extension, so neither is taken for one).
  [
    /\b(?:[a-z0-9][a-z0-9-]{0,62}\.){1,8}(?:com|net|org|edu|gov|mil|io|local|localdomain|internal|lan|corp|cloud|svc|(?:com|net|org|edu|gov|ac|co)\.[a-z]{2})\b(?![.-]?\w)/g,
    '<host>',
    '.',
  ],
  // Named identities and quoted values after '='.
  [
    /\b(user(?:name)?|login|owner|account|host(?:name)?|uid|gid|pid|tid)(=|: | )(?!<)[^\s,;)\]]{1,128}/gi,
    '$1$2<*>',
  ],
  [
    /\b(held|locked|owned|claimed|created|modified|started|requested|submitted|initiated|triggered) by [\w.@-]{1,64}/g,
    '$1 by <user>',
    ' by ',
  ],
  [/=\s?"[^"\n]{0,256}"/g, '="<*>"', '='],
  [/=\s?'[^'\n]{0,256}'/g, "='<*>'", '='],
];

/** A token: what sits between separators. One with a digit in it is a variable. */
const TOKEN = /[^\s()[\]{}<>,;:="'`|]+/g;
const HAS_DIGIT = /\d/;
const HEX_WORD = /^(?:0x)?[0-9a-fA-F]{8,}$/;
/** Adjacent masks joined by punctuation are one value (a time, an address with port). */
const MASK_RUN = /<\*>(?:[:.\-_/,@]{1,3}<\*>)+/g;

/** A bracketed field with no word left in it (request/context ids, `[-]`) is one context value. */
const CONTEXT_GROUP = /\[[\s\-<*>]{1,256}\]/g;

/**
 * E-mail addresses, tested per run of non-separators: an unanchored pattern
 * would restart its local-part scan at every character of a long dotted run.
 */
const EMAIL_RUN = /[^\s"'<>()[\]{},;:=|/]+/g;
const EMAIL = /^[\w.+-]{1,64}@[a-zA-Z0-9-]{1,63}(?:\.[a-zA-Z0-9-]{1,63}){1,8}$/;

export function maskText(line: string): string {
  let s = line.length > MASK_LIMIT ? line.slice(0, MASK_LIMIT) : line;
  if (s.includes('://')) s = s.replace(URL_RULE, '<url>');
  if (s.includes('@')) s = s.replace(EMAIL_RUN, (run) => (EMAIL.test(run) ? '<email>' : run));
  for (const [re, to, guard] of RULES) if (guard === undefined || s.includes(guard)) s = s.replace(re, to);
  s = s.replace(TOKEN, (tok) => (HAS_DIGIT.test(tok) || HEX_WORD.test(tok) ? '<*>' : tok));
  s = s.replace(MASK_RUN, '<*>').replace(CONTEXT_GROUP, '[<*>]');
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Level words a log line header ends with. What comes before the first one
 * (timestamp, host, pid, thread, node id) describes where, not what.
 */
const LEVEL =
  /(?:^|[\s[<(|:-])(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRIT|CRITICAL|SEVERE|ALERT|EMERG|PANIC)(?=[\s\]>):|-]|$)|\[(?:trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|severe|alert|emerg)\]|(?:^|\s)(?:[Ww]arning|[Ee]rror|[Ff]atal|[Cc]ritical|[Ss]evere):/;

/**
 * The message part of a log line: from its level word on, when the header
 * before it carries a digit (so looks like timestamp/pid/host fields rather
 * than words of the message).
 */
export function stripHeader(line: string): string {
  const head = line.length > 512 ? line.slice(0, 512) : line;
  const m = LEVEL.exec(head);
  if (m === null || m.index === 0) return line;
  // A level word that ends the line (`… onStepChanged 3579 ERROR`): the message is before it.
  if (!/[A-Za-z]/.test(line.slice(m.index + m[0].length))) return line;
  const prefix = line.slice(0, m.index);
  if (!HAS_DIGIT.test(prefix)) return line;
  // The bracketed field right after the level is the thread or context, not the failure.
  return line
    .slice(m.index)
    .trimStart()
    .replace(/^(\S{1,16}?:?\s{1,8}(?:-\s{1,8})?)\[[^\]\n]{1,128}\]/, '$1[<*>]');
}

/**
 * Every rule above treats a run of digits like any other run of digits, so
 * lines that differ only in their numbers mask alike: a small cache keyed on the
 * line with digit runs squeezed makes a failure repeated a million times cheap.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 4096;

/** Signature text of a plain failure line. */
export function maskLine(line: string): string {
  const cut = line.length > MASK_LIMIT ? line.slice(0, MASK_LIMIT) : line;
  const key = cut.replace(/\d+/g, '0');
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = maskText(stripHeader(key));
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/** Last path segment: frames keep the file, not where it was built or checked out. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i >= 0 ? path.slice(i + 1) : path;
}
