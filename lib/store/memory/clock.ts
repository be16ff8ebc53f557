/** Time as the service reads it: the real clock in production, a hand-moved one in tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock that stands still until moved. */
export class ManualClock {
  private ms: number;

  constructor(start: Date | string = '2026-12-01T08:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }

  /** The Clock to hand to the code under test. */
  readonly now: Clock = () => new Date(this.ms);

  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }

  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
}
