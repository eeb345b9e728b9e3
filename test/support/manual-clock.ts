// A clock tests move by hand: starts at a fixed instant, and only `set`/`advance` change it.
import type { Clock } from '../../shared/time/clock.js';

export interface ManualClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function manualClock(startIso: string): ManualClock {
  let current = Date.parse(startIso);
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = Date.parse(iso);
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
