/**
 * The simulator's clock: events scheduled at a time and periodic traffic, run lazily up to wall
 * time whenever something reads the world (so an idle simulator costs nothing).
 */
export type Tick = (at: number) => void;

interface Pending {
  at: number;
  seq: number;
  run: Tick;
}
interface Periodic {
  next: number;
  every: number;
  active: () => boolean;
  run: Tick;
}

/** A long idle simulator catches up on this much past only. */
const CATCH_UP_MS = 15 * 60_000;

export class SimClock {
  private pending: Pending[] = [];
  private periodic: Periodic[] = [];
  private seq = 0;

  constructor(readonly now: () => number) {}

  /** Forgets every scheduled event and periodic task (the world is being re-created). */
  clear(): void {
    this.pending = [];
    this.periodic = [];
  }

  schedule(at: number, run: Tick): void {
    const ev = { at, seq: this.seq++, run };
    let i = this.pending.length;
    while (i > 0 && (this.pending[i - 1].at > at || (this.pending[i - 1].at === at && this.pending[i - 1].seq > ev.seq))) i--;
    this.pending.splice(i, 0, ev);
  }

  /** Runs `run` at `first` and every `every` ms after, at the times `active()` holds. */
  every(first: number, every: number, active: () => boolean, run: Tick): void {
    this.periodic.push({ next: first, every, active, run });
  }

  /** Runs everything that has happened up to `now`: scheduled events and periodic traffic. */
  advance(now = this.now()): void {
    for (const p of this.periodic) {
      if (now - p.next > CATCH_UP_MS) p.next += Math.floor((now - p.next - CATCH_UP_MS) / p.every + 1) * p.every;
    }
    for (let guard = 0; guard < 50_000; guard++) {
      const nextPending = this.pending.length ? this.pending[0].at : Infinity;
      let which: Periodic | undefined;
      for (const p of this.periodic) if (!which || p.next < which.next) which = p;
      const nextPeriodic = which ? which.next : Infinity;
      const t = Math.min(nextPending, nextPeriodic);
      if (t > now) break;
      if (nextPending <= nextPeriodic) {
        const ev = this.pending.shift()!;
        ev.run(ev.at);
      } else if (which) {
        which.next += which.every;
        if (which.active()) which.run(t);
      }
    }
  }
}
