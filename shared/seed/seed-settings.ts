// What a seed is made from, and the generator version stored with it. Kept apart from the
// generator so start-up can check a store's seed without loading the generator and its data.

/** Bump when the generator's output changes, so stores seeded by an older one are reseeded. */
export const SEED_GENERATOR_VERSION = 3;

export interface SeedSettings {
  customerCount: number;
  anchorDate: string;
}

/** What a store records about its seed (the subset of SeedState this module needs). */
export interface SeedIdentity {
  generatorVersion: number;
  customerCount: number;
  anchorDate: string;
}

/** True when `state` was seeded by this generator with exactly `settings`. */
export function isSeededWith(state: SeedIdentity | null, settings: SeedSettings): boolean {
  return (
    state !== null &&
    state.generatorVersion === SEED_GENERATOR_VERSION &&
    state.customerCount === settings.customerCount &&
    state.anchorDate === settings.anchorDate
  );
}
