// The local host's NCRONTAB schedules: parsing (with clear errors) and the next occurrence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextOccurrence, parseNcrontab } from '../../../dev/host/ncrontab.js';

const next = (expression: string, after: string) => nextOccurrence(parseNcrontab(expression), new Date(after)).toISOString();

describe('NCRONTAB schedules', () => {
  it('finds the next occurrence of hourly, stepped, ranged and weekday schedules', () => {
    assert.equal(next('0 7 * * * *', '2026-06-15T12:00:00Z'), '2026-06-15T12:07:00.000Z');
    assert.equal(next('0 7 * * * *', '2026-06-15T12:07:00Z'), '2026-06-15T13:07:00.000Z', 'strictly after');
    assert.equal(next('*/15 * * * * *', '2026-06-15T12:00:01Z'), '2026-06-15T12:00:15.000Z');
    assert.equal(next('0 0 9-17/4 * * *', '2026-06-15T18:00:00Z'), '2026-06-16T09:00:00.000Z');
    assert.equal(next('0 30 8 * * 1', '2026-06-15T09:00:00Z'), '2026-06-22T08:30:00.000Z', '2026-06-15 is a Monday');
    assert.equal(next('0 0 0 29 2 *', '2026-03-01T00:00:00Z'), '2028-02-29T00:00:00.000Z');
    assert.equal(next('0 0 0 31 12 *', '2026-12-31T23:59:59Z'), '2027-12-31T00:00:00.000Z');
  });

  it('refuses malformed schedules, naming the field', () => {
    assert.throws(() => parseNcrontab('0 7 * * *'), /five fields|has 5 fields/);
    assert.throws(() => parseNcrontab('0 61 * * * *'), /minute "61" is outside 0–59/);
    assert.throws(() => parseNcrontab('0 0 * * Jan *'), /month "Jan"/);
    assert.throws(() => parseNcrontab('0 0 0 31 2 *').allowed && nextOccurrence(parseNcrontab('0 0 0 31 2 *'), new Date()), /names no instant/);
  });
});
