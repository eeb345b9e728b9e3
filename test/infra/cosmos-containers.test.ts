// The Cosmos DB containers the infra creates are the ones the app opens: the same names, partition
// keys, indexing policies, audit TTL and full-text policy as containerDefinitions() in
// shared/storage/cosmos/containers.ts (which creates them itself outside Azure), for the settings
// the infra gives the app (COSMOS_AUDIT_TTL_DAYS, COSMOS_KNOWLEDGE_SEARCH=full-text); and the
// account is serverless, keyless, with full-text and vector search switched on.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { containerDefinitions } from '../../shared/storage/cosmos/containers.js';
import { defaultDeployment, loadDeployments, onlyResourceOfType, rawAppSettings, resourcesOfType } from './deployments.js';

describe('Cosmos DB containers in the infra', () => {
  before(loadDeployments);

  it('match the code\'s container definitions exactly', () => {
    const snapshot = defaultDeployment();
    const settings = rawAppSettings(snapshot);
    assert.equal(settings.COSMOS_KNOWLEDGE_SEARCH, 'full-text');
    const expected = containerDefinitions({ auditTtlDays: Number(settings.COSMOS_AUDIT_TTL_DAYS), knowledgeSearch: 'full-text' });
    const database = onlyResourceOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    assert.equal(database.name.split('/')[1], settings.COSMOS_DATABASE_NAME);
    const deployed = new Map(
      resourcesOfType(snapshot, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers').map((container) => {
        const resource = (container.properties as { resource: Record<string, unknown> }).resource;
        return [resource.id as string, resource] as const;
      }),
    );
    assert.deepEqual([...deployed.keys()].sort(), Object.values(expected).map((definition) => definition.id).sort());
    for (const definition of Object.values(expected)) {
      const resource = deployed.get(definition.id ?? '');
      assert.ok(resource, definition.id);
      const { partitionKey, ...rest } = resource;
      assert.deepEqual((partitionKey as { paths: string[] }).paths, definition.partitionKey && typeof definition.partitionKey === 'object' && 'paths' in definition.partitionKey ? definition.partitionKey.paths : undefined, `${definition.id}: partition key`);
      // Kind and version are the service's (hash, v2); the SDK leaves them to it, and reads them back.
      assert.equal((partitionKey as { kind: string }).kind, 'Hash');
      const { partitionKey: _codeKey, ...codeRest } = definition;
      assert.deepEqual(rest, codeRest, `${definition.id}: indexing, TTL and full-text policy`);
    }
  });

  it('puts them in a serverless account without keys and with full-text and vector search', () => {
    const account = onlyResourceOfType(defaultDeployment(), 'Microsoft.DocumentDB/databaseAccounts');
    const properties = account.properties as { disableLocalAuth: boolean; capabilities: { name: string }[] };
    assert.equal(properties.disableLocalAuth, true);
    assert.deepEqual(properties.capabilities.map((c) => c.name).sort(), ['EnableNoSQLFullTextSearch', 'EnableNoSQLVectorSearch', 'EnableServerless']);
  });
});
