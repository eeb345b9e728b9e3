// Snake_case schema and view of a promotion.
import * as z from 'zod';
import { LOYALTY_LEVELS } from '../../domain/customers/customer.js';
import type { Promotion } from '../../domain/promotions/promotion.js';

export const promotionSchema = z.object({
  promotion_id: z.number().int(),
  name: z.string(),
  description: z.string(),
  eligible_loyalty_levels: z.array(z.enum(LOYALTY_LEVELS)).describe('Empty means every level'),
  product_ids: z.array(z.number().int()).describe('Products it applies to; empty means any'),
  discount_percent: z.number(),
  start_date: z.string(),
  end_date: z.string(),
});

export function promotionView(p: Promotion): z.input<typeof promotionSchema> {
  return {
    promotion_id: p.promotionId,
    name: p.name,
    description: p.description,
    eligible_loyalty_levels: [...p.eligibleLoyaltyLevels],
    product_ids: [...p.productIds],
    discount_percent: p.discountPercent,
    start_date: p.startDate,
    end_date: p.endDate,
  };
}

export function describePromotion(p: z.output<typeof promotionSchema>): string {
  const levels = p.eligible_loyalty_levels.length ? p.eligible_loyalty_levels.join('/') : 'all levels';
  return `#${p.promotion_id} ${p.name}: ${p.discount_percent}% off, ${levels}, ${p.start_date} to ${p.end_date}`;
}
