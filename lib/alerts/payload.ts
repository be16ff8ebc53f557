/**
 * The bodies sent: the generic webhook's JSON and a Slack incoming-webhook
 * message. Both carry the report as it is when the attempt is made (counts and
 * last seen move on between retries); the alert id stays the same.
 */
import { headlineOfReport } from '#lib/extract/title';
import type { Report } from '#lib/model';
import { paths } from '#lib/routes';
import type { Delivery } from '#lib/store/alert-ports';

export interface AlertBody {
  id: string;
  rule: string;
  kind: Delivery['kind'];
  createdAt: string;
  report: {
    reportId: string;
    issueId: string;
    title: string;
    culprit: string | null;
    type: Report['type'];
    status: Report['status'];
    occurrences: number;
    firstSeen: string;
    lastSeen: string;
  };
  surge?: Delivery['surge'];
  links: { report: string; issue: string };
}

export function alertBody(delivery: Delivery, report: Report, publicUrl: string): AlertBody {
  const { title, culprit } = headlineOfReport(report);
  return {
    id: delivery.alertId,
    rule: delivery.rule,
    kind: delivery.kind,
    createdAt: delivery.createdAt,
    report: {
      reportId: report.reportId,
      issueId: report.issueId,
      title,
      culprit,
      type: report.type,
      status: report.status,
      occurrences: report.occurrences,
      firstSeen: report.firstSeen,
      lastSeen: report.lastSeen,
    },
    ...(delivery.surge ? { surge: delivery.surge } : {}),
    links: {
      report: `${publicUrl}${paths.report(report.reportId)}`,
      issue: `${publicUrl}${paths.issue(report.issueId)}`,
    },
  };
}

const TYPE_NAMES: Record<Report['type'], string> = { C: 'crash', E: 'error', W: 'warning' };

function headline(body: AlertBody): string {
  if (body.kind === 'new') return `New ${TYPE_NAMES[body.report.type]}`;
  if (body.kind === 'regression') return `Regression: a closed issue is back`;
  const surge = body.surge;
  return surge ? `Surge: ${surge.count} in ${surge.minutes} min` : 'Surge';
}

/** Slack's mrkdwn control characters, escaped as its docs ask. */
const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function slackMessage(body: AlertBody): { text: string; blocks: unknown[] } {
  const { report } = body;
  const title = cut(report.title, 140);
  const link = /^https?:/.test(body.links.report) ? `<${body.links.report}|report ${report.reportId}>` : '';
  const text = `${headline(body)} — ${title} (${report.occurrences} occurrences)`;
  return {
    text: slackText(text),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cut(`${headline(body)}: ${title}`, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Type*\n${report.type} (${TYPE_NAMES[report.type]})` },
          { type: 'mrkdwn', text: `*Occurrences*\n${report.occurrences}` },
          { type: 'mrkdwn', text: `*First seen*\n${report.firstSeen}` },
          { type: 'mrkdwn', text: `*Last seen*\n${report.lastSeen}` },
        ],
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: slackText(
              `${report.culprit ? `${cut(report.culprit, 200)} · ` : ''}issue ${report.issueId} · rule ${body.rule}`,
            ).concat(link ? ` · ${link}` : ''),
          },
        ],
      },
    ],
  };
}
