// The server's notion of "now". It starts at the instant the seed data is timed against and then
// runs on in real time, so relative ages look right while a test or a demo runs. Tests move it
// on (`advance`), jump it (`set`) or stop it (`freeze`) to make timed expiries happen without
// waiting; every move is announced so the store can act on what became due at once.

export class SimClock {
  /** The simulated instant at `wallAt`. */
  private base: number;
  private wallAt: number;
  private frozen = false;
  private readonly listeners: Array<() => void> = [];

  constructor(start: number, private readonly wall: () => number = Date.now) {
    this.base = start;
    this.wallAt = wall();
  }

  /** Epoch ms. */
  now(): number {
    return this.frozen ? this.base : this.base + (this.wall() - this.wallAt);
  }

  /** Moves time forward by `ms` (never back: what expired stays expired). Returns the new now. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`The clock only moves forward; advance(${ms}) is not allowed`);
    return this.moveTo(this.now() + ms);
  }

  /** Jumps to an instant (epoch ms, Date or ISO text), forward or back. Returns the new now. */
  set(instant: number | Date | string): number {
    const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (!Number.isFinite(ms)) throw new Error(`Not an instant: ${String(instant)}`);
    return this.moveTo(ms);
  }

  /** Stops (true) or restarts (false) the real-time run; while frozen only advance/set move it. */
  freeze(frozen = true): void {
    this.base = this.now();
    this.wallAt = this.wall();
    this.frozen = frozen;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  /** Called after every advance/set. */
  onMove(listener: () => void): void {
    this.listeners.push(listener);
  }

  private moveTo(ms: number): number {
    this.base = ms;
    this.wallAt = this.wall();
    for (const listener of this.listeners) listener();
    return ms;
  }
}
