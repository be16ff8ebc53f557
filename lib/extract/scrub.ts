/**
 * Secrets scrubbed out of log text before it becomes an extract, a signature,
 * a title or anything a page, a JSON answer or an alert shows (Sentry scrubs
 * the same kinds by default). What is scrubbed becomes `<redacted>` (a card
 * number `<card>`): the same text in every log, so a scrubbed value is a
 * parameter like any other and grouping does not change.
 *
 *   credentials   `Authorization:`/`Proxy-Authorization:` values, `Bearer …`
 *                 and `Basic …` tokens, `Cookie:`/`Set-Cookie:` values
 *   URLs          the password of `scheme://user:password@host`
 *   fields        values of password/secret/token/api-key/… fields, as
 *                 `name=value`, `name: value`, `"name": "value"` (names in
 *                 SECRET_FIELDS, and any extra ones configured)
 *   keys          AWS access key ids (AKIA…/ASIA…), AWS secret keys where named,
 *                 JWTs, private key blocks (BEGIN … PRIVATE KEY to its END)
 *   cards         13 to 19 digits passing Luhn, grouped by spaces or dashes, or
 *                 bare after a word naming a card
 *
 * Contract: pure per line but for private key blocks (a Scrubber follows them
 * across lines); linear time — every pattern is anchored to a literal or
 * bounded — and only the first SCRUB_LIMIT characters of a line are examined
 * (extraction itself keeps no more of a line for its signature).
 */

export const SCRUB_LIMIT = 16 * 1024;
export const REDACTED = '<redacted>';

/** Field names whose values are secrets (lower case; `-` and `_` both match either). */
export const SECRET_FIELDS: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'api_key',
  'apikey',
  'x-api-key',
  'private_key',
  'aws_secret_access_key',
  'secret_access_key',
  'secretaccesskey',
  'session_token',
];

/**
 * The names also scrubbed in prose-like `name: value` (unquoted): words that
 * name nothing but a secret. `token: expired` is a message, not a token.
 */
const UNQUOTED_COLON_FIELDS: readonly string[] = [
  'password',
  'passwd',
  'secret',
  'client_secret',
  'api_key',
  'apikey',
  'private_key',
  'aws_secret_access_key',
  'secret_access_key',
];

