// Promotions in the embedded store. The eligibility lists are small and only ever read whole,
// so they are JSON text columns rather than link tables.
import type { LoyaltyLevel } from '../../domain/customers/customer.js';
import type { Promotion } from '../../domain/promotions/promotion.js';
import type { PromotionRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
import { fromJsonArray } from './sql-values.js';

export interface PromotionRow {
  promotion_id: number;
  name: string;
  description: string;
  eligible_loyalty_levels: string;
  product_ids: string;
  discount_percent: number;
  start_date: string;
  end_date: string;
}

export function toPromotion(row: PromotionRow): Promotion {
  return {
    promotionId: row.promotion_id,
    name: row.name,
    description: row.description,
    eligibleLoyaltyLevels: fromJsonArray<LoyaltyLevel>(row.eligible_loyalty_levels, 'promotions.eligible_loyalty_levels'),
    productIds: fromJsonArray<number>(row.product_ids, 'promotions.product_ids'),
    discountPercent: row.discount_percent,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

export function toPromotionRow(promotion: Promotion): PromotionRow {
  return {
    promotion_id: promotion.promotionId,
    name: promotion.name,
    description: promotion.description,
    eligible_loyalty_levels: JSON.stringify(promotion.eligibleLoyaltyLevels),
    product_ids: JSON.stringify(promotion.productIds),
    discount_percent: promotion.discountPercent,
    start_date: promotion.startDate,
    end_date: promotion.endDate,
  };
}

export const INSERT_PROMOTION = `INSERT INTO promotions (promotion_id, name, description, eligible_loyalty_levels,
  product_ids, discount_percent, start_date, end_date) VALUES (@promotion_id, @name, @description,
  @eligible_loyalty_levels, @product_ids, @discount_percent, @start_date, @end_date)`;

export const SELECT_PROMOTIONS = 'SELECT * FROM promotions ORDER BY promotion_id';

export function createSqlitePromotionRepo(db: SqliteDatabase): PromotionRepo {
  const all = prepareRows<[], PromotionRow>(db, SELECT_PROMOTIONS);
  return {
    async list() {
      return all.all().map(toPromotion);
    },
  };
}
