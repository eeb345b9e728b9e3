// Time as a dependency: production uses the system clock, tests pass a fixed one. A leaf:
// services, tools and the seed import it, it imports nothing of the app.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** The current UTC calendar day (YYYY-MM-DD) of `clock`: the business date tools reason with. */
export function todayOf(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}
