// Products in the embedded store.
import type { Product, ProductCategory } from '../../domain/products/product.js';
import type { ProductRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { toMoney } from './sql-values.js';

export interface ProductRow {
  product_id: number;
  name: string;
  category: string;
  description: string;
  monthly_fee: number;
  data_cap_gb: number | null;
  speed_tier_mbps: number | null;
  roaming_available: number;
}

export function toProduct(row: ProductRow): Product {
  return {
    productId: row.product_id,
    name: row.name,
    category: row.category as ProductCategory,
    description: row.description,
    monthlyFee: toMoney(row.monthly_fee),
    dataCapGb: row.data_cap_gb,
    speedTierMbps: row.speed_tier_mbps,
    roamingAvailable: row.roaming_available === 1,
  };
}

export function toProductRow(product: Product): ProductRow {
  return {
    product_id: product.productId,
    name: product.name,
    category: product.category,
    description: product.description,
    monthly_fee: product.monthlyFee,
    data_cap_gb: product.dataCapGb,
    speed_tier_mbps: product.speedTierMbps,
    roaming_available: product.roamingAvailable ? 1 : 0,
  };
}

export const INSERT_PRODUCT = `INSERT INTO products VALUES (@product_id, @name, @category, @description, @monthly_fee,
  @data_cap_gb, @speed_tier_mbps, @roaming_available)`;

export function createSqliteProductRepo(db: SqliteDatabase): ProductRepo {
  const byId = db.prepare<[number], ProductRow>('SELECT * FROM products WHERE product_id = ?');
  const all = db.prepare<[], ProductRow>('SELECT * FROM products ORDER BY product_id');
  const byCategory = db.prepare<[string], ProductRow>('SELECT * FROM products WHERE category = ? ORDER BY product_id');
  return {
    async get(productId) {
      const row = byId.get(productId);
      return row ? toProduct(row) : null;
    },
    async list(filter) {
      const rows = filter?.category ? byCategory.all(filter.category) : all.all();
      return rows.map(toProduct);
    },
  };
}
