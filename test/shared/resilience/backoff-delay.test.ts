// Exponential backoff with full jitter, and Retry-After taking its place (capped).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffCeiling, backoffDelay } from '../../../shared/resilience/backoff-delay.js';

const SETTINGS = { initialDelayMs: 100, maxDelayMs: 1000 };

describe('backoffDelay', () => {
  it('doubles the ceiling per retry up to maxDelay', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((attempt) => backoffCeiling(attempt, SETTINGS)), [100, 200, 400, 800, 1000, 1000]);
    assert.equal(backoffCeiling(10_000, SETTINGS), 1000, 'no overflow for huge attempt numbers');
  });

  it('picks a uniformly random wait between 0 and the ceiling (full jitter)', () => {
    assert.equal(backoffDelay(3, SETTINGS, undefined, () => 0), 0);
    assert.equal(backoffDelay(3, SETTINGS, undefined, () => 0.5), 200);
    assert.equal(backoffDelay(3, SETTINGS, undefined, () => 0.999_999), 399);
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(attempt, SETTINGS, undefined);
        assert.ok(delay >= 0 && delay < backoffCeiling(attempt, SETTINGS), `attempt ${attempt}: ${delay}`);
      }
    }
  });

  it('waits what Retry-After asks instead, capped by maxDelay', () => {
    assert.equal(backoffDelay(1, SETTINGS, 700, () => 0), 700);
    assert.equal(backoffDelay(1, SETTINGS, 5000, () => 0), 1000);
    assert.equal(backoffDelay(4, SETTINGS, 0, () => 0.9), 0, 'Retry-After: 0 means at once');
  });
});
