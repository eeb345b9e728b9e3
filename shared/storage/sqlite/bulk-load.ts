// The embedded store's replaceAll: one immediate transaction that empties every table and
// bulk-inserts a whole dataset, so readers see the old data or the new, never a mix, and a
// second run with the same input leaves the same rows.
import type { SeedDataset, SeedState } from '../seed-dataset.js';
import { DATASET_COLLECTIONS } from '../seed-dataset.js';
import { INSERT_INVOICE, INSERT_PAYMENT, toInvoiceRow, toPaymentRow } from './billing-repo.js';
import { INSERT_CUSTOMER, toCustomerRow } from './customer-repo.js';
import { INSERT_INCIDENT, toIncidentRow } from './incident-repo.js';
import { INSERT_KNOWLEDGE, REBUILD_KNOWLEDGE_INDEX, toKnowledgeRow } from './knowledge-repo.js';
import type { SqliteDatabase } from './open-database.js';
import { INSERT_ORDER, toOrderRow } from './order-repo.js';
import { INSERT_PRODUCT, toProductRow } from './product-repo.js';
import { INSERT_PROMOTION, toPromotionRow } from './promotion-repo.js';
import { INSERT_SECURITY_EVENT, toSecurityEventRow } from './security-log-repo.js';
import { INSERT_SUBSCRIPTION, toSubscriptionRow } from './subscription-repo.js';
import { INSERT_TICKET, toTicketRow } from './ticket-repo.js';
import { INSERT_DAILY_USAGE, toDailyUsageRow } from './usage-repo.js';

const DELETE_ALL = `
  DELETE FROM payments; DELETE FROM invoices; DELETE FROM daily_usage; DELETE FROM tickets; DELETE FROM orders;
  DELETE FROM security_events; DELETE FROM subscriptions; DELETE FROM customers; DELETE FROM products;
  DELETE FROM promotions; DELETE FROM incidents; DELETE FROM knowledge_vectors; DELETE FROM knowledge; DELETE FROM seed_state;`;

type Inserters = { [K in keyof SeedDataset]: (record: SeedDataset[K][number]) => void };

/** Builds the statements once and returns replaceAll for this database. */
export function createBulkLoad(db: SqliteDatabase): (dataset: SeedDataset, state: SeedState) => void {
  const inserter = <T, Row extends object>(sql: string, toRow: (record: T) => Row) => {
    const statement = db.prepare<[Row]>(sql);
    return (record: T): void => {
      statement.run(toRow(record));
    };
  };
  const inserters: Inserters = {
    customers: inserter(INSERT_CUSTOMER, toCustomerRow),
    products: inserter(INSERT_PRODUCT, toProductRow),
    subscriptions: inserter(INSERT_SUBSCRIPTION, toSubscriptionRow),
    invoices: inserter(INSERT_INVOICE, toInvoiceRow),
    payments: inserter(INSERT_PAYMENT, toPaymentRow),
    usage: inserter(INSERT_DAILY_USAGE, toDailyUsageRow),
    tickets: inserter(INSERT_TICKET, toTicketRow),
    promotions: inserter(INSERT_PROMOTION, toPromotionRow),
    orders: inserter(INSERT_ORDER, toOrderRow),
    incidents: inserter(INSERT_INCIDENT, toIncidentRow),
    securityEvents: inserter(INSERT_SECURITY_EVENT, toSecurityEventRow),
    knowledge: inserter(INSERT_KNOWLEDGE, toKnowledgeRow),
  };
  const writeState = db.prepare<[string]>('INSERT INTO seed_state (id, doc) VALUES (1, ?)');

  const loadCollection = <K extends keyof SeedDataset>(dataset: SeedDataset, name: K): void => {
    const records: unknown = dataset[name];
    if (!Array.isArray(records)) throw new TypeError(`The dataset has no ${name} collection to load`);
    const insertOne: (record: SeedDataset[K][number]) => void = inserters[name];
    for (const record of dataset[name]) insertOne(record);
  };

  const load = db.transaction((dataset: SeedDataset, state: SeedState) => {
    // Foreign keys are checked at commit, so the load order cannot fail a consistent dataset
    // (the pragma ends with the transaction); an inconsistent one rolls back whole.
    db.pragma('defer_foreign_keys = ON');
    db.exec(DELETE_ALL);
    for (const name of DATASET_COLLECTIONS) loadCollection(dataset, name);
    db.exec(REBUILD_KNOWLEDGE_INDEX);
    writeState.run(JSON.stringify(state));
  });
  return (dataset, state) => load.immediate(dataset, state);
}
