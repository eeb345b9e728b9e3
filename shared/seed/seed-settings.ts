// What a seed is made from, and the generator version stored with it. Kept apart from the
// generator so start-up can check a store's seed without loading the generator and its data.

/** Bump when the generator's output changes, so stores seeded by an older one are reseeded. */
export const SEED_GENERATOR_VERSION = 2;

export interface SeedSettings {
  customerCount: number;
  anchorDate: string;
}
