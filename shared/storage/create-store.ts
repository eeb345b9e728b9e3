// Picks the store adapter named by the configuration. The one place that knows every adapter.
import type { Config } from '../config/config.js';
import type { ContosoStore } from './contoso-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

export function createStore(config: Config['store']): ContosoStore {
  switch (config.kind) {
    case 'sqlite':
      return createSqliteStore({ path: config.sqlitePath });
  }
}
