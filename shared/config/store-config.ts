// The `store` section of Config: which adapter serves the data (STORE_KIND, or the Contoso
// service's USE_COSMOSDB=true) and its settings, with the start-up rules that keep a per-instance
// store out of a scaled-out Azure app and account keys out of Azure.
import path from 'node:path';
import type { StoreConfig } from './config.js';
import { policySettingsOf, worstCaseCallMs } from './resilience-settings.js';
import type { RawSettings } from './settings-schema.js';

export const DEFAULT_COSMOS_DATABASE = 'contoso';

export interface StoreConfigInput {
  settings: RawSettings;
  inAzure: boolean;
  /** DATA_DIR, already resolved. */
  dataDir: string;
}

/** Builds the store section, or returns one line per problem (ConfigError lines). */
export function buildStoreConfig({ settings: s, inAzure, dataDir }: StoreConfigInput): { store: StoreConfig } | { problems: string[] } {
  const problems: string[] = [];
  const kind = s.STORE_KIND ?? (s.USE_COSMOSDB ? 'cosmos' : 'sqlite');
  if (s.STORE_KIND === 'sqlite' && s.USE_COSMOSDB) {
    problems.push('STORE_KIND: "sqlite" contradicts USE_COSMOSDB=true; set one of them');
  }
  if (kind === 'sqlite') {
    if (inAzure && !s.ALLOW_INSTANCE_LOCAL_STORE) {
      problems.push(
        'STORE_KIND: the embedded SQLite store lives on one instance\'s temp disk, so in Azure every instance would serve its own copy and writes made on one would be missing on the others (and lost on restart); use STORE_KIND=cosmos, or set ALLOW_INSTANCE_LOCAL_STORE=true for a single-instance demo',
      );
    }
    if (inAzure && s.SQLITE_PATH === ':memory:' && s.SEED_ON_STARTUP === false) {
      problems.push('SQLITE_PATH: an in-memory store in Azure must be seeded at start-up (SEED_ON_STARTUP=true)');
    }
    if (problems.length > 0) return { problems };
    const sqlitePath = s.SQLITE_PATH === ':memory:' ? ':memory:' : path.resolve(dataDir, s.SQLITE_PATH ?? 'contoso.db');
    return { store: { kind: 'sqlite', dataDir, sqlitePath } };
  }

  const endpoint = s.COSMOSDB_ENDPOINT;
  if (endpoint === undefined) {
    problems.push('COSMOSDB_ENDPOINT: required when STORE_KIND is cosmos (the account endpoint, e.g. https://<account>.documents.azure.com)');
  }
  if (inAzure && s.COSMOSDB_KEY !== undefined) {
    problems.push('COSMOSDB_KEY: account keys are for local emulators and are refused in Azure; grant the app\'s managed identity a Cosmos DB data role instead');
  }
  const policy = policySettingsOf(s, 'COSMOS');
  if ('problems' in policy) problems.push(...policy.problems);
  else if (worstCaseCallMs(policy.policy) >= s.TOOL_TIMEOUT_MS) {
    problems.push(
      `COSMOS_TIMEOUT_MS: a Cosmos DB call may take ${worstCaseCallMs(policy.policy)} ms (COSMOS_RETRY_MAX_ATTEMPTS × COSMOS_TIMEOUT_MS + the pauses up to COSMOS_RETRY_MAX_DELAY_MS), which must stay below TOOL_TIMEOUT_MS (${s.TOOL_TIMEOUT_MS})`,
    );
  }
  if (problems.length > 0 || endpoint === undefined || 'problems' in policy) return { problems };
  return {
    store: {
      kind: 'cosmos',
      dataDir,
      cosmos: {
        endpoint,
        emulator: endpoint.startsWith('http://'),
        key: s.COSMOSDB_KEY,
        managedIdentityClientId: s.AZURE_CLIENT_ID,
        databaseName: s.COSMOS_DATABASE_NAME ?? DEFAULT_COSMOS_DATABASE,
        containerPrefix: s.COSMOS_CONTAINER_PREFIX ?? '',
        // In Azure the identity usually holds data-plane rights only: the infra creates containers.
        createContainers: s.COSMOS_CREATE_CONTAINERS ?? !inAzure,
        auditTtlDays: s.COSMOS_AUDIT_TTL_DAYS,
        knowledgeSearch: s.COSMOS_KNOWLEDGE_SEARCH ?? 'auto',
        policy: policy.policy,
      },
    },
  };
}
