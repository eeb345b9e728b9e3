// Promotions and who may have them.
import type { LoyaltyLevel } from '../customers/customer.js';

export interface Promotion {
  promotionId: number;
  name: string;
  description: string;
  /** Loyalty levels that qualify; empty means every level. */
  eligibleLoyaltyLevels: LoyaltyLevel[];
  /** Products the promotion applies to; empty means any. */
  productIds: number[];
  discountPercent: number;
  /** YYYY-MM-DD, inclusive */
  startDate: string;
  endDate: string;
}

export function isActiveOn(promotion: Promotion, day: string): boolean {
  return promotion.startDate <= day && day <= promotion.endDate;
}

export function isEligible(promotion: Promotion, loyaltyLevel: LoyaltyLevel, day: string): boolean {
  return (
    isActiveOn(promotion, day) &&
    (promotion.eligibleLoyaltyLevels.length === 0 || promotion.eligibleLoyaltyLevels.includes(loyaltyLevel))
  );
}
