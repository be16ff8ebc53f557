/** The alerts' shapes: the deliveries /alerts and an issue list, and the mute form. */
import { z } from 'zod';
import { href, IssueId, isoTime, LogId, ReportType } from './ids.ts';

export const AlertDelivery = z
  .strictObject({
    alertId: z
      .string()
      .meta({ description: 'The same for every destination and retry of one alert: dedup on it.' }),
    rule: z.string().meta({ description: 'The rule (ALERT_RULES) that made the alert.' }),
    kind: z.enum(['new', 'regression', 'surge']),
    destination: z.string().meta({ description: 'The destination by name (its URL is never shown).' }),
    state: z.enum(['pending', 'delivered', 'failing', 'muted', 'throttled', 'void']).meta({
      description:
        "pending: due or being retried; delivered: a 2xx came back; failing: every attempt failed; muted: the issue was muted; throttled: within the rule's minimum interval; void: the change it was for never happened.",
    }),
    attempts: z.number().int().min(0),
    createdAt: isoTime('When the alert was raised.'),
    nextAttemptAt: isoTime('While pending: when the next attempt is due.').nullable(),
    deliveredAt: isoTime('When a 2xx came back.').nullable(),
    lastError: z
      .string()
      .nullable()
      .meta({ description: 'Why the last attempt failed (a status, a timeout).' }),
    reportId: LogId,
    issueId: IssueId,
    type: ReportType,
    links: z.strictObject({ report: href(), issue: href() }),
  })
  .meta({ id: 'AlertDelivery' });

export const AlertList = z
  .strictObject({
    items: z.array(AlertDelivery).meta({ description: 'The most recent deliveries, newest first.' }),
    muted: z.boolean().optional().meta({ description: "With `issueId`: the issue's alerts are muted." }),
  })
  .meta({ id: 'AlertList' });

export const MuteForm = z
  .object({
    muted: z
      .enum(['true', 'false', '1', '0', 'on', 'off'])
      .meta({ description: '`true` to mute, `false` to unmute.' }),
    back: z.enum(['report']).optional().meta({
      description: "A browser's post: redirect to the issue's report page rather than the issue's.",
    }),
  })
  .meta({ id: 'MuteForm', description: "Mute or unmute the issue's alerts (`muted=true|false`)." });

export const MuteAnswer = z
  .strictObject({
    issueId: IssueId,
    muted: z.boolean(),
    at: isoTime('When it was set.'),
  })
  .meta({ id: 'MuteAnswer' });

export const ReportAlerts = z
  .strictObject({
    muted: z
      .boolean()
      .meta({ description: "The report's issue is muted: its alerts are recorded, not sent." }),
    recent: z
      .array(AlertDelivery)
      .meta({ description: 'Its most recent deliveries, newest first (at most 10).' }),
    more: z.boolean().meta({ description: 'There are older deliveries: `links.all` lists them.' }),
    links: z.strictObject({
      all: href(),
      mute: href().meta({ description: 'POST `muted=true|false` here (admin).' }),
    }),
  })
  .meta({ id: 'ReportAlerts' });

export const AlertListQuery = z.object({
  issueId: z
    .string()
    .regex(/^[0-9]{6}$/)
    .optional()
    .meta({ param: { description: "Only this issue's deliveries (6 digits)." } }),
});

export type AlertDeliveryAnswer = z.infer<typeof AlertDelivery>;
export type AlertListAnswer = z.infer<typeof AlertList>;
export type MuteAnswerBody = z.infer<typeof MuteAnswer>;
export type ReportAlertsAnswer = z.infer<typeof ReportAlerts>;
