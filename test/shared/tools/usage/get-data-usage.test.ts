// get_data_usage: daily rows and totals agree, the cap is shown, and date arguments are checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../../../shared/time/calendar.js';
import { TOOL_TEST_ANCHOR, useSeededMcp } from '../../../support/in-process-mcp.js';

describe('get_data_usage', () => {
  const suite = useSeededMcp();

  it('returns daily rows in date order and totals that add them up', async () => {
    const subscriptionId = suite.data.usage[0]!.subscriptionId;
    const start = addDays(TOOL_TEST_ANCHOR, -30);
    const end = addDays(TOOL_TEST_ANCHOR, -1);
    const expected = suite.data.usage.filter((u) => u.subscriptionId === subscriptionId && u.date >= start && u.date <= end);
    const daily = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: start, end_date: end });
    assert.equal(daily.isError, false, daily.text);
    const days = daily.structured.days as Array<{ date: string; data_gb: number }>;
    assert.deepEqual(days.map((d) => d.date), expected.map((u) => u.date));
    const totals = daily.structured.totals as { data_gb: number; days_with_usage: number };
    assert.equal(totals.days_with_usage, expected.length);
    assert.equal(totals.data_gb, Math.round(expected.reduce((s, u) => s + u.dataGb, 0) * 100) / 100);
    const aggregate = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: start, end_date: end, aggregate: true });
    assert.equal(aggregate.structured.days, undefined);
    assert.deepEqual(aggregate.structured.totals, daily.structured.totals);
    const sub = suite.data.subscriptions.find((s) => s.subscriptionId === subscriptionId)!;
    assert.equal(aggregate.structured.data_cap_gb, sub.dataCapGb);
  });

  it('refuses a start after the end, a range over 366 days and dates that do not exist', async () => {
    const subscriptionId = suite.data.usage[0]!.subscriptionId;
    const reversed = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: '2026-05-02', end_date: '2026-05-01' });
    assert.match(reversed.text, /^INVALID_ARGUMENT: start_date must be on or before end_date/);
    const long = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: '2024-01-01', end_date: '2026-01-01' });
    assert.match(long.text, /^INVALID_ARGUMENT: the range may cover at most 366 days/);
    const bogus = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: '2026-02-30', end_date: '2026-03-01' });
    assert.equal(bogus.isError, true);
    assert.match(bogus.text, /start_date/);
    const format = await suite.mcp.call('get_data_usage', { subscription_id: subscriptionId, start_date: '01/02/2026', end_date: '2026-03-01' });
    assert.match(format.text, /start_date/);
  });

  it('answers an unknown subscription with NOT_FOUND', async () => {
    const result = await suite.mcp.call('get_data_usage', { subscription_id: 999_999_999, start_date: '2026-05-01', end_date: '2026-05-02' });
    assert.match(result.text, /^NOT_FOUND: Subscription 999999999 was not found/);
  });
});
