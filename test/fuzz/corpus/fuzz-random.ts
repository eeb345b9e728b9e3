// The fuzz corpus's seeded randomness: the project's mulberry32 generator (shared/seed/prng.ts)
// under a fixed seed, plus the few draws the generators need. Same seed, same corpus.
import { createRandom, type Random } from '../../../shared/seed/prng.js';

/** The corpus seed; change it to explore, keep it fixed in the repo so runs are comparable. */
export const FUZZ_SEED = 0x5eed_f022;

export interface FuzzRandom extends Random {
  /** A derived generator for one generator module, so adding cases to one leaves the others alone. */
  fork(label: string): FuzzRandom;
  /** `count` distinct whole numbers in [min, max], ascending. */
  distinctInts(count: number, min: number, max: number): number[];
  /** A string of `length` characters drawn from `alphabet` (code points). */
  stringOf(alphabet: readonly string[], length: number): string;
}

export function createFuzzRandom(seed: number = FUZZ_SEED): FuzzRandom {
  const random = createRandom(seed);
  return {
    ...random,
    fork(label) {
      let hash = seed >>> 0;
      for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
      return createFuzzRandom(hash);
    },
    distinctInts(count, min, max) {
      const picked = new Set<number>();
      const want = Math.min(count, max - min + 1);
      while (picked.size < want) picked.add(random.int(min, max));
      return [...picked].sort((a, b) => a - b);
    },
    stringOf(alphabet, length) {
      let text = '';
      for (let i = 0; i < length; i += 1) text += random.pick(alphabet);
      return text;
    },
  };
}
