// What only the Cosmos DB store promises, looked at in the raw containers: where each record
// lives (the customer's partition, lookup documents, catalogue and incident containers), a schema
// version on every document, audit records in their own container with a TTL, the indexing and
// full-text policies, containers required to exist, and failures that never leak connection details.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CosmosClient } from '@azure/cosmos';
import { UnavailableError } from '../../../../shared/errors/domain-error.js';
import { readiness } from '../../../../shared/health/health-checks.js';
import { containerDefinitions } from '../../../../shared/storage/cosmos/containers.js';
import { toStoreError } from '../../../../shared/storage/cosmos/cosmos-errors.js';
import type { CosmosStore } from '../../../../shared/storage/cosmos/cosmos-store.js';
import { SCHEMA_VERSION } from '../../../../shared/storage/cosmos/documents.js';
import { startCosmosTestServer, TEST_COSMOS_KEY, type CosmosTestServer } from '../../../support/cosmos-test-server.js';
import { SMALL_SEED_STATE, smallDataset } from '../fixtures/small-dataset.js';

type Raw = Record<string, unknown> & { id: string; schemaVersion?: number; kind?: string };

describe('Cosmos DB store documents', () => {
  let server: CosmosTestServer;
  let store: CosmosStore;
  let databaseName: string;
  let client: CosmosClient;
  const raw = async (container: string) =>
    (await client.database(databaseName).container(container).items.readAll<Raw>().fetchAll()).resources;

  before(async () => {
    server = await startCosmosTestServer();
    databaseName = server.config().databaseName;
    store = await server.openStore({ databaseName });
    await store.replaceAll(smallDataset(), SMALL_SEED_STATE);
    client = new CosmosClient({ endpoint: server.endpoint, key: TEST_COSMOS_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  });
  after(async () => {
    client?.dispose();
    await store?.close();
    await server?.close();
  });

  it("keeps everything about a customer in the customer's partition, usage as one document per subscription and month", async () => {
    const docs = await raw('customers');
    const kinds = docs.map((d) => d.kind).sort();
    assert.deepEqual([...new Set(kinds)], ['customer', 'invoice', 'order', 'securityEvent', 'subscription', 'ticket', 'usageMonth']);
    for (const doc of docs) assert.equal(typeof doc.customerId, 'number', doc.id);
    const usage = docs.filter((d) => d.kind === 'usageMonth');
    assert.deepEqual(usage.map((d) => d.id).sort(), ['usage-1-2026-03', 'usage-3-2026-03'], 'eight days in two month documents');
    const invoice = docs.find((d) => d.id === 'invoice-1');
    assert.equal((invoice?.payments as unknown[]).length, 2, 'the invoice embeds its payments');
    assert.ok(docs.some((d) => d.kind === 'ticket' && d.id.startsWith('ticket-key-')), 'a ticket with an idempotency key is stored under the key');
  });

  it('resolves ids given without their customer through small lookup documents', async () => {
    const lookups = await raw('lookups');
    assert.deepEqual(lookups.map((d) => d.id).sort(), [
      'invoice-1', 'invoice-2', 'invoice-3', 'invoice-4', 'invoice-5', 'invoice-6', 'order-1', 'order-2', 'order-3', 'order-4',
      'subscription-1', 'subscription-2', 'subscription-3', 'subscription-4', 'subscription-5', 'ticket-1', 'ticket-2', 'ticket-3', 'ticket-4',
    ]);
    assert.equal(lookups.find((d) => d.id === 'invoice-5')?.customerId, 2);
  });

  it('keeps the catalogue, incidents and seed marker in containers of their own, and a schema version on every document', async () => {
    const catalogue = await raw('catalogue');
    assert.deepEqual([...new Set(catalogue.map((d) => d.kind))].sort(), ['knowledge', 'product', 'promotion']);
    assert.ok(catalogue.filter((d) => d.kind === 'knowledge').every((d) => typeof d.searchText === 'string'));
    assert.deepEqual([...new Set((await raw('incidents')).map((d) => d.area))].sort(), ['Redmond', 'Seattle']);
    assert.deepEqual((await raw('meta')).map((d) => d.id).sort(), ['counter-ticket', 'seed-state']);
    for (const container of ['customers', 'lookups', 'catalogue', 'incidents', 'meta']) {
      for (const doc of await raw(container)) assert.equal(doc.schemaVersion, SCHEMA_VERSION, `${container}/${doc.id}`);
    }
  });

  it('writes audit records to the audit container only, which expires them after the configured days', async () => {
    const record = { auditId: 'aud-1', at: '2026-03-15T10:00:00.000Z', requestId: 'r', callerId: 'c', tenantId: 't', tool: 'pay_invoice', argumentIds: { invoice_id: 1 }, outcome: 'granted' as const, result: 'ok', reason: null };
    await store.audit.append(record);
    await store.audit.append({ ...record, auditId: 'aud-2' });
    assert.deepEqual((await store.audit.list(10)).map((r) => r.auditId), ['aud-2', 'aud-1']);
    assert.deepEqual((await raw('audit')).map((d) => d.day), ['2026-03-15', '2026-03-15']);
    assert.ok(!(await raw('customers')).some((d) => d.kind === 'audit'));
    const { resource } = await client.database(databaseName).container('audit').read();
    assert.equal(resource?.defaultTtl, 90 * 86_400);
    assert.deepEqual(await store.exportAll(), smallDataset(), 'audit records are not Contoso data');
  });

  it('indexes only the paths queries use, with a full-text index on the knowledge text unless searching in process', () => {
    const definitions = containerDefinitions({ auditTtlDays: 30, knowledgeSearch: 'auto' });
    assert.deepEqual(definitions.customers.indexingPolicy?.includedPaths, [{ path: '/kind/?' }, { path: '/customerId/?' }]);
    assert.deepEqual(definitions.customers.indexingPolicy?.excludedPaths, [{ path: '/*' }]);
    assert.deepEqual(definitions.catalogue.fullTextPolicy?.fullTextPaths, [{ path: '/searchText', language: 'en-US' }]);
    assert.deepEqual(definitions.catalogue.indexingPolicy?.fullTextIndexes, [{ path: '/searchText' }]);
    assert.equal(definitions.audit.defaultTtl, 30 * 86_400);
    assert.equal(containerDefinitions({ auditTtlDays: 30, knowledgeSearch: 'in-process' }).catalogue.fullTextPolicy, undefined);
  });

  it('requires the containers to exist when it may not create them, naming what is missing', async () => {
    await assert.rejects(server.openStore({ createContainers: false }), (error: Error) => error instanceof UnavailableError && /database "test-\d+" does not exist/.test(error.message));
    await assert.rejects(server.openStore({ databaseName, createContainers: false, containerPrefix: 'other-' }), /container "other-(customers|lookups|catalogue|incidents|meta|audit)" does not exist/);
    const existing = await server.openStore({ databaseName, createContainers: false });
    assert.equal(await existing.customers.count(), 3);
    await existing.close();
  });

  it('ranks knowledge searches in process on the test server, which cannot run full-text queries', async () => {
    const fresh = await server.openStore({ databaseName });
    assert.equal((await fresh.knowledge.search('roaming abroad', 3))[0]?.document.slug, 'eu-roaming');
    assert.equal(fresh.knowledge.ranking, 'in-process');
    await fresh.close();
    const forced = await server.openStore({ databaseName, knowledgeSearch: 'full-text' });
    await assert.rejects(forced.knowledge.search('roaming', 3), /Cosmos DB request failed: query catalogue \(status 400\)/);
    await forced.close();
  });

  it('reports throttling and outages as UNAVAILABLE without connection details', async () => {
    const throttled = toStoreError(Object.assign(new Error('Request rate is large https://acct.documents.azure.com'), { code: 429 }), 'read');
    assert.ok(throttled instanceof UnavailableError);
    assert.doesNotMatch(throttled.message, /acct|https/);
    const signIn = toStoreError(Object.assign(new Error('ManagedIdentityCredential: no endpoint at 169.254.169.254'), { name: 'AggregateAuthenticationError' }), 'read');
    assert.ok(signIn instanceof UnavailableError);
    assert.match(signIn.message, /could not sign in to Cosmos DB with DefaultAzureCredential/);
    assert.doesNotMatch(signIn.message, /169\.254/);
    const down = await startCosmosTestServer();
    const orphan = await down.openStore({ policy: { timeoutMs: 1_000, retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 5 }, breaker: { failureThreshold: 50, halfOpenAfterMs: 50 } } });
    await down.close();
    await assert.rejects(orphan.ping(), (error: Error) => error instanceof UnavailableError && !error.message.includes('127.0.0.1'));
    assert.deepEqual(await readiness(orphan), { status: 'not_ready', store: 'cosmos', seeded: false, customers: null, reason: 'the store is not reachable' });
    assert.deepEqual(await orphan.check?.(), { name: 'cosmos', breaker: 'closed', status: 'degraded', detail: 'the last call failed (network)' });
    await orphan.close();
  });
});
