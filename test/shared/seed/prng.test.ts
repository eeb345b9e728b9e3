// Tests of the seeded PRNG: reproducible sequences and helpers that stay within bounds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../../../shared/seed/prng.js';

function take(seed: number, n: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed', () => {
    assert.deepEqual(take(42, 100), take(42, 100));
  });

  it('gives a different sequence for a different seed', () => {
    assert.notDeepEqual(take(42, 10), take(43, 10));
  });

  it('treats seeds modulo 2^32, so a negative seed is still reproducible', () => {
    assert.deepEqual(take(-1, 10), take(0xffff_ffff, 10));
  });

  it('keeps next() in [0, 1)', () => {
    for (const value of take(7, 10_000)) assert.ok(value >= 0 && value < 1, `out of range: ${value}`);
  });

  it('keeps int() within [min, max] and reaches both ends', () => {
    const random = createRandom(1234);
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i += 1) {
      const value = random.int(3, 9);
      assert.ok(Number.isInteger(value) && value >= 3 && value <= 9, `out of range: ${value}`);
      seen.add(value);
    }
    assert.deepEqual([...seen].sort((a, b) => a - b), [3, 4, 5, 6, 7, 8, 9]);
  });

  it('returns min from int() when min equals max', () => {
    const random = createRandom(5);
    for (let i = 0; i < 100; i += 1) assert.equal(random.int(4, 4), 4);
  });

  it('picks only items of the list and refuses an empty list', () => {
    const random = createRandom(9);
    const items = ['a', 'b', 'c'] as const;
    for (let i = 0; i < 300; i += 1) assert.ok(items.includes(random.pick(items)));
    assert.throws(() => random.pick([]), /empty list/);
  });

  it('chance(0) is never true and chance(1) always is', () => {
    const random = createRandom(11);
    for (let i = 0; i < 1_000; i += 1) {
      assert.equal(random.chance(0), false);
      assert.equal(random.chance(1), true);
    }
  });
});
