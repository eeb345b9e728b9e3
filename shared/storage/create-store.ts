// Picks the store adapter named by the configuration. The one place that knows every adapter;
// each is imported only when it is the one configured, so a deployment loads (and a bundle
// splits out) just the adapter it uses.
import type { Config } from '../config/config.js';
import type { PolicyObserver } from '../resilience/policy-observer.js';
import type { Logger } from '../telemetry/logger.js';
import type { Clock } from '../time/clock.js';
import type { ContosoStore } from './contoso-store.js';

export interface CreateStoreOptions {
  /** Where adapters log (Cosmos DB request charges at debug). */
  logger: Logger;
  clock?: Clock;
  /** Told of an adapter's resilience policy (Cosmos DB's): breaker metrics and logs. */
  observePolicy?: PolicyObserver;
}

export async function createStore(config: Config['store'], options: CreateStoreOptions): Promise<ContosoStore> {
  switch (config.kind) {
    case 'sqlite': {
      const { createSqliteStore } = await import('./sqlite/sqlite-store.js');
      return createSqliteStore({ path: config.sqlitePath });
    }
    case 'cosmos': {
      const { createCosmosStore } = await import('./cosmos/cosmos-store.js');
      return createCosmosStore(config.cosmos, options);
    }
  }
}
