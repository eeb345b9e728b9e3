// Products in the embedded store.
import type { Product, ProductCategory } from '../../domain/products/product.js';
import type { ProductRepo } from '../contoso-store.js';
import type { SqliteDatabase } from './open-database.js';
import { prepareRows } from './row-statement.js';
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

/** The product repo plus a hook the bulk loader calls after replacing the catalogue. */
export interface SqliteProductRepo extends ProductRepo {
  invalidate(): void;
}

/**
 * The catalogue is small and read on most tool calls, so it is kept in memory and reloaded after
 * this connection's own bulk load (invalidate). The connection holds its file exclusively (see
 * open-database.ts), so no other connection can change the catalogue behind its back.
 */
export function createSqliteProductRepo(db: SqliteDatabase): SqliteProductRepo {
  const all = prepareRows<[], ProductRow>(db, 'SELECT * FROM products ORDER BY product_id');
  let cached: { products: readonly Product[]; byId: ReadonlyMap<number, Product> } | undefined;
  const catalogue = () => {
    if (cached === undefined) {
      const products = Object.freeze(all.all().map((row) => Object.freeze(toProduct(row))));
      cached = { products, byId: new Map(products.map((p) => [p.productId, p])) };
    }
    return cached;
  };
  return {
    // The cached products and their list are frozen, so they are handed out as they are: nobody can change them.
    async get(productId) {
      return catalogue().byId.get(productId) ?? null;
    },
    async list(filter) {
      const products = catalogue().products;
      return filter?.category ? products.filter((p) => p.category === filter.category) : products;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
