// get_eligible_promotions: what a customer's loyalty level qualifies for today, and what has
// been announced for it but has not started yet.
import * as z from 'zod';
import { todayOf } from '../../time/clock.js';
import { LOYALTY_LEVELS } from '../../domain/customers/customer.js';
import { isEligible } from '../../domain/promotions/promotion.js';
import { ROLES } from '../../identity/principal.js';
import { defineTool } from '../../mcp/define-tool.js';
import { requireCustomer } from '../common/lookups.js';
import { idSchema, READ_ONLY } from '../common/schemas.js';
import { describePromotion, promotionSchema, promotionView } from './promotion-views.js';

export const getEligiblePromotions = defineTool({
  name: 'get_eligible_promotions',
  title: 'Promotions a customer qualifies for',
  description:
    "Lists the promotions a customer qualifies for today by loyalty level, plus promotions announced for their level that have not started yet (upcoming, not yet redeemable).",
  input: z.object({ customer_id: idSchema('customer') }),
  output: z.object({
    customer_id: z.number().int(),
    loyalty_level: z.enum(LOYALTY_LEVELS),
    as_of: z.string(),
    eligible: z.array(promotionSchema),
    upcoming: z.array(promotionSchema),
  }),
  roles: [ROLES.read],
  annotations: READ_ONLY,
  async handler(input, ctx) {
    const customer = await requireCustomer(ctx.store, input.customer_id);
    const today = todayOf(ctx.clock);
    const promotions = await ctx.store.promotions.list();
    const forLevel = (levels: readonly string[]) => levels.length === 0 || levels.includes(customer.loyaltyLevel);
    return {
      customer_id: customer.customerId,
      loyalty_level: customer.loyaltyLevel,
      as_of: today,
      eligible: promotions.filter((p) => isEligible(p, customer.loyaltyLevel, today)).map(promotionView),
      upcoming: promotions.filter((p) => p.startDate > today && forLevel(p.eligibleLoyaltyLevels)).map(promotionView),
    };
  },
  summarize: (r) =>
    `Customer #${r.customer_id} (${r.loyalty_level}) qualifies on ${r.as_of} for:\n${r.eligible.map(describePromotion).join('\n') || 'nothing'}` +
    `${r.upcoming.length ? `\nAnnounced, not active yet:\n${r.upcoming.map(describePromotion).join('\n')}` : ''}`,
});
