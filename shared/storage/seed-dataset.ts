// The whole Contoso dataset as plain records: what the seed generator produces, what a store
// bulk-loads and what exportAll() returns.
import type { Customer } from '../domain/customers/customer.js';
import type { Product } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';

export interface SeedDataset {
  customers: Customer[];
  products: Product[];
  subscriptions: Subscription[];
}

export interface SeedState {
  /** Version of the generator; a reseed happens when it changes. */
  generatorVersion: number;
  customerCount: number;
  anchorDate: string;
  /** ISO time the seed was written. */
  seededAt: string;
}