export interface ScrubOptions {
  /** More field names (SCRUB_FIELDS). */
  fields?: readonly string[];
  /** More patterns (SCRUB_PATTERNS), each match replaced whole. */
  patterns?: readonly RegExp[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const alternation = (names: readonly string[]) =>
  names.map((name) => escapeRegExp(name).replace(/[-_]/g, '[-_]')).join('|');
const VALUE = `("[^"\\n]{0,512}"|'[^'\\n]{0,512}'|[^\\s,;&"'}\\]]{1,512})`;

/**
 * The field rules for `names`: `name=value` (logfmt, query strings),
 * `"name": "value"` (JSON, Python reprs), and unquoted `name: value` for the
 * names that can only be secrets.
 */
function fieldRules(names: readonly string[], colonNames: readonly string[]): RegExp[] {
  return [
    new RegExp(`((?:^|[^\\w-])(?:${alternation(names)})\\s{0,3}=\\s{0,3})${VALUE}`, 'gi'),
    new RegExp(`((?:^|[^\\w-])["'](?:${alternation(names)})["']\\s{0,3}:\\s{0,3})${VALUE}`, 'gi'),
    new RegExp(`((?:^|[^\\w-])(?:${alternation(colonNames)}):\\s{1,3})${VALUE}`, 'gi'),
  ];
}

/**
 * A test for the texts one of which every match of the rules holds: the
 * field names (each `-`/`_` spelling), the header and scheme words, `://`, the
 * starts of AWS key ids and JWTs; in either case, as the rules match. One
 * regex of literals: a few times quicker than as many substring searches.
 */
function literalsOf(names: readonly string[], namesOnly = false): RegExp {
  const spellings = (name: string): string[] => {
    const at = name.search(/[-_]/);
    if (at < 0) return [name];
    return spellings(name.slice(at + 1)).flatMap((rest) => [
      `${name.slice(0, at)}-${rest}`,
      `${name.slice(0, at)}_${rest}`,
    ]);
  };
  const all = [
    ...new Set([
      ...names.flatMap((n) => spellings(n.toLowerCase())),
      ...(namesOnly
        ? []
        : [
            ...['authorization', 'cookie', 'api-key', 'auth-token', 'bearer', 'basic', '://'],
            ...['akia', 'asia', 'aida', 'aroa', 'eyj'],
          ]),
    ]),
  ];
  const needed = all.filter((t) => !all.some((u) => u !== t && t.includes(u)));
  return new RegExp(needed.map(escapeRegExp).join('|'), 'i');
}

/**
 * The texts each rule needs, tested on the line as it came: no rule's
 * replacement makes a field name, an auth scheme's word or a run of digits
 * that was not there, so a rule whose text is absent from the line cannot
 * match after the others ran either (a line holding a URL passes `literals`
 * by its `://`, and then needs none of the field rules).
 */
interface Needs {
  /** Every field rule needs one of the field names (literalsOf(names, true)). */
  names: RegExp;
}
const SCHEME_WORD = /bearer|basic/i;

/** What CARD_CANDIDATE needs: four digits, then a space or dash and four more, or nine more. */
const CARD_LIKE = /\d{4}(?:[ -]\d{4}|\d{9})/;

const HEADER_RULE =
  /\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|x-auth-token)(\s{0,3}[:=]\s{0,3})[^\n]{1,4096}/gi;
/** An HTTP auth scheme's credential: a run with a digit or base64's `=`, `+`, `/` in it (not `basic validation`). */
const SCHEME_RULE = /\b(bearer|basic)\s+(?=[A-Za-z._~-]{0,4096}[0-9+/=])[A-Za-z0-9._~+/=-]{8,4096}/gi;
const URL_PASSWORD = /(\b[a-zA-Z][a-zA-Z0-9+.-]{0,15}:\/\/[^\s:/@]{1,256}:)[^\s/@]{1,256}(?=@)/g;
const AWS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[0-9A-Z]{16}\b/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,4096}/g;
const PRIVATE_BEGIN = /-----BEGIN [A-Z ]{0,32}PRIVATE KEY-----/;
const PRIVATE_END = /-----END [A-Z ]{0,32}PRIVATE KEY-----/;
/**
 * Card numbers as cards print them: four groups of four (and a short fifth),
 * or American Express's 4-6-5, one separator throughout; or 13 to 19 bare digits.
 */
const CARD_CANDIDATE = /\b(?:\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{5}|\d{13,19})\b/g;
/**
 * A bare run of digits is taken for a card only after a word that names one:
 * one random id in ten passes Luhn, and scrubbing those alone would split one
 * failure's reports by chance.
 */
const CARD_WORD = /(?:card|credit|debit|\bcc|\bpan|visa|mastercard|amex|maestro)\W{0,3}(?:\w+\W{1,3}){0,3}$/i;

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export class Scrubber {
  private readonly fields: RegExp[];
  private readonly literals: RegExp;
  private readonly needs: Needs;
  private readonly patterns: readonly RegExp[];
  private inKey = false;

  constructor(options: ScrubOptions = defaults) {
    ({
      fields: this.fields,
      literals: this.literals,
      needs: this.needs,
      patterns: this.patterns,
    } = rulesOf(options));
  }

  /** One line, scrubbed; a line inside a private key block is redacted whole. */
  line(text: string): string {
    if (this.inKey) {
      if (PRIVATE_END.test(text)) this.inKey = false;
      return REDACTED;
    }
    if (text.includes('PRIVATE KEY-----') && PRIVATE_BEGIN.test(text)) {
      this.inKey = !PRIVATE_END.test(text);
      return text.replace(/-----BEGIN [A-Z ]{0,32}PRIVATE KEY-----[\s\S]*/, REDACTED);
    }
    return scrubText(text, this.fields, this.literals, this.needs, this.patterns);
  }
}

/** A Scrubber's rules, as built from its options. */
interface Rules {
  fields: RegExp[];
  literals: RegExp;
  needs: Needs;
  patterns: readonly RegExp[];
}

