import { localPeriod, rateMinutes, SLOW_FACTOR } from '../../scripts/local-schedule.ts';
import { readServerlessYml } from '../../scripts/serverless-yml.ts';

describe('the local schedule', () => {
  it('reads a schedule event rate in minutes, in the forms serverless.yml takes', () => {
    expect(rateMinutes('rate(1 minute)')).toBe(1);
    expect(rateMinutes('rate(5 minutes)')).toBe(5);
    expect(rateMinutes({ rate: 'rate(1 hour)', enabled: true })).toBe(60);
    expect(rateMinutes({ rate: ['rate(2 days)'] })).toBe(2880);
    expect(rateMinutes('cron(0 12 * * ? *)')).toBeNull();
  });

  it('runs a function scheduled hourly or rarer SLOW_FACTOR periods apart, any other every period', () => {
    expect(localPeriod(['rate(1 minute)'], 1000)).toBe(1000);
    expect(localPeriod([{ rate: 'rate(1 hour)' }], 1000)).toBe(1000 * SLOW_FACTOR);
    expect(localPeriod([{ rate: 'rate(1 hour)' }, 'rate(1 minute)'], 200)).toBe(200);
    expect(localPeriod(['cron(0 * * * ? *)'], 1000)).toBe(1000);
  });

  it('slows the sweeper and not the alert notifier of serverless.yml', () => {
    const functions = readServerlessYml().functions ?? {};
    const scheduleOf = (name: string) =>
      ((functions[name]?.events ?? []) as Record<string, unknown>[]).flatMap((event) =>
        'schedule' in event ? [event['schedule']] : [],
      );
    expect(localPeriod(scheduleOf('sweep'), 1000)).toBe(1000 * SLOW_FACTOR);
    expect(localPeriod(scheduleOf('notify'), 1000)).toBe(1000);
  });
});
