/**
 * Fingerprint rules: a user's correction of the grouping in configuration
 * (FINGERPRINT_RULES, README "Fingerprint rules"), as Sentry's fingerprint
 * rules are. Each rule names a fixed fingerprint and matches a failure on its
 * error type, message, logger and stack frames; a failure the first matching
 * rule takes has that rule's signature — so everything it matches is one
 * report, whatever else differs.
 *
 * Contract (pure but for the configured list, set once at cold start like the
 * scrubbing rules): matchers are globs (`*` any run of characters, `?` one),
 * case-insensitive, matched in time linear in the text for each star-free
 * run — no regular expression a user writes is ever run, so no rule can
 * backtrack catastrophically. A rule's matchers must all match. What they are
 * matched against is read from the failure's normalised entry (lib/extract):
 *   type     the error type (`type T` of a record, or an exception line's type)
 *   message  the failure's title (parameters masked as `<*>`), or any of its non-frame lines
 *   logger   the record's logger, or the bracketed component after the level
 *   frame    any stack frame's function, file, or `function (file)`
 */
import { frameName, headlineOf } from './title.ts';

export type RuleField = 'type' | 'message' | 'logger' | 'frame';
const FIELDS: readonly RuleField[] = ['type', 'message', 'logger', 'frame'];

export interface FingerprintRule {
  /** The fixed fingerprint: every failure the rule matches groups under it. */
  fingerprint: string;
  match: Partial<Record<RuleField, string>>;
}

export const MAX_RULES = 200;
const MAX_PATTERN_CHARS = 256;
const MAX_FINGERPRINT_CHARS = 128;
/** Text matched per field: an entry's lines are bounded already; this bounds the glob's work too. */
const MAX_TEXT_CHARS = 4096;

/** The signature every failure a rule takes shares (its SHA-256 is the report key). */
export function ruleSignature(fingerprint: string): string {
  return `fingerprint rule: ${fingerprint}`;
}

/**
 * The rules of `raw` (a JSON array), checked in full: a mistake names the rule
 * and the field, so a misconfigured deployment fails at cold start.
 */
export function parseFingerprintRules(
  raw: string | undefined,
  source = 'FINGERPRINT_RULES',
): FingerprintRule[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`logsift: ${source} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw new Error(`logsift: ${source} must be a JSON array of rules`);
  if (parsed.length > MAX_RULES) throw new Error(`logsift: ${source} holds more than ${MAX_RULES} rules`);
  const seen = new Set<string>();
  return parsed.map((entry, i) => {
    const where = `${source}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new Error(
        `logsift: ${where} must be an object like {"fingerprint": "db-down", "type": "*Timeout*"}`,
      );
    }
    const rule: FingerprintRule = { fingerprint: '', match: {} };
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (key === 'fingerprint') {
        if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_FINGERPRINT_CHARS) {
          throw new Error(
            `logsift: ${where}.fingerprint must be a non-empty string of at most ${MAX_FINGERPRINT_CHARS} characters`,
          );
        }
        rule.fingerprint = value.trim();
      } else if ((FIELDS as readonly string[]).includes(key)) {
        if (typeof value !== 'string' || value === '' || value.length > MAX_PATTERN_CHARS) {
          throw new Error(`logsift: ${where}.${key} must be a glob of 1 to ${MAX_PATTERN_CHARS} characters`);
        }
        rule.match[key as RuleField] = value;
      } else {
        throw new Error(
          `logsift: ${where} has an unknown field "${key}" (fingerprint, ${FIELDS.join(', ')})`,
        );
      }
    }
    if (rule.fingerprint === '') throw new Error(`logsift: ${where} needs a "fingerprint"`);
    if (Object.keys(rule.match).length === 0) {
      throw new Error(`logsift: ${where} matches nothing: give at least one of ${FIELDS.join(', ')}`);
    }
    if (seen.has(rule.fingerprint)) {
      throw new Error(`logsift: ${where}.fingerprint "${rule.fingerprint}" is used by an earlier rule`);
    }
    seen.add(rule.fingerprint);
    return rule;
  });
}

/**
 * Whether `text` matches the glob `pattern`, case-insensitive. The greedy
 * two-pointer walk backtracks only to the last star, never further, so its
 * work is bounded by text × pattern length — no exponential case exists.
 */
export function globMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS).toLowerCase() : text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++resume;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** What the matchers of a rule read from one failure entry's signature text. */
export interface EntryFields {
  type: string[];
  message: string[];
  logger: string[];
  frame: string[];
}

/** An exception line's type, as title.ts reads it (`pkg.FooError: …`, `Caused by: …`). */
const EXCEPTION_TYPE = /^(?:Caused by: )?([\w$.]*(?:Error|Exception|Panic|Fault|Failure|Throwable))\b/;
const BRACKET = /^(?:\w+\s+)?\[([A-Za-z][\w.$:-]{0,63})\]/;

export function entryFields(entry: string): EntryFields {
  const lines = entry.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…');
  const frames = lines.filter((line) => line.startsWith('  '));
  const heads = lines.filter((line) => !line.startsWith('  '));
  const type: string[] = [];
  const logger: string[] = [];
  const message: string[] = [headlineOf(entry).title];
  for (const line of heads) {
    if (line.startsWith('type ')) type.push(line.slice(5));
    else if (line.startsWith('logger ')) logger.push(line.slice(7));
    else {
      const exception = EXCEPTION_TYPE.exec(line)?.[1];
      if (exception) type.push(exception);
      if (!/^\[\w+\]$/.test(line)) message.push(line);
    }
  }
  const bracket = BRACKET.exec(heads[0] ?? '')?.[1];
  if (logger.length === 0 && bracket) logger.push(bracket);
  const frame: string[] = [];
  for (const line of frames) {
    const named = frameName(line);
    frame.push(named);
    const parts = /^(.*) \(([^()]*)\)$/.exec(named);
    if (parts) frame.push(parts[1]!, parts[2]!);
  }
  return { type, message, logger, frame };
}

export function ruleMatches(rule: FingerprintRule, fields: EntryFields): boolean {
  return FIELDS.every((field) => {
    const pattern = rule.match[field];
    return pattern === undefined || fields[field].some((value) => globMatch(pattern, value));
  });
}

let configured: FingerprintRule[] = [];

/** Set once at cold start from the configuration (lib/app.ts). */
export function configureFingerprintRules(rules: FingerprintRule[]): void {
  configured = rules;
}

export function fingerprintRules(): readonly FingerprintRule[] {
  return configured;
}

/** The first rule (in configuration order) that takes any of `entries`, and the entry it took. */
export function ruleFor(
  entries: readonly string[],
  rules: readonly FingerprintRule[] = configured,
): { fingerprint: string; entry: string } | null {
  if (rules.length === 0 || entries.length === 0) return null;
  const fields = entries.map((entry) => ({ entry, fields: entryFields(entry) }));
  for (const rule of rules) {
    const hit = fields.find(({ fields }) => ruleMatches(rule, fields));
    if (hit) return { fingerprint: rule.fingerprint, entry: hit.entry };
  }
  return null;
}
