// Tests of the store settings: sqlite by default, cosmos by STORE_KIND or the Contoso service's
// USE_COSMOSDB, what a Cosmos store needs, keys refused in Azure, emulator detection, and the
// per-instance SQLite store refused in Azure unless explicitly allowed.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { CosmosConfig } from '../../../shared/config/config.js';
import { loadConfig } from '../../../shared/config/load-config.js';
import { configProblems } from '../../support/config-problems.js';

const NOW = new Date('2026-03-15T22:45:00Z');
const AZURE = {
  WEBSITE_INSTANCE_ID: 'a1b2c3',
  WEBSITE_HOSTNAME: 'contoso-mcp.azurewebsites.net',
  AUTH_AUDIENCE: 'api://contoso-mcp',
  ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
  // Conversations in Blob Storage, so only the data store's rules are tested here (see conversations-config.test.ts).
  CONVERSATIONS_ACCOUNT_URL: 'https://contosoconversations.blob.core.windows.net',
};
const ACCOUNT = 'https://contoso.documents.azure.com:443/';

function cosmosOf(env: Record<string, string>): CosmosConfig {
  const { store } = loadConfig(env, NOW);
  assert.equal(store.kind, 'cosmos');
  return store.cosmos;
}

describe('store settings', () => {
  it('default to the embedded SQLite store', () => {
    assert.deepEqual(loadConfig({}, NOW).store, { kind: 'sqlite', dataDir: path.resolve('.data'), sqlitePath: path.resolve('.data', 'contoso.db') });
  });

  it('select Cosmos DB with STORE_KIND=cosmos or USE_COSMOSDB=true, with its defaults', () => {
    const expected: CosmosConfig = {
      endpoint: 'https://contoso.documents.azure.com',
      emulator: false,
      key: undefined,
      managedIdentityClientId: undefined,
      databaseName: 'contoso',
      containerPrefix: '',
      createContainers: true,
      auditTtlDays: 90,
      knowledgeSearch: 'auto',
      policy: { timeoutMs: 5_000, retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 }, breaker: { failureThreshold: 10, halfOpenAfterMs: 10_000 } },
    };
    assert.deepEqual(cosmosOf({ STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: ACCOUNT }), expected);
    assert.deepEqual(cosmosOf({ USE_COSMOSDB: 'true', COSMOSDB_ENDPOINT: ACCOUNT }), expected);
    assert.deepEqual(cosmosOf({ STORE_KIND: 'cosmos', USE_COSMOSDB: 'yes', COSMOSDB_ENDPOINT: ACCOUNT }), expected);
  });

  it('parse every Cosmos DB setting that is given', () => {
    const cosmos = cosmosOf({
      STORE_KIND: 'cosmos',
      COSMOSDB_ENDPOINT: 'http://127.0.0.1:8081',
      COSMOSDB_KEY: 'a-local-emulator-key==',
      AZURE_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
      COSMOS_DATABASE_NAME: 'contoso-test',
      COSMOS_CONTAINER_PREFIX: 'mcp_',
      COSMOS_CREATE_CONTAINERS: 'false',
      COSMOS_AUDIT_TTL_DAYS: '30',
      COSMOS_KNOWLEDGE_SEARCH: 'in-process',
      COSMOS_TIMEOUT_MS: '2500',
      COSMOS_RETRY_MAX_ATTEMPTS: '2',
      COSMOS_RETRY_INITIAL_DELAY_MS: '10',
      COSMOS_RETRY_MAX_DELAY_MS: '50',
      COSMOS_BREAKER_FAILURES: '4',
      COSMOS_BREAKER_HALF_OPEN_MS: '40',
    });
    assert.deepEqual(cosmos, {
      endpoint: 'http://127.0.0.1:8081',
      emulator: true,
      key: 'a-local-emulator-key==',
      managedIdentityClientId: '22222222-2222-4222-8222-222222222222',
      databaseName: 'contoso-test',
      containerPrefix: 'mcp_',
      createContainers: false,
      auditTtlDays: 30,
      knowledgeSearch: 'in-process',
      policy: { timeoutMs: 2500, retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 50 }, breaker: { failureThreshold: 4, halfOpenAfterMs: 40 } },
    });
  });

  it('refuse Cosmos DB policy settings under which one call could outlast a tool call', () => {
    const cosmos = { STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: ACCOUNT };
    assert.deepEqual(configProblems({ ...cosmos, COSMOS_RETRY_INITIAL_DELAY_MS: '500', COSMOS_RETRY_MAX_DELAY_MS: '100' }, NOW), [
      'COSMOS_RETRY_MAX_DELAY_MS: must be at least COSMOS_RETRY_INITIAL_DELAY_MS (500) (got 100)',
    ]);
    assert.match(configProblems({ ...cosmos, COSMOS_TIMEOUT_MS: '10000', TOOL_TIMEOUT_MS: '30000' }, NOW)[0] ?? '', /^COSMOS_TIMEOUT_MS: a Cosmos DB call may take 32000 ms .* below TOOL_TIMEOUT_MS \(30000\)$/);
    assert.equal(loadConfig({ COSMOS_TIMEOUT_MS: '60000' }, NOW).store.kind, 'sqlite', 'only checked when the store is Cosmos DB');
  });

  it('require an endpoint for Cosmos DB, and http only on loopback (a local emulator)', () => {
    assert.deepEqual(configProblems({ STORE_KIND: 'cosmos' }, NOW).map((p) => p.split(':')[0]), ['COSMOSDB_ENDPOINT']);
    assert.match(configProblems({ STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: 'http://contoso.documents.azure.com' }, NOW)[0] ?? '', /COSMOSDB_ENDPOINT: expected an https \(or loopback http\) URL/);
    assert.equal(cosmosOf({ STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: 'https://localhost:8081' }).emulator, false);
  });

  it('refuse contradicting store settings and bad values, never echoing the key', () => {
    const problems = configProblems(
      { STORE_KIND: 'sqlite', USE_COSMOSDB: 'true', COSMOS_AUDIT_TTL_DAYS: '0', COSMOS_KNOWLEDGE_SEARCH: 'vector', COSMOS_DATABASE_NAME: 'a/b', COSMOSDB_KEY: 'short' },
      NOW,
    );
    assert.deepEqual(problems.map((p) => p.split(':')[0]).sort(), ['COSMOSDB_KEY', 'COSMOS_AUDIT_TTL_DAYS', 'COSMOS_DATABASE_NAME', 'COSMOS_KNOWLEDGE_SEARCH']);
    assert.ok(!problems.join('\n').includes('short'));
    assert.deepEqual(configProblems({ STORE_KIND: 'sqlite', USE_COSMOSDB: 'true' }, NOW), ['STORE_KIND: "sqlite" contradicts USE_COSMOSDB=true; set one of them']);
  });

  it('in Azure: require existing containers by default and refuse an account key', () => {
    assert.equal(cosmosOf({ ...AZURE, STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: ACCOUNT }).createContainers, false);
    assert.equal(cosmosOf({ ...AZURE, STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: ACCOUNT, COSMOS_CREATE_CONTAINERS: 'true' }).createContainers, true);
    const problems = configProblems({ ...AZURE, STORE_KIND: 'cosmos', COSMOSDB_ENDPOINT: ACCOUNT, COSMOSDB_KEY: 'k'.repeat(88) }, NOW);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^COSMOSDB_KEY: account keys are for local emulators and are refused in Azure/);
  });

  it('in Azure: refuse the per-instance SQLite store, saying why, unless ALLOW_INSTANCE_LOCAL_STORE=true', () => {
    const problems = configProblems(AZURE, NOW);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^STORE_KIND: the embedded SQLite store lives on one instance's temp disk/);
    assert.match(problems[0] ?? '', /use STORE_KIND=cosmos, or set ALLOW_INSTANCE_LOCAL_STORE=true for a single-instance demo/);
    assert.equal(loadConfig({ ...AZURE, ALLOW_INSTANCE_LOCAL_STORE: 'true' }, NOW).store.kind, 'sqlite');
    assert.equal(loadConfig({ ALLOW_INSTANCE_LOCAL_STORE: 'false' }, NOW).store.kind, 'sqlite', 'outside Azure the setting changes nothing');
  });
});
