// The storage port: everything the tools, seeding and health need from a store. The embedded
// SQLite adapter implements it now; the Cosmos DB adapter implements the same interface
// (customer id is the natural partition key), and one contract suite tests both.
import type { Customer } from '../domain/customers/customer.js';
import type { Product, ProductCategory } from '../domain/products/product.js';
import type { Subscription } from '../domain/subscriptions/subscription.js';
import type { Page, PageRequest } from './page.js';
import type { SeedDataset, SeedState } from './seed-dataset.js';

export interface CustomerRepo {
  get(customerId: number): Promise<Customer | null>;
  /** Customers ordered by id. */
  list(page: PageRequest): Promise<Page<Customer>>;
  count(): Promise<number>;
}

export interface ProductRepo {
  get(productId: number): Promise<Product | null>;
  /** All products (the catalogue is small), ordered by id, optionally one category. */
  list(filter?: { category?: ProductCategory | undefined }): Promise<Product[]>;
}

export interface SubscriptionRepo {
  get(subscriptionId: number): Promise<Subscription | null>;
  /** A customer's subscriptions ordered by id (a single-partition read). */
  listByCustomer(customerId: number): Promise<Subscription[]>;
}

export interface ContosoStore {
  readonly kind: string;
  readonly customers: CustomerRepo;
  readonly products: ProductRepo;
  readonly subscriptions: SubscriptionRepo;
  /** What was seeded, or null for an empty store. */
  seedState(): Promise<SeedState | null>;
  /**
   * Replaces all Contoso data with `dataset` and records `state`, atomically where the
   * store can; running it twice with the same input leaves the same data.
   */
  replaceAll(dataset: SeedDataset, state: SeedState): Promise<void>;
  /** Every record, ordered by id within each collection (for canonical exports and checks). */
  exportAll(): Promise<SeedDataset>;
  /** Throws UnavailableError when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
