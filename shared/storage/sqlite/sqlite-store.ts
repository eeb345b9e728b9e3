// The embedded ContosoStore on better-sqlite3: one file under DATA_DIR (or :memory:), no
// setup. The default for `npm start` and tests; Cosmos DB implements the same port.
import type { ContosoStore } from '../contoso-store.js';
import type { SeedDataset, SeedState } from '../seed-dataset.js';
import { UnavailableError } from '../../errors/domain-error.js';
import { createSqliteCustomerRepo, INSERT_CUSTOMER, toCustomerRow } from './customer-repo.js';
import { openDatabase } from './open-database.js';
import { createSqliteProductRepo, INSERT_PRODUCT, toProductRow } from './product-repo.js';
import { createSqliteSubscriptionRepo, INSERT_SUBSCRIPTION, toSubscriptionRow } from './subscription-repo.js';

export interface SqliteStoreOptions {
  /** Database file, or `:memory:`. */
  path: string;
}

export function createSqliteStore(options: SqliteStoreOptions): ContosoStore {
  const db = openDatabase(options.path);
  const customers = createSqliteCustomerRepo(db);
  const products = createSqliteProductRepo(db);
  const subscriptions = createSqliteSubscriptionRepo(db);
  const readState = db.prepare<[], { doc: string }>('SELECT doc FROM seed_state WHERE id = 1');
  const writeState = db.prepare<[string]>('INSERT OR REPLACE INTO seed_state (id, doc) VALUES (1, ?)');
  const insertCustomer = db.prepare(INSERT_CUSTOMER);
  const insertProduct = db.prepare(INSERT_PRODUCT);
  const insertSubscription = db.prepare(INSERT_SUBSCRIPTION);

  const replaceAll = db.transaction((dataset: SeedDataset, state: SeedState) => {
    db.exec('DELETE FROM subscriptions; DELETE FROM customers; DELETE FROM products; DELETE FROM seed_state;');
    for (const product of dataset.products) insertProduct.run(toProductRow(product));
    for (const customer of dataset.customers) insertCustomer.run(toCustomerRow(customer));
    for (const subscription of dataset.subscriptions) insertSubscription.run(toSubscriptionRow(subscription));
    writeState.run(JSON.stringify(state));
  });

  return {
    kind: 'sqlite',
    customers,
    products,
    subscriptions,
    async seedState() {
      const row = readState.get();
      return row ? (JSON.parse(row.doc) as SeedState) : null;
    },
    async replaceAll(dataset, state) {
      replaceAll.immediate(dataset, state);
    },
    async exportAll() {
      const all = async () => {
        const out = [];
        let cursor: string | undefined;
        do {
          const page = await customers.list({ limit: 500, cursor });
          out.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return out;
      };
      const customerList = await all();
      const subscriptionList = (
        await Promise.all(customerList.map((customer) => subscriptions.listByCustomer(customer.customerId)))
      ).flat();
      subscriptionList.sort((a, b) => a.subscriptionId - b.subscriptionId);
      return { customers: customerList, products: await products.list(), subscriptions: subscriptionList };
    },
    async ping() {
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        throw new UnavailableError('The embedded store is not reachable', {}, { cause: error });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
