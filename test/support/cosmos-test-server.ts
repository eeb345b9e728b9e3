// A Cosmos DB stand-in for tests: @vercel/cosmosdb-server (a devDependency) on a free loopback
// port in this process, over plain HTTP, and the settings or config that point the Cosmos store
// at it. Every store a test opens gets a database of its own, so stores never see each other's data.
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { CosmosConfig } from '../../shared/config/config.js';
import type { DependencyPolicySettings } from '../../shared/resilience/dependency-policy.js';
import { createCosmosStore, type CosmosStore } from '../../shared/storage/cosmos/cosmos-store.js';
import { createLogger, type Logger } from '../../shared/telemetry/logger.js';
import type { FaultMode } from './fault-server.js';

/** The Cosmos DB emulator's published well-known key: the test server accepts any key. */
export const TEST_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

/**
 * The store's policy on the test server: as slow a request as it may take (it rescans per query
 * page), quick retries, and a breaker that does not open on its own in ordinary tests.
 */
export const TEST_COSMOS_POLICY: DependencyPolicySettings = {
  timeoutMs: 30_000,
  retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 20 },
  breaker: { failureThreshold: 1_000, halfOpenAfterMs: 1_000 },
};

/** What Cosmos DB answers when it fails, for a fault server before the test server: a JSON error body (the SDK reads no other). */
export function cosmosFault(status: number, headers: Record<string, string> = {}): FaultMode {
  return { kind: 'status', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ code: `Fault${status}`, message: 'injected by the test' }) };
}

export interface CosmosTestServer {
  endpoint: string;
  /** Settings for a process (the local host) using this server, with a database of its own. */
  env(databaseName?: string): Record<string, string>;
  /** A store config with a new, empty database. */
  config(overrides?: Partial<CosmosConfig>): CosmosConfig;
  /** Opens a Cosmos store on a new, empty database (or the one `overrides` names). */
  openStore(overrides?: Partial<CosmosConfig>, logger?: Logger): Promise<CosmosStore>;
  close(): Promise<void>;
}

export async function startCosmosTestServer(): Promise<CosmosTestServer> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let databases = 0;
  const nextDatabase = () => `test-${(databases += 1)}`;
  const config = (overrides: Partial<CosmosConfig> = {}): CosmosConfig => ({
    endpoint,
    emulator: true,
    key: TEST_COSMOS_KEY,
    managedIdentityClientId: undefined,
    databaseName: nextDatabase(),
    containerPrefix: '',
    createContainers: true,
    auditTtlDays: 90,
    knowledgeSearch: 'auto',
    policy: TEST_COSMOS_POLICY,
    ...overrides,
  });
  return {
    endpoint,
    // Conversations in memory: the default file would land in the repo's DATA_DIR.
    env: (databaseName = nextDatabase()) => ({
      STORE_KIND: 'cosmos',
      COSMOSDB_ENDPOINT: endpoint,
      COSMOSDB_KEY: TEST_COSMOS_KEY,
      COSMOS_DATABASE_NAME: databaseName,
      CONVERSATIONS_SQLITE_PATH: ':memory:',
    }),
    config,
    openStore: (overrides = {}, logger = createLogger({ level: 'error', sink: () => {} })) => createCosmosStore(config(overrides), { logger }),
    /** Stops the server (again: harmless). */
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
