// The embedded ContosoStore on better-sqlite3: one file under DATA_DIR (or :memory:), no
// setup. The default for `npm start` and tests; Cosmos DB implements the same port. This file
// only composes: each repo, the bulk load and the export live in their own module.
import type { ContosoStore } from '../contoso-store.js';
import type { SeedState } from '../seed-dataset.js';
import { UnavailableError } from '../../errors/domain-error.js';
import { prepareRows } from './row-statement.js';
import { createSqliteBillingRepo } from './billing-repo.js';
import { createBulkLoad } from './bulk-load.js';
import { createSqliteCustomerRepo } from './customer-repo.js';
import { createExportAll } from './export-all.js';
import { createSqliteIncidentRepo } from './incident-repo.js';
import { createSqliteAuditLog } from './audit-log.js';
import { createSqliteKnowledgeRepo } from './knowledge-repo.js';
import { openDatabase } from './open-database.js';
import { createSqliteOrderRepo } from './order-repo.js';
import { createSqliteProductRepo } from './product-repo.js';
import { createSqlitePromotionRepo } from './promotion-repo.js';
import { createSqliteSecurityLogRepo } from './security-log-repo.js';
import { createSqliteSubscriptionRepo } from './subscription-repo.js';
import { createSqliteTicketRepo } from './ticket-repo.js';
import { createSqliteUsageRepo } from './usage-repo.js';

export interface SqliteStoreOptions {
  /** Database file, or `:memory:`. */
  path: string;
}

export function createSqliteStore(options: SqliteStoreOptions): ContosoStore {
  const db = openDatabase(options.path);
  const readState = prepareRows<[], { doc: string }>(db, 'SELECT doc FROM seed_state WHERE id = 1');
  const ping = db.prepare('SELECT 1');
  const replaceAll = createBulkLoad(db);
  const exportAll = createExportAll(db);
  const products = createSqliteProductRepo(db);

  return {
    kind: 'sqlite',
    customers: createSqliteCustomerRepo(db),
    products,
    subscriptions: createSqliteSubscriptionRepo(db),
    billing: createSqliteBillingRepo(db),
    usage: createSqliteUsageRepo(db),
    tickets: createSqliteTicketRepo(db),
    promotions: createSqlitePromotionRepo(db),
    orders: createSqliteOrderRepo(db),
    incidents: createSqliteIncidentRepo(db),
    securityLogs: createSqliteSecurityLogRepo(db),
    knowledge: createSqliteKnowledgeRepo(db),
    audit: createSqliteAuditLog(db),
    async seedState() {
      const row = readState.get();
      return row ? (JSON.parse(row.doc) as SeedState) : null;
    },
    async replaceAll(dataset, state) {
      try {
        replaceAll(dataset, state);
      } finally {
        products.invalidate();
      }
    },
    async exportAll() {
      return exportAll();
    },
    async ping() {
      try {
        ping.get();
      } catch (error) {
        throw new UnavailableError('The embedded store is not reachable', {}, { cause: error });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
