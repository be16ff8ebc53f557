import type { AlertDeliveryAnswer } from '#lib/contracts/alerts';
import { alertsSection, renderAlertList } from '#lib/render/index';

const now = new Date('2026-12-01T10:10:00.000Z');
const delivery = (over: Partial<AlertDeliveryAnswer> = {}): AlertDeliveryAnswer => ({
  alertId: 'al_0123',
  rule: 'new-<crashes>',
  kind: 'new',
  destination: 'ops',
  state: 'failing',
  attempts: 6,
  createdAt: '2026-12-01T10:00:00.000Z',
  nextAttemptAt: null,
  deliveredAt: null,
  lastError: 'HTTP 503',
  reportId: '000000042',
  issueId: '000007',
  type: 'E',
  links: { report: '/logs/extracted/000000042', issue: '/issues/000007' },
  ...over,
});

describe('the alert pages', () => {
  it('list deliveries with their state, escaped, linking the issue and report', () => {
    const page = renderAlertList(
      [delivery(), delivery({ state: 'delivered', deliveredAt: now.toISOString(), attempts: 1 })],
      now,
    );
    expect(page).toContain('new-&lt;crashes&gt;');
    expect(page).not.toContain('new-<crashes>');
    expect(page).toContain('<strong>failing</strong> · HTTP 503');
    expect(page).toContain('<strong>delivered</strong>');
    expect(page).toContain('href="/issues/000007"');
    expect(page).toContain('href="/logs/extracted/000000042"');
  });

  it("show an issue's alerts with a mute control that posts the opposite state", () => {
    const open = alertsSection([], false, now, '/issues/000007/mute').text;
    expect(open).toContain('action="/issues/000007/mute"');
    expect(open).toContain('name="muted" value="true"');
    expect(open).toContain('Mute alerts');
    expect(open).toContain('No alerts for this issue.');
    const muted = alertsSection(
      [delivery({ state: 'muted', lastError: null })],
      true,
      now,
      '/issues/000007/mute',
    ).text;
    expect(muted).toContain('name="muted" value="false"');
    expect(muted).toContain('Unmute alerts');
    expect(muted).toContain('<td class="wrap">muted</td>');
  });
});
