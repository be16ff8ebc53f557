/**
 * Alert rules and destinations, from configuration only (ALERT_RULES, a JSON
 * document; see the README's Alerts section). Webhook URLs and secrets are
 * never taken from a request, and nothing here is ever rendered or logged: a
 * destination is shown by its name.
 */
import { z } from 'zod';

const name = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a name of letters, digits, _ and - (at most 40)');
const httpUrl = z.url({ protocol: /^https?$/ });

const Destination = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('webhook'),
    url: httpUrl,
    /** HMAC-SHA256 key of the `Logsift-Signature` header. */
    secret: z.string().min(16, 'a webhook secret of at least 16 characters'),
  }),
  z.strictObject({ type: z.literal('slack'), url: httpUrl }),
]);

const common = {
  name,
  to: z.array(name).min(1),
  /** A report alerts at most once per this many minutes under one rule. */
  minIntervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
};

const Rule = z.discriminatedUnion('on', [
  z.strictObject({
    on: z.literal('new'),
    ...common,
    /** Only reports of these types (absent: every type). */
    types: z
      .array(z.enum(['C', 'E', 'W']))
      .min(1)
      .optional(),
  }),
  z.strictObject({ on: z.literal('regression'), ...common }),
  z.strictObject({
    on: z.literal('surge'),
    ...common,
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** At least this many occurrences in the window… */
    floor: z.number().int().min(1).default(100),
    /** …and this many times the report's trailing occurrences per window. */
    multiple: z.number().min(1).default(5),
  }),
]);

const Document = z
  .strictObject({
    destinations: z.record(name, Destination),
    rules: z.array(Rule),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    for (const rule of doc.rules) {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', message: `rule ${rule.name} is named twice` });
      seen.add(rule.name);
      for (const to of rule.to) {
        if (!(to in doc.destinations)) {
          ctx.addIssue({
            code: 'custom',
            message: `rule ${rule.name} sends to ${to}, which is no destination`,
          });
        }
      }
    }
  });

export type Destination = z.infer<typeof Destination>;
export type AlertRule = z.infer<typeof Rule>;
export type SurgeRule = Extract<AlertRule, { on: 'surge' }>;

export interface DeliveryPolicy {
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Attempts before a delivery is marked failing (and dead-lettered). */
  maxAttempts: number;
  /** First retry delay; doubled per attempt, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface AlertConfig {
  destinations: Record<string, Destination>;
  rules: AlertRule[];
  /** Base of the links in alerts (`PUBLIC_URL`), e.g. https://logsift.example.com; '' = relative links. */
  publicUrl: string;
  delivery: DeliveryPolicy;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`logsift: ${variable} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** The alert configuration; no rules when ALERT_RULES is unset. Fails loudly, naming the variable, when malformed. */
export function loadAlertConfig(env: Env): AlertConfig {
  const raw = env['ALERT_RULES'] ?? '';
  let doc: z.infer<typeof Document> = { destinations: {}, rules: [] };
  if (raw.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error('logsift: ALERT_RULES is not JSON');
    }
    const result = Document.safeParse(parsed);
    if (!result.success) {
      // Paths and messages only: the values may hold secrets.
      const problems = result.error.issues.map(
        (issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`,
      );
      throw new Error(`logsift: ALERT_RULES is invalid: ${problems.join('; ')}`);
    }
    doc = result.data;
  }
  const publicUrl = (env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
  if (publicUrl !== '' && !/^https?:\/\/[^/]+/.test(publicUrl)) {
    throw new Error(`logsift: PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  }
  return {
    destinations: doc.destinations,
    rules: doc.rules,
    publicUrl,
    delivery: {
      timeoutMs: integer(env, 'ALERT_TIMEOUT_MS', 5_000, 100, 60_000),
      maxAttempts: integer(env, 'ALERT_MAX_ATTEMPTS', 6, 1, 50),
      baseDelayMs: integer(env, 'ALERT_RETRY_BASE_MS', 60_000, 10, 3_600_000),
      maxDelayMs: integer(env, 'ALERT_RETRY_MAX_MS', 3_600_000, 10, 86_400_000),
    },
  };
}
