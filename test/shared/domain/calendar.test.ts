// Tests of UTC calendar-day arithmetic used for every seeded date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween } from '../../../shared/domain/calendar.js';

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2026-03-15', 0), '2026-03-15');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative when going back, and inverts addDays', () => {
    assert.equal(daysBetween('2026-01-01', '2026-03-01'), 59);
    assert.equal(daysBetween('2026-03-01', '2026-01-01'), -59);
    assert.equal(daysBetween('2026-03-15', addDays('2026-03-15', 3650)), 3650);
  });
});
