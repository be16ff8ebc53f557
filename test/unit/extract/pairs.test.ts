/**
 * The grouping pairs suite (test/pairs, `npm run eval:pairs`): the rates reached
 * today are a floor, so a change that joins fewer same-failure pairs, keeps
 * fewer different-failure pairs apart or detects fewer failures fails here.
 */
import { evaluatePairs, type Mode, tally } from '../../pairs/evaluate.ts';
import { FORMATS } from '../../pairs/index.ts';

const outcomes = evaluatePairs();

function ofMode(mode: Mode) {
  return tally(outcomes.filter((o) => o.mode === mode));
}

describe('the grouping pairs suite', () => {
  it('holds at least 120 pairs over at least 20 formats, half of each kind', () => {
    const pairs = FORMATS.flatMap((f) => f.pairs);
    expect(FORMATS.length).toBeGreaterThanOrEqual(20);
    expect(pairs.length).toBeGreaterThanOrEqual(120);
    expect(pairs.filter((p) => p.kind === 'same').length).toBe(pairs.length / 2);
    for (const f of FORMATS) expect(f.pairs.length).toBeGreaterThanOrEqual(5);
  });

  it('joins and keeps apart documents at least as well as measured', () => {
    const t = ofMode('document');
    expect(t.same).toBe(409);
    expect(t.joined).toBeGreaterThanOrEqual(409);
    expect(t.apart).toBeGreaterThanOrEqual(409);
    expect(t.missed).toBe(0);
  });

  it('joins and keeps apart stream events at least as well as measured', () => {
    const t = ofMode('event');
    expect(t.same + t.different).toBe(341);
    expect(t.joined).toBeGreaterThanOrEqual(144);
    expect(t.apart).toBeGreaterThanOrEqual(197);
    expect(t.missed).toBe(0);
  });

  it('joins every same-failure pair it detects in the formats the masks own', () => {
    // Formats whose every failure is detected today: a miss here is a masking regression.
    const owned = new Set([
      'winston',
      'zap',
      'logrus',
      'structlog',
      'ECS',
      'logfmt',
      'nginx/Apache',
      'Postgres',
      'MySQL',
      'JVM',
      'Python',
      'Node',
      'Go',
      'Ruby',
      'PHP',
      'Docker / CRI',
      'journald',
      'GELF',
      'MongoDB / Redis',
      'nginx/Envoy/HAProxy',
      'JVM chains/Kotlin/Akka',
      'Python chains/Celery',
      'Node/Deno/Bun',
      'Go panics',
      'Elixir / Erlang',
      'Swift / iOS',
    ]);
    const wrong = outcomes
      .filter((o) => o.mode === 'document' && owned.has(o.format) && !o.ok)
      .map((o) => `${o.format}: ${o.pair.name}`);
    expect(wrong).toEqual([]);
  });
});
