// get_data_usage: a subscription's daily usage between two dates, or its totals (aggregate),
// with the plan's data cap so an agent can see overage at a glance.
import * as z from 'zod';
import { InvalidArgumentError } from '../../errors/domain-error.js';
import { daysBetween } from '../../time/calendar.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireSubscription } from '../common/lookups.js';
import { calendarDate, idSchema, READ_ONLY } from '../common/schemas.js';

/** Longest range one call may cover. */
export const MAX_USAGE_RANGE_DAYS = 366;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const daySchema = z.object({
  date: z.string(),
  data_gb: z.number(),
  roaming_data_gb: z.number(),
  voice_minutes: z.number(),
  sms_count: z.number(),
});

export const getDataUsage = defineTool({
  name: 'get_data_usage',
  title: 'Data usage',
  description: `Returns a subscription's daily data, roaming, voice and SMS usage from start_date to end_date (inclusive, at most ${MAX_USAGE_RANGE_DAYS} days), or only the totals when aggregate is true, with the plan's data cap.`,
  input: z.object({
    subscription_id: idSchema('subscription'),
    start_date: calendarDate.describe('First day, YYYY-MM-DD'),
    end_date: calendarDate.describe('Last day, YYYY-MM-DD (inclusive)'),
    aggregate: z.boolean().default(false).describe('Totals only, without the daily rows'),
  }),
  output: z.object({
    subscription_id: z.number().int(),
    start_date: z.string(),
    end_date: z.string(),
    data_cap_gb: z.number().nullable(),
    totals: z.object({ data_gb: z.number(), roaming_data_gb: z.number(), voice_minutes: z.number(), sms_count: z.number(), days_with_usage: z.number().int() }),
    days: z.array(daySchema).optional(),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    if (input.start_date > input.end_date) {
      throw new InvalidArgumentError('start_date must be on or before end_date', { field: 'start_date' });
    }
    if (daysBetween(input.start_date, input.end_date) + 1 > MAX_USAGE_RANGE_DAYS) {
      throw new InvalidArgumentError(`the range may cover at most ${MAX_USAGE_RANGE_DAYS} days`, { field: 'end_date' });
    }
    const subscription = await requireSubscription(ctx.store, input.subscription_id);
    const usage = await ctx.store.usage.list(subscription.subscriptionId, input.start_date, input.end_date);
    const totals = {
      data_gb: round(usage.reduce((sum, d) => sum + d.dataGb, 0)),
      roaming_data_gb: round(usage.reduce((sum, d) => sum + d.roamingDataGb, 0)),
      voice_minutes: usage.reduce((sum, d) => sum + d.voiceMinutes, 0),
      sms_count: usage.reduce((sum, d) => sum + d.smsCount, 0),
      days_with_usage: usage.length,
    };
    return {
      subscription_id: subscription.subscriptionId,
      start_date: input.start_date,
      end_date: input.end_date,
      data_cap_gb: subscription.dataCapGb,
      totals,
      ...(input.aggregate
        ? {}
        : {
            days: usage.map((d) => ({ date: d.date, data_gb: d.dataGb, roaming_data_gb: d.roamingDataGb, voice_minutes: d.voiceMinutes, sms_count: d.smsCount })),
          }),
    };
  },
  summarize: (u) =>
    `Subscription #${u.subscription_id}, ${u.start_date} to ${u.end_date}: ${u.totals.data_gb} GB data` +
    `${u.data_cap_gb === null ? '' : ` (cap ${u.data_cap_gb} GB per month)`}, ${u.totals.roaming_data_gb} GB roaming, ` +
    `${u.totals.voice_minutes} voice minutes, ${u.totals.sms_count} SMS over ${u.totals.days_with_usage} days with usage.`,
});