/**
 * The rules of each options object, built once: every document gets a
 * Scrubber, and building them (the fields' spellings, their regexes) cost a
 * small log posted to the API more than scrubbing its lines. Shared safely:
 * the `g` rules only ever run through `replace`, which starts each at 0.
 */
const built = new WeakMap<ScrubOptions, Rules>();

function rulesOf(options: ScrubOptions): Rules {
  let rules = built.get(options);
  if (rules === undefined) {
    const extra = (options.fields ?? []).map((f) => f.toLowerCase());
    rules = {
      fields: fieldRules([...SECRET_FIELDS, ...extra], [...UNQUOTED_COLON_FIELDS, ...extra]),
      literals: literalsOf([...SECRET_FIELDS, ...extra]),
      needs: { names: literalsOf([...SECRET_FIELDS, ...extra], true) },
      patterns: (options.patterns ?? []).map(
        (p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`),
      ),
    };
    built.set(options, rules);
  }
  return rules;
}

let defaults: ScrubOptions = {};
let defaultFields = fieldRules(SECRET_FIELDS, UNQUOTED_COLON_FIELDS);
let defaultLiterals = literalsOf(SECRET_FIELDS);
let defaultNeeds: Needs = { names: literalsOf(SECRET_FIELDS, true) };

/**
 * The deployment's extra field names and patterns (SCRUB_FIELDS,
 * SCRUB_PATTERNS), set once by the composition root (lib/app.ts) at cold
 * start; every Scrubber and scrubLine built after uses them.
 */
export function configureScrubbing(options: ScrubOptions): void {
  defaults = options;
  const extra = (options.fields ?? []).map((f) => f.toLowerCase());
  defaultFields = fieldRules([...SECRET_FIELDS, ...extra], [...UNQUOTED_COLON_FIELDS, ...extra]);
  defaultLiterals = literalsOf([...SECRET_FIELDS, ...extra]);
  defaultNeeds = { names: literalsOf([...SECRET_FIELDS, ...extra], true) };
}

function scrubText(
  line: string,
  fields: readonly RegExp[],
  literals: RegExp,
  needs: Needs,
  patterns: readonly RegExp[],
): string {
  const head = line.length > SCRUB_LIMIT ? line.slice(0, SCRUB_LIMIT) : line;
  // Most lines hold nothing any rule needs: two tests rule them out.
  if (patterns.length === 0 && !literals.test(head) && !CARD_LIKE.test(head)) return line;
  let s = head;
  if (/authorization|cookie|api-key|auth-token/i.test(s)) s = s.replace(HEADER_RULE, `$1$2${REDACTED}`);
  if (SCHEME_WORD.test(head)) s = s.replace(SCHEME_RULE, (_m, scheme: string) => `${scheme} ${REDACTED}`);
  if (s.includes('://')) s = s.replace(URL_PASSWORD, `$1${REDACTED}`);
  if (needs.names.test(head)) {
    for (const rule of fields) {
      s = s.replace(rule, (_m, name: string, value: string) =>
        value.startsWith('<') ? `${name}${value}` : `${name}${REDACTED}`,
      );
    }
  }
  s = s.replace(AWS_KEY_ID, REDACTED);
  if (s.includes('eyJ')) s = s.replace(JWT, REDACTED);
  if (CARD_LIKE.test(head))
    s = s.replace(CARD_CANDIDATE, (run: string, _a: unknown, _b: unknown, at: number, whole: string) => {
      const digits = run.replace(/[ -]/g, '');
      if (!luhn(digits)) return run;
      const grouped = digits.length !== run.length;
      return grouped || CARD_WORD.test(whole.slice(Math.max(0, at - 40), at)) ? '<card>' : run;
    });
  for (const pattern of patterns) s = s.replace(pattern, REDACTED);
  return s === head ? line : s + line.slice(head.length);
}

/** One line (or any text without private key blocks), scrubbed with the default rules. */
export function scrubLine(line: string): string {
  return scrubText(line, defaultFields, defaultLiterals, defaultNeeds, defaults.patterns ?? []);
}

/** Text of several lines (a stack, a record's message), scrubbed line by line. */
export function scrubLines(text: string, scrubber = new Scrubber()): string {
  return text
    .split('\n')
    .map((line) => scrubber.line(line))
    .join('\n');
}
