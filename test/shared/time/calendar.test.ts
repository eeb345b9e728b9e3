// Tests of UTC calendar-day arithmetic used for every seeded date.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween, isCalendarDate } from '../../../shared/time/calendar.js';

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

describe('isCalendarDate', () => {
  it('accepts only YYYY-MM-DD naming a day that exists', () => {
    for (const good of ['2024-02-29', '2026-03-15', '2026-12-31']) assert.equal(isCalendarDate(good), true, good);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-15', '20260315', '2026-03-15T00:00:00Z', ' 2026-03-15', '']) {
      assert.equal(isCalendarDate(bad), false, bad);
    }
  });
});
