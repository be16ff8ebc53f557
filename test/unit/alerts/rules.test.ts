import { loadAlertConfig } from '#lib/alerts/config';
import {
  alertId,
  crossesSurge,
  lastClosedAt,
  newReportRules,
  surgeThreshold,
  trailingPerWindow,
  windowStart,
} from '#lib/alerts/evaluate';

const DESTINATIONS = {
  ops: { type: 'webhook', url: 'https://hooks.example.net/logsift', secret: 'a-secret-of-some-length' },
  chat: { type: 'slack', url: 'https://hooks.slack.example/services/T0/B0/x' },
};

describe('alert configuration', () => {
  it('reads rules with their defaults', () => {
    const config = loadAlertConfig({
      ALERT_RULES: JSON.stringify({
        destinations: DESTINATIONS,
        rules: [
          { name: 'crashes', on: 'new', types: ['C', 'E'], to: ['ops', 'chat'] },
          { name: 'spikes', on: 'surge', to: ['ops'] },
        ],
      }),
      PUBLIC_URL: 'https://logsift.example.com/',
    });
    expect(config.publicUrl).toBe('https://logsift.example.com');
    expect(config.rules[1]).toEqual({
      name: 'spikes',
      on: 'surge',
      to: ['ops'],
      minIntervalMinutes: 60,
      windowMinutes: 10,
      floor: 100,
      multiple: 5,
    });
    expect(config.delivery).toEqual({
      timeoutMs: 5_000,
      maxAttempts: 6,
      baseDelayMs: 60_000,
      maxDelayMs: 3_600_000,
    });
  });

  it('has no rules when ALERT_RULES is unset', () => {
    expect(loadAlertConfig({}).rules).toEqual([]);
  });

  it('fails naming the problem but never echoing a value (it may be a secret)', () => {
    const bad = (doc: unknown) => () => loadAlertConfig({ ALERT_RULES: JSON.stringify(doc) });
    expect(bad({ destinations: DESTINATIONS, rules: [{ name: 'x', on: 'new', to: ['pager'] }] })).toThrow(
      /sends to pager, which is no destination/,
    );
    const short = { ops: { type: 'webhook', url: 'https://h.example/x', secret: 'hunter2' } };
    expect(bad({ destinations: short, rules: [] })).toThrow(/destinations\.ops\.secret/);
    expect(bad({ destinations: short, rules: [] })).not.toThrow(/hunter2/);
    expect(
      bad({
        destinations: { ops: { type: 'webhook', url: 'file:///etc/passwd', secret: 'x'.repeat(20) } },
        rules: [],
      }),
    ).toThrow(/ALERT_RULES is invalid/);
    expect(() => loadAlertConfig({ ALERT_RULES: '{' })).toThrow(/ALERT_RULES is not JSON/);
  });
});

describe('rule evaluation', () => {
  it('matches new-report rules by type', () => {
    const config = loadAlertConfig({
      ALERT_RULES: JSON.stringify({
        destinations: DESTINATIONS,
        rules: [
          { name: 'crashes', on: 'new', types: ['C', 'E'], to: ['ops'] },
          { name: 'all', on: 'new', to: ['chat'] },
          { name: 'back', on: 'regression', to: ['ops'] },
        ],
      }),
    });
    expect(newReportRules(config.rules, { type: 'W' }).map((r) => r.name)).toEqual(['all']);
    expect(newReportRules(config.rules, { type: 'C' }).map((r) => r.name)).toEqual(['crashes', 'all']);
  });

  it('gives one alert id per rule, report and occasion', () => {
    const a = alertId('crashes', 'k1', 'created');
    expect(a).toMatch(/^al_[0-9a-f]{32}$/);
    expect(alertId('crashes', 'k1', 'created')).toBe(a);
    expect(
      new Set([
        a,
        alertId('crashes', 'k2', 'created'),
        alertId('other', 'k1', 'created'),
        alertId('crashes', 'k1', 'x'),
      ]).size,
    ).toBe(4);
  });

  it('finds the close a regression comes back after', () => {
    const history = [
      { event: 'created' as const, at: '2026-12-01T08:00:00.000Z' },
      { event: 'closed' as const, at: '2026-12-01T09:00:00.000Z' },
      { event: 'regressed' as const, at: '2026-12-01T10:00:00.000Z' },
      { event: 'closed' as const, at: '2026-12-01T11:00:00.000Z' },
    ];
    expect(lastClosedAt({ history })).toBe('2026-12-01T11:00:00.000Z');
    expect(lastClosedAt({ history: history.slice(0, 1) })).toBeNull();
  });

  describe('surges', () => {
    const rule = { windowMinutes: 10, floor: 100, multiple: 5 };
    const now = new Date('2026-12-03T12:34:56.000Z');

    it('count in fixed windows', () => {
      expect(windowStart(now, 10).toISOString()).toBe('2026-12-03T12:30:00.000Z');
    });

    it('of a young report need only the floor', () => {
      const report = { firstSeen: '2026-12-03T12:31:00.000Z', daily: { '2026-12-03': 150 } };
      const trailing = trailingPerWindow(report, rule, now, 150);
      expect(trailing).toBe(0);
      expect(surgeThreshold(rule, trailing)).toBe(100);
    });

    it('of a steady report need the multiple of its trailing rate', () => {
      // Two days at 1,440 a day: 10 per ten-minute window.
      const report = {
        firstSeen: '2026-12-01T12:30:00.000Z',
        daily: { '2026-12-01': 720, '2026-12-02': 1_440, '2026-12-03': 720 + 60 },
      };
      const trailing = trailingPerWindow(report, rule, now, 60);
      expect(trailing).toBeCloseTo(10, 5);
      expect(surgeThreshold(rule, trailing)).toBe(100);
      const busy = {
        ...report,
        daily: { '2026-12-01': 7_200, '2026-12-02': 14_400, '2026-12-03': 7_200 + 60 },
      };
      expect(surgeThreshold(rule, trailingPerWindow(busy, rule, now, 60))).toBe(500);
    });

    it('alert on the count that crosses the threshold, not on every one after it', () => {
      expect(crossesSurge(90, 110, 100)).toBe(true);
      expect(crossesSurge(110, 120, 100)).toBe(false);
      expect(crossesSurge(0, 500, 100)).toBe(true);
      expect(crossesSurge(50, 99, 100)).toBe(false);
    });
  });
});
